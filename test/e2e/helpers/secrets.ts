// Searches everything a run left behind for a secret, in the spellings it could take on the way:
// as is, percent-encoded (either case), JSON-escaped, base64 and base64url; inside zip files (blob
// reports) and inside the base64 zip that Playwright's HTML report embeds in its index.html.
import fs from 'node:fs';
import path from 'node:path';
import { unzip } from './zip';

export function spellings(secret: string): string[] {
  const enc = encodeURIComponent(secret);
  return [
    ...new Set([
      secret,
      enc,
      enc.replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()),
      JSON.stringify(secret).slice(1, -1).replace(/\//g, '\\/'),
      Buffer.from(secret).toString('base64').replace(/=+$/, ''),
      Buffer.from(secret).toString('base64url'),
    ]),
  ];
}

export interface Finding {
  where: string;
  spelling: string;
  context: string;
}

export function searchText(where: string, text: string, secret: string): Finding[] {
  const found: Finding[] = [];
  for (const s of spellings(secret)) {
    const at = text.indexOf(s);
    if (at >= 0) found.push({ where, spelling: s, context: text.slice(Math.max(0, at - 80), at + s.length + 40) });
  }
  return found;
}

function searchBuffer(where: string, buf: Buffer, secret: string, counter: { files: number }): Finding[] {
  counter.files++;
  const found: Finding[] = [];
  if (buf.length >= 4 && buf.readUInt32LE(0) === 0x04034b50) {
    for (const [name, content] of unzip(buf)) found.push(...searchBuffer(`${where}!${name}`, content, secret, counter));
    return found;
  }
  const text = buf.toString('utf8');
  found.push(...searchText(where, text, secret));
  // Playwright's HTML report: window.playwrightReportBase64 = "data:application/zip;base64,...".
  for (const m of text.matchAll(/data:application\/zip;base64,([A-Za-z0-9+/=]+)/g))
    found.push(...searchBuffer(`${where}#embedded-zip`, Buffer.from(m[1]!, 'base64'), secret, counter));
  return found;
}

/** Every file under the given directories (zip entries counted as files). */
export function searchTree(dirs: string[], secret: string): { findings: Finding[]; files: number; names: string[] } {
  const counter = { files: 0 };
  const findings: Finding[] = [];
  const names: string[] = [];
  const walk = (p: string) => {
    if (!fs.existsSync(p)) return;
    const st = fs.lstatSync(p);
    if (st.isDirectory()) for (const e of fs.readdirSync(p)) walk(path.join(p, e));
    else if (st.isFile()) {
      names.push(p);
      findings.push(...searchText(`file name ${p}`, p, secret));
      findings.push(...searchBuffer(p, fs.readFileSync(p), secret, counter));
    }
  };
  for (const d of dirs) walk(d);
  return { findings, files: counter.files, names };
}
