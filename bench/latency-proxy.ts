// A TCP proxy on 127.0.0.1 that adds round-trip time: every chunk is passed on half the round trip
// later, in each direction, in order. npm run bench puts it in front of the reference server to see
// how the suite behaves against a far target (staging across the internet: 50 to 200 ms).
// A new connection costs one round trip more, as TCP's handshake does (its first bytes pass one round
// trip late); TLS's one or two more are not modelled, so the far figures are a lower bound for an
// https target.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  /** http://127.0.0.1:<port>: the upstream's URL with the proxy's port. */
  port: number;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/**
 * Passes everything `from` sends to `to` `delayMs` later, and not before `notBefore` + `delayMs`
 * (Date.now() time), in order: one queue per direction, drained by one timer. Ends or destroys `to`
 * after the last chunk.
 */
function delayed(from: net.Socket, to: net.Socket, delayMs: number, notBefore = 0): void {
  type Item = { at: number; chunk?: Buffer; then?: 'end' | 'destroy' };
  const queue: Item[] = [];
  let timer: NodeJS.Timeout | undefined;
  const pump = () => {
    timer = undefined;
    while (queue.length && queue[0]!.at <= Date.now()) {
      const item = queue.shift()!;
      if (to.destroyed) continue;
      if (item.chunk) to.write(item.chunk);
      else if (item.then === 'end') to.end();
      else to.destroy();
    }
    if (queue.length) timer = setTimeout(pump, queue[0]!.at - Date.now());
  };
  const push = (item: Omit<Item, 'at'>, extraMs = 0) => {
    // Never before the item ahead of it: order holds.
    const at = Math.max(Date.now(), notBefore) + delayMs + extraMs;
    queue.push({ at: Math.max(at, queue.at(-1)?.at ?? 0), ...item });
    if (!timer) timer = setTimeout(pump, queue[0]!.at - Date.now());
  };
  from.on('data', (chunk: Buffer) => push({ chunk }));
  from.on('end', () => push({ then: 'end' }));
  from.on('error', () => push({ then: 'destroy' }));
  // A millisecond after the end, as before: what was written drains first.
  from.on('close', () => push({ then: 'destroy' }, 1));
}

/** Starts the proxy to `upstreamPort` on 127.0.0.1 with `rttMs` of added round trip. */
export function startLatencyProxy(upstreamPort: number, rttMs: number, upstreamHost = '127.0.0.1'): Promise<LatencyProxy> {
  const half = rttMs / 2;
  let accepted = 0;
  const sockets = new Set<net.Socket>();
  const server = net.createServer((client) => {
    accepted++;
    client.setNoDelay(true);
    const upstream = net.connect({ port: upstreamPort, host: upstreamHost });
    upstream.setNoDelay(true);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    // A new connection's first bytes leave the client only after TCP's handshake, one round trip.
    delayed(client, upstream, half, Date.now() + rttMs);
    delayed(upstream, client, half);
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        port,
        connections: () => accepted,
        close: () =>
          new Promise<void>((r) => {
            for (const s of sockets) s.destroy();
            server.close(() => r());
          }),
      });
    });
  });
}
