// Linearizability of one address's history against a register model (decision 14: "The history of
// operations on one address SHOULD be linearizable: every response is explained by some order of the
// operations that respects real time"). A history is what the clients saw: each operation's
// invocation and response times and its result. The checker searches for an order, as Knossos and
// Porcupine do (Wing & Gong's backtracking with Lowe's memo of visited configurations): take next any
// operation invoked before every remaining operation's response, apply it to the model, and backtrack
// when a result disagrees. Histories of one address in the suite are small (tens of operations).

/** What a mapping holds; null: no mapping. */
export type RegisterValue = { vendor: string; region: string } | null;

export type RegisterOp =
  /** PUT (create or replace) that succeeded. */
  | { kind: 'put'; value: NonNullable<RegisterValue> }
  /** GET: the mapping it returned (200) or null (404). */
  | { kind: 'get'; result: RegisterValue }
  /** DELETE: true when it deleted a mapping (200), false when there was none (404). */
  | { kind: 'delete'; deleted: boolean };

export interface HistoryEntry {
  op: RegisterOp;
  /** When the request was sent (ms, one clock for the whole history). */
  invokedAt: number;
  /** When its response arrived; Infinity when no answer came (the operation may or may not have taken effect). */
  returnedAt: number;
  /** For the evidence: the request as sent (spelling) and what came back. */
  label: string;
}

export interface LinearizabilityResult {
  /** undefined: the search gave up (more configurations than `maxStates`); no verdict. */
  ok: boolean | undefined;
  /** A valid order (indexes into the history) when ok. */
  order?: number[];
  /** The longest prefix of an order the search found, when not ok (where the history stops making sense). */
  longestPrefix?: number[];
}

const same = (a: RegisterValue, b: RegisterValue) =>
  a === null || b === null ? a === b : a.vendor === b.vendor && a.region === b.region;

/** Applies an operation to the register: the new state, or undefined when its result is impossible. */
export function step(state: RegisterValue, op: RegisterOp): RegisterValue | undefined {
  switch (op.kind) {
    case 'put':
      return op.value;
    case 'get':
      return same(state, op.result) ? state : undefined;
    case 'delete':
      return op.deleted === (state !== null) ? null : undefined;
  }
}

/**
 * Is the history linearizable from `initial`? An operation without an answer (returnedAt Infinity)
 * may be left out (it may never have taken effect) or placed anywhere after its invocation. The search
 * is exponential at worst: past `maxStates` configurations it gives up (ok undefined), never guesses.
 */
export function checkLinearizable(history: readonly HistoryEntry[], initial: RegisterValue = null, maxStates = 200_000): LinearizabilityResult {
  const n = history.length;
  // Sets of operations are 30-bit masks (JavaScript's bitwise operators work on 32-bit integers).
  if (n > 30) throw new Error(`linearizability: ${n} operations on one address are more than this checker is meant for (30)`);
  const all = (1 << n) - 1;
  const pending = history.reduce((m, h, i) => (h.returnedAt === Infinity ? m | (1 << i) : m), 0);
  // States interned as small numbers, so a configuration is one number.
  const states: RegisterValue[] = [];
  const stateId = (v: RegisterValue) => {
    const i = states.findIndex((s) => same(s, v));
    return i >= 0 ? i : states.push(v) - 1;
  };
  const visited = new Set<number>();
  let longest: number[] = [];
  const order: number[] = [];

  const search = (done: number, state: RegisterValue): boolean => {
    // Every operation that answered is placed; the unanswered ones may simply not have happened.
    if ((done | pending) === all) return true;
    const key = done * 64 + stateId(state);
    if (visited.has(key)) return false;
    if (visited.size >= maxStates) throw GAVE_UP;
    visited.add(key);
    // The next operation must be invoked before the earliest response among those not yet placed.
    let horizon = Infinity;
    for (let i = 0; i < n; i++) if (!(done & (1 << i))) horizon = Math.min(horizon, history[i]!.returnedAt);
    for (let i = 0; i < n; i++) {
      if (done & (1 << i) || history[i]!.invokedAt > horizon) continue;
      const next = step(state, history[i]!.op);
      if (next === undefined) continue;
      order.push(i);
      if (order.length > longest.length) longest = [...order];
      if (search(done | (1 << i), next)) return true;
      order.pop();
    }
    return false;
  };

  try {
    return search(0, initial) ? { ok: true, order: [...order] } : { ok: false, longestPrefix: longest };
  } catch (e) {
    if (e === GAVE_UP) return { ok: undefined, longestPrefix: longest };
    throw e;
  }
}

const GAVE_UP = Symbol('gave up');

/** The history as text for a failure's evidence: one line per operation, times relative to the first. */
export function describeHistory(history: readonly HistoryEntry[]): string {
  const t0 = Math.min(...history.map((h) => h.invokedAt));
  const ms = (t: number) => (t === Infinity ? 'no answer' : `${(t - t0).toFixed(1)} ms`);
  return history
    .map((h, i) => `#${i} [${ms(h.invokedAt)} .. ${ms(h.returnedAt)}] ${h.label}`)
    .join('\n');
}
