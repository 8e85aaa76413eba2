// How a check is judged. A test calls `verify.check(ID, () => expect(...))`: the requirement's level
// comes from the catalogue, not from the call site. A MUST failure stops the test (it fails, carrying
// the requirement); a SHOULD or INFO failure is recorded and the test goes on, so one SHOULD never
// hides a MUST checked after it. Every failure records an annotation the reporter reads, and an
// evidence attachment: the redacted exchange, a curl command and the replay command.
import type { TestInfo } from '@playwright/test';
import type { ApiResponse } from './client';
import type { Exchange } from './http';
import { citation, finding, findingAnnotation, NOT_APPLICABLE, OBSERVATION, REQUIREMENT, VIOLATION, type Annotation } from './annotations';
import { curlCommand, redact, redactValue } from './redact';
import { requirement, type Requirement } from './requirements';


export class RequirementViolation extends Error {
  constructor(
    readonly requirement: Requirement,
    detail: string,
  ) {
    super(`[${requirement.id} ${requirement.level}] ${requirement.title}\n${detail}`);
    this.name = 'RequirementViolation';
  }
}

/** One request of a property's shrunk counterexample and what the target answered. */
export interface Step {
  method: string;
  /** Path and query under the target's host, as sent (redacted). */
  path: string;
  body?: string;
  status?: number;
  response?: string;
}

export interface Evidence {
  requirement: string;
  level: string;
  expected: string;
  detail: string;
  exchanges: Array<Exchange & { curl: string }>;
  replay: string;
  /** A property failure: every request of the shrunk counterexample's run, in order, up to the failure. */
  steps?: Step[];
}

/** Test details citing requirements: tags for --grep, annotations for the report. */
export function covers(...ids: string[]): { tag: string[]; annotation: Annotation[] } {
  for (const id of ids) requirement(id); // unknown IDs fail at load time
  return {
    tag: ids.map((id) => `@${id}`),
    annotation: ids.map(citation),
  };
}

/** Marks a test as zone-wide: it takes the zone lock exclusively, so it runs alone. */
export function zoneWide<T extends { tag: string[] }>(details: T): T {
  return { ...details, tag: [...details.tag, '@zone-wide'] };
}

export class Verifier {
  /** The latest exchanges of this test, newest last: the evidence for a failure. */
  readonly recent: ApiResponse[] = [];
  private evidenceCount = 0;
  /**
   * While a property runs, fast-check re-runs failing inputs to shrink them: failures then only
   * throw (MUST) or are remembered once per requirement (SHOULD/INFO), and nothing is recorded until
   * the property ends (suite/property.ts records the shrunk counterexample once).
   */
  deferred = false;
  readonly deferredSoft = new Map<string, { detail: string; evidence: ApiResponse[] }>();
  /** Appended to every failure detail (a property's shrunk counterexample). */
  context = '';
  /** Put before the replay command (a property's fast-check path). */
  replayPrefix = '';

  constructor(
    private readonly testInfo: TestInfo,
    private readonly replay: () => string,
  ) {}

  /** While set (a property's counterexample run again), every exchange of the test, in order. */
  capture: ApiResponse[] | undefined;

  seen(res: ApiResponse): void {
    this.capture?.push(res);
    this.recent.push(res);
    if (this.recent.length > 6) this.recent.shift();
  }

  /** Marks a requirement as exercised by this test (for IDs checked on the fly). */
  cite(id: string): void {
    requirement(id);
    if (!this.testInfo.annotations.some((a) => a.type === REQUIREMENT && a.description === id))
      this.testInfo.annotations.push(citation(id));
  }

  /**
   * Runs an assertion for a requirement. Returns true when it holds. On failure: records it, and
   * throws when the requirement is a MUST. `evidence` defaults to the latest exchanges.
   */
  async check(id: string, assertion: () => unknown, evidence?: ApiResponse | ApiResponse[]): Promise<boolean> {
    const req = requirement(id);
    this.cite(id);
    try {
      await assertion();
      return true;
    } catch (e) {
      if (e instanceof RequirementViolation) throw e; // already judged (nested check)
      this.fail(req, messageOf(e), evidence);
      return false;
    }
  }

  /**
   * Records that a requirement could not be shown here because the target omits what it is about (an
   * optional field): the report then says "not applicable: <why>", not "skipped: no test ran it", and
   * a passing test does not count as having shown it.
   */
  notApplicable(id: string, why: string): void {
    const note = findingAnnotation(NOT_APPLICABLE, finding(id, why));
    if (!this.testInfo.annotations.some((a) => a.type === NOT_APPLICABLE && a.description === note.description)) this.testInfo.annotations.push(note);
  }

