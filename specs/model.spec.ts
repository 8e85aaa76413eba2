// Model-based test: random sequences of PUT, GET, DELETE, batch PUT, batch DELETE
// and list over a small pool of addresses in random spellings, each answer checked against a plain
// map model (specs/model/model.ts; one command per file in specs/model/commands/). A failure shrinks
// to a minimal sequence, printed as numbered HTTP steps with the command that replays it.
import fc from 'fast-check';
import { covers, test } from '../fixtures';
import { anyTestAddress } from '../suite/ip/arbitraries';
import { canonical } from '../suite/ip/oracle';
import { knobs } from '../suite/config/profile';
import { runProperty } from '../suite/judging/property';
import { batchDeleteCommand } from './model/commands/batch-delete';
import { batchPutCommand } from './model/commands/batch-put';
import { deleteCommand } from './model/commands/delete';
import { getCommand } from './model/commands/get';
import { listCommand } from './model/commands/list';
import { putCommand } from './model/commands/put';
import type { Pair } from '../contract';
import { Model, type Real } from './model/model';

/** Up to four valid pairs: the first region of each vendor, and a second region of the first vendor
 * (so replaces change the vendor, or only the region). */
function palette(pairs: readonly Pair[]): Pair[] {
  const byVendor = new Map<string, Pair[]>();
  for (const p of pairs) byVendor.set(p.vendor, [...(byVendor.get(p.vendor) ?? []), p]);
  const firsts = [...byVendor.values()].map((l) => l[0]!);
  return [firsts[0]!, byVendor.get(firsts[0]!.vendor)![1], ...firsts.slice(1)].filter((p): p is Pair => !!p).slice(0, 4);
}

test.describe('Model-based', () => {
  test(
    'any sequence of PUT, GET, DELETE, batch PUT, batch DELETE and list over a few addresses in any spellings agrees with a plain map model',
    covers(
      'MODEL-CONSISTENT',
      'PUT-CREATE',
      'PUT-REPLACE',
      'PUT-MODIFIED-ON-MONOTONIC',
      'GET-FOUND',
      'GET-NOT-FOUND',
      'DELETE-REMOVES',
      'DELETE-NOT-FOUND',
      'BATCH-PUT-APPLIES',
      'BATCH-PUT-MERGE',
      'BATCH-PUT-PER-ITEM',
      'BATCH-PUT-DUPLICATES',
      'BATCH-DELETE-APPLIES',
      'BATCH-DELETE-PER-ITEM',
      'LIST-REFLECTS-WRITES',
      'IP-CANONICAL-IPV6',
      'IP-CANONICAL-IPV4',
      'IP-MAPPED-MIXED',
    ),
    async ({ api, addresses, regions, verify, ctx }, testInfo) => {
      const k = knobs(ctx.profile).model;
      // Full: 100 runs of up to 12 steps; shrinking a failure re-runs many sequences.
      test.setTimeout(k.timeoutMs);
      const real: Real = { api, verify, maxListPages: k.maxListPages };
      const pairs = palette(regions.pairs);
      const arb = fc.record({
        pool: fc.uniqueArray(anyTestAddress(ctx.addressBias), { minLength: 4, maxLength: k.maxPool, selector: canonical }),
        steps: fc.commands(
          [putCommand(), putCommand(), getCommand(), deleteCommand(), batchPutCommand(), batchDeleteCommand(), listCommand()],
          { maxCommands: k.maxCommands, replayPath: ctx.fcReplayPath },
        ),
      });
      await runProperty(
        { verify, ctx, testInfo },
        arb,
        async ({ pool, steps }) => {
          const keys = pool.map(canonical);
          // Claims the pool (a run shares the zone with parallel tests) and clears what an earlier
          // run of this property may have left there.
          fc.pre(await addresses.use(...keys));
          const model = new Model({ pool, pairs });
          try {
            await fc.asyncModelRun(() => ({ model, real }), steps);
          } finally {
            // Deletes what the run wrote whatever the target claimed, so the next run starts empty.
            const left = keys.filter((k) => model.sent.has(k) || addresses.mayHold(k));
            if (left.length) await api.batchDelete(left);
          }
        },
        {
          describe: ({ pool, steps }) => {
            const ran = [...steps].filter((c) => (c as { hasRan?: boolean }).hasRan !== false);
            return [`pool ${pool.map(canonical).join(', ')}; the steps:`, ...ran.map((c, i) => `  ${i + 1}. ${String(c)}`)].join('\n');
          },
          replayEnv: ({ steps }): Record<string, string> => {
            // fc.commands prints which commands ran while shrinking as /*replayPath="..."*/.
            const replayPath = /replayPath="([^"]*)"/.exec(String(steps))?.[1];
            return replayPath ? { CONFORMANCE_FC_REPLAY_PATH: replayPath } : {};
          },
        },
      );
    },
  );
});
