// The CPU accounting of npm test's stages (selftest/cpu.ts).
import { expect, test } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { parseChildrenCpu, reapedChildrenCpu } from '../../selftest/cpu';

test('cutime and cstime are read after the last parenthesis, whatever the command name holds', () => {
  // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime ...
  const line = '4242 (a) b (c)) S 1 4242 4242 0 -1 4194560 100 200 0 0 7 3 1234 56 20 0 1 0 99 0 0';
  expect(parseChildrenCpu(line)).toEqual({ user: 12.34, sys: 0.56 });
  expect(parseChildrenCpu('4242 (x) S 1')).toBeUndefined();
});

test('a busy child, once reaped, adds its CPU seconds to this process (Linux)', () => {
  const before = reapedChildrenCpu();
  test.skip(before === undefined, 'no /proc on this system');
  // Spins until it has used 400 ms of CPU itself (not of wall time: on a loaded machine it gets less).
  spawnSync(process.execPath, ['-e', 'const u = () => { const c = process.cpuUsage(); return c.user + c.system; }; while (u() < 400e3);']);
  const after = reapedChildrenCpu()!;
  expect(after.user + after.sys - (before!.user + before!.sys)).toBeGreaterThanOrEqual(0.3);
});
