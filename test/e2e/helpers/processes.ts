// Ports and process groups of the child processes the end-to-end tests start.
import net from 'node:net';

/**
 * A port of 127.0.0.1 that was free a moment ago, for a server the test starts as a command (which
 * binds it seconds later). Drawn below the kernel's ephemeral range (/proc/sys/net/ipv4/ip_local_port_range,
 * 32768-60999 by default): in the meantime the other worker's runs open hundreds of client connections
 * and listeners on port 0, all from that range, and one of them could take the port first. Random, so
 * that two workers do not pick the same one.
 */
export async function freePort(): Promise<number> {
  for (let attempt = 0; ; attempt++) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
    if (attempt > 50) throw new Error('no free port of 127.0.0.1 found between 20000 and 32000');
  }
}

/** Whether any process of the group is still alive (signal 0 only checks). */
export function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}
