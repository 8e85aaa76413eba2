// CPU seconds of the processes a stage ran: the kernel adds a child's user and system time (its own and
// that of the descendants it waited for) to its parent's cutime/cstime when the parent reaps it.
// Read from /proc/self/stat around a stage, the difference is the stage's whole process tree, except
// processes orphaned before they ended (a lower bound). Linux only: undefined where /proc is missing.
import fs from 'node:fs';
import { statFields } from '../suite/run/proc-stat';

/** /proc reports times in USER_HZ ticks: 100 per second on every Linux architecture Node supports. */
const TICKS_PER_SECOND = 100;

export interface Cpu {
  user: number;
  sys: number;
}

/** cutime and cstime (fields 16 and 17) of a /proc/<pid>/stat line, in seconds. */
export function parseChildrenCpu(stat: string): Cpu | undefined {
  const fields = statFields(stat);
  const [cutime, cstime] = [Number(fields[13]), Number(fields[14])];
  if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) return undefined;
  return { user: cutime / TICKS_PER_SECOND, sys: cstime / TICKS_PER_SECOND };
}

/** The CPU time of this process's reaped children so far. */
export function reapedChildrenCpu(): Cpu | undefined {
  try {
    return parseChildrenCpu(fs.readFileSync('/proc/self/stat', 'utf8'));
  } catch {
    return undefined;
  }
}
