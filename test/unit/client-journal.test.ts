// The client journals every address a write may change before the request goes out, and settles what
// the target says is gone: a batch DELETE settles exactly the addresses listed in succeeded or failed,
// whatever spelling the target answers with (suite/transport/client.ts, suite/state/journal.ts).
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from '../../server';
import { ApiClient } from '../../suite/transport/client';
import { Transport } from '../../suite/transport/http';
import { Journal } from '../../suite/state/journal';

const TOKEN = 'client-journal-token';
const ZONE = '0c11e000000000000000000000000001';

test('a batch DELETE of 100 settles every address the target lists, in any spelling, and only those', async () => {
  // The target deletes every item but leaves the last one out of its answer: that one stays open.
  const server = await createServer({
    token: TOKEN,
    log: false,
    hooks: {
      reply: (reply, req) =>
        req.method === 'DELETE' && req.path.endsWith('/batch') && Array.isArray(reply.body.result?.succeeded)
          ? { ...reply, body: { ...reply.body, result: { ...reply.body.result, succeeded: reply.body.result.succeeded.slice(0, -1) } } }
          : reply,
    },
  });
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), 'client-journal-'));
  const transport = new Transport({ baseUrl: server.url, token: TOKEN });
  try {
    fs.writeFileSync(path.join(runDir, 'snapshot.json'), JSON.stringify({ [ZONE]: [] }));
    const journal = new Journal(runDir);
    const api = new ApiClient(transport, ZONE, journal);
    const ips = Array.from({ length: 100 }, (_, i) => `2001:db8:c1::${(i + 1).toString(16)}`);
    const put = await api.batchPut(ips.map((ip) => ({ origin_ip: ip, vendor: 'aws', region: 'us-east-1' })));
    expect(put.status).toBe(200);
    expect(ips.every((ip) => journal.isOpen(ZONE, ip))).toBe(true);
    // All 100 in a non-canonical spelling (the target answers with the canonical text); the answer
    // omits the last one, which stays open: it was sent, but nothing says it is gone.
    const res = await api.batchDelete(ips.map((ip) => ip.replace('2001:db8:c1::', '2001:0db8:00c1:0::')));
    expect(res.status).toBe(200);
    expect(res.json?.result?.succeeded).toHaveLength(99);
    expect(ips.slice(0, 99).filter((ip) => journal.isOpen(ZONE, ip))).toEqual([]);
    expect(journal.isOpen(ZONE, ips[99]!)).toBe(true);
  } finally {
    transport.close();
    await server.close();
    fs.rmSync(runDir, { recursive: true, force: true });
  }
});
