// zoneWide() (suite/judging/verify.ts): the tag the fixtures read for the gate's zone lock, and
// Playwright's -exclusive- lock, except where several runs share the workers.
import { expect, test } from '@playwright/test';
import { SHARED_WORKERS_VARIABLE, zoneWide } from '../../suite/judging/verify';

test('a zone-wide test is tagged and carries the exclusive lock; not in a shared invocation', () => {
  const saved = process.env[SHARED_WORKERS_VARIABLE];
  try {
    delete process.env[SHARED_WORKERS_VARIABLE];
    expect(zoneWide({ tag: ['@LIST-RESULT-INFO'], annotation: [] })).toEqual({ tag: ['@LIST-RESULT-INFO', '@zone-wide'], annotation: [], lock: '-exclusive-' });
    process.env[SHARED_WORKERS_VARIABLE] = '1';
    expect(zoneWide({ tag: [], annotation: [] })).toEqual({ tag: ['@zone-wide'], annotation: [] });
  } finally {
    if (saved === undefined) delete process.env[SHARED_WORKERS_VARIABLE];
    else process.env[SHARED_WORKERS_VARIABLE] = saved;
  }
});
