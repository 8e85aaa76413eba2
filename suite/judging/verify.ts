// How a check is judged. A test calls `verify.check(ID, () => expect(...))`: the requirement's level
// comes from the catalogue, not from the call site. A MUST failure stops the test (it fails, carrying
// the requirement); a SHOULD or INFO failure is recorded and the test goes on, so one SHOULD never
// hides a MUST checked after it. Every failure records an annotation the reporter reads, and an
// evidence attachment: the redacted exchange, a curl command and the replay command.
import type { TestInfo } from '@playwright/test';
import { AsyncLocalStorage } from 'node:async_hooks';
import type { ApiResponse } from '../transport/client';
import type { Exchange } from '../transport/http';
import { citation, finding, findingAnnotation, MATRIX_CELL, MATRIX_RESULT, NOT_APPLICABLE, OBSERVATION, REQUIREMENT, VIOLATION, type Annotation } from './annotations';
import { curlCommand, redact, redactValue } from '../transport/redact';
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

type Details = { tag: string[]; annotation: Annotation[] };

/**
 * Adds to a test's details the matrix cells of requirement `id` it exercises (suite/judging/requirements.ts,
 * `matrix`). Unknown cells fail at load time, like unknown IDs. The test then records each cell's
 * outcome with `verify.checkCell`.
 */
export function cells<T extends Details>(details: T, id: string, cellIds: Iterable<string>): T {
  const row = requirement(id).matrix ?? [];
  const annotation = [...details.annotation];
  for (const cell of cellIds) {
    if (!row.some((c) => c.id === cell)) throw new Error(`Requirement ${id} has no matrix cell "${cell}" (suite/judging/requirements.ts)`);
    annotation.push({ type: MATRIX_CELL, description: `${id} ${cell}` });
  }
  return { ...details, tag: details.tag.includes(`@${id}`) ? details.tag : [...details.tag, `@${id}`], annotation };
}

/** Set where tests of several runs share the workers (the self-test's shared invocation). */
export const SHARED_WORKERS_VARIABLE = 'ORIGIN_CONFORMANCE_SHARED_WORKERS';

/**
 * Marks a test as zone-wide: it takes the zone lock exclusively (fixtures/index.ts), so it runs alone.
 * It also carries Playwright's `-exclusive-` lock: the dispatcher then starts it only when no other
 * test runs and gives the workers other tests meanwhile, so the zone-wide tests gather at the end of
 * the run, one after another, instead of each holding a worker while the others drain (against a far
 * target every drain costs seconds on every worker). Not where several runs share the workers: there
 * the lock would hold every other run's tests too; the gate's zone lock, one per run, suffices.
 */
export function zoneWide<T extends { tag: string[] }>(details: T): T & { lock?: string } {
  const lock = process.env[SHARED_WORKERS_VARIABLE] ? {} : { lock: '-exclusive-' };
  return { ...details, tag: [...details.tag, '@zone-wide'], ...lock };
}

export class Verifier {
  /** The latest exchanges of this test, newest last: the evidence for a failure. */
  readonly recent: ApiResponse[] = [];
  private evidenceCount = 0;
  /**
   * While a property runs, fast-check re-runs failing inputs to shrink them: failures then only
   * throw (MUST) or are remembered once per requirement (SHOULD/INFO), and nothing is recorded until
   * the property ends (suite/judging/property.ts records the shrunk counterexample once).
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

  /**
   * `check` for one matrix cell of requirement `id`: records the cell's outcome (passed, or failed
   * before a MUST failure stops the test) for the reports' matrix.
   */
  async checkCell(id: string, cell: string | string[], assertion: () => unknown, evidence?: ApiResponse | ApiResponse[]): Promise<boolean> {
    const ids = typeof cell === 'string' ? [cell] : cell;
    const row = requirement(id).matrix ?? [];
    for (const c of ids) if (!row.some((x) => x.id === c)) throw new Error(`Requirement ${id} has no matrix cell "${c}" (suite/judging/requirements.ts)`);
    let ok = false;
    try {
      ok = await this.check(id, assertion, evidence);
    } finally {
      for (const c of ids) this.testInfo.annotations.push({ type: MATRIX_RESULT, description: `${id} ${c} ${ok ? 'passed' : 'failed'}` });
    }
    return ok;
  }

  /**
   * Sends a request with failures of `id` found on its response by the api fixture (ENV-NO-5XX, the
   * envelope) recorded against `cell` too: those checks run before the test's own and stop it.
   */
  async inCell<T>(id: string, cell: string, send: () => Promise<T>): Promise<T> {
    if (!(requirement(id).matrix ?? []).some((x) => x.id === cell)) throw new Error(`Requirement ${id} has no matrix cell "${cell}" (suite/judging/requirements.ts)`);
    // Scoped to this call's async context, not to the verifier: several cells' requests may be in
    // flight at once (inParallel), and each failure belongs to the cell whose request it judges.
    return this.cellScope.run({ id, cell }, send);
  }

  private readonly cellScope = new AsyncLocalStorage<{ id: string; cell: string }>();

  /** Records that a cell could not run here, and why (a missing second zone, a zone too full). */
  skipCell(id: string, cell: string | string[], reason: string): void {
    for (const c of typeof cell === 'string' ? [cell] : cell)
      this.testInfo.annotations.push({ type: MATRIX_RESULT, description: `${id} ${c} skipped ${redact(reason)}` });
  }

  /** Records an observation for an INFO requirement (shown in the report, never a failure). */
  observe(id: string, text: string): void {
    this.cite(id);
    this.testInfo.annotations.push(findingAnnotation(OBSERVATION, finding(id, redact(text))));
  }

  /** Records a violation found without an assertion (the response validator). */
  fail(req: Requirement, detail: string, evidence?: ApiResponse | ApiResponse[]): void {
    this.cite(req.id);
    const scope = this.cellScope.getStore();
    if (scope?.id === req.id) this.testInfo.annotations.push({ type: MATRIX_RESULT, description: `${req.id} ${scope.cell} failed` });
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