  /** Records an observation for an INFO requirement (shown in the report, never a failure). */
  observe(id: string, text: string): void {
    this.cite(id);
    this.testInfo.annotations.push(findingAnnotation(OBSERVATION, finding(id, redact(text))));
  }

  /** Records a violation found without an assertion (the response validator). */
  fail(req: Requirement, detail: string, evidence?: ApiResponse | ApiResponse[]): void {
    this.cite(req.id);
    const clean = redact(this.context ? `${detail}\n${this.context}` : detail);
    const responses = evidence === undefined ? this.recent.slice(-3) : Array.isArray(evidence) ? evidence : [evidence];
    if (this.deferred) {
      if (req.level === 'MUST') throw new RequirementViolation(req, clean);
      if (!this.deferredSoft.has(req.id)) this.deferredSoft.set(req.id, { detail: clean, evidence: responses });
      return;
    }
    const evidenceName = `evidence-${++this.evidenceCount}-${req.id}.json`;
    this.testInfo.annotations.push(findingAnnotation(VIOLATION, finding(req.id, firstLine(clean), evidenceName)));
    const ev: Evidence = {
      requirement: req.id,
      level: req.level,
      expected: req.title,
      detail: clean,
      exchanges: responses.map((r) => ({
        ...redactValue(r.exchange),
        curl: curlCommand({
          method: r.exchange.request.method,
          url: r.exchange.request.url,
          headers: r.exchange.request.headers,
          body: r.exchange.request.body,
          usedToken: /^Bearer \[REDACTED\]$/.test(r.exchange.request.headers.authorization ?? ''),
        }),
      })),
      replay: this.replayPrefix + this.replay(),
      ...(this.capture ? { steps: this.capture.map(stepOf) } : {}),
    };
    void this.testInfo.attach(evidenceName, {
      body: JSON.stringify(ev, null, 2),
      contentType: 'application/json',
    });
    if (req.level === 'MUST') throw new RequirementViolation(req, `${clean}\n${evidenceText(ev)}`);
  }
}

function stepOf(r: ApiResponse): Step {
  const { request, response } = redactValue(r.exchange);
  let where = request.url;
  try {
    const u = new URL(request.url);
    where = u.pathname + u.search;
  } catch {
    // not a URL: shown as sent
  }
  return {
    method: request.method,
    path: where,
    ...(request.body !== undefined ? { body: request.body } : {}),
    ...(response ? { status: response.status, response: clip(response.body, 2000) } : {}),
  };
}

/** "1. PUT /path {body}\n   -> 200 {...}": a counterexample as the requests that reproduce it. */
export function stepsText(steps: Step[], indent = '  '): string {
  return steps
    .map((s, i) => `${indent}${i + 1}. ${s.method} ${s.path}${s.body !== undefined ? ` ${clip(s.body, 300)}` : ''}\n${indent}   -> ${s.status ?? 'no answer'}${s.response ? ` ${clip(s.response, 300)}` : ''}`)
    .join('\n');
}

function evidenceText(ev: Evidence): string {
  const last = ev.exchanges.at(-1);
  const lines = [];
  if (ev.steps?.length) lines.push(`  the counterexample as requests (${ev.steps.length}):`, stepsText(ev.steps, '    '));
  if (last) {
    lines.push(`  request:  ${last.request.method} ${last.request.url}${last.request.body ? ` ${clip(last.request.body)}` : ''}`);
    if (last.response) lines.push(`  response: ${last.response.status} ${clip(last.response.body)}`);
    lines.push(`  curl:     ${last.curl}`);
  }
  lines.push(`  replay:   ${ev.replay}`);
  return lines.join('\n');
}

function clip(s: string, n = 400): string {
  return s.length > n ? `${s.slice(0, n)}…` : s;
}

export function messageOf(e: unknown): string {
  const raw = e instanceof Error ? e.message : String(e);
  // Playwright's expect messages carry ANSI colours: strip them for annotations and reports.
  return raw.replace(/\u001b\[[0-9;]*m/g, '');
}

function firstLine(s: string): string {
  const l = s.split('\n').find((x) => x.trim()) ?? s;
  return l.length > 300 ? `${l.slice(0, 300)}…` : l;
}
