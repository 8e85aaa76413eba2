// The zone lock: tests that read zone-wide figures (list counts, the limit) take it exclusively, every
// other test shares it, so results do not depend on the worker count. It lives in the runner process
// and workers reach it through the gate (suite/transport/gate.ts). In a run of its own, Playwright's
// -exclusive- lock on the same tests (zoneWide() in suite/judging/verify.ts) already schedules them
// alone, at the end; this lock is what holds where it does not (several runs sharing workers).

export interface ZoneLock {
  lock(pid: number, exclusive: boolean): Promise<void>;
  unlock(pid: number, exclusive: boolean): void;
  close(): void;
}

/** Readers-writer lock with writer preference. Holders are process ids: a crashed worker's hold is
 * dropped when its process is gone, so one crash cannot hang the run. */
export function createZoneLock(): ZoneLock {
  const readers = new Map<number, number>();
  let writer: number | undefined;
  let writersWaiting = 0;
  const waiters: Array<() => void> = [];
  const wake = () => waiters.splice(0).forEach((w) => w());
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const reap = setInterval(() => {
    let changed = false;
    for (const pid of readers.keys()) if (!alive(pid)) (readers.delete(pid), (changed = true));
    if (writer !== undefined && !alive(writer)) (writer = undefined), (changed = true);
    if (changed) wake();
  }, 1000);
  reap.unref();
  return {
    async lock(pid, exclusive) {
      if (exclusive) writersWaiting++;
      try {
        for (;;) {
          const free = exclusive ? writer === undefined && readers.size === 0 : writer === undefined && writersWaiting === 0;
          if (free) break;
          await new Promise<void>((r) => waiters.push(r));
        }
      } finally {
        if (exclusive) writersWaiting--;
      }
      if (exclusive) writer = pid;
      else readers.set(pid, (readers.get(pid) ?? 0) + 1);
    },
    unlock(pid, exclusive) {
      if (exclusive) {
        if (writer === pid) writer = undefined;
      } else {
        const n = (readers.get(pid) ?? 0) - 1;
        if (n > 0) readers.set(pid, n);
        else readers.delete(pid);
      }
      wake();
    },
    close: () => clearInterval(reap),
  };
}
