// A TCP proxy on 127.0.0.1 that adds round-trip time: every chunk is passed on half the round trip
// later, in each direction, in order. npm run bench puts it in front of the reference server to see
// how the suite behaves against a far target (staging across the internet: 50 to 200 ms).
// Connection set-up is not delayed (the proxy accepts at once): a real fresh connection costs one
// more round trip, and TLS one or two more, so the far figures are a lower bound for such targets.
import net from 'node:net';
import type { AddressInfo } from 'node:net';

export interface LatencyProxy {
  /** http://127.0.0.1:<port>: the upstream's URL with the proxy's port. */
  port: number;
  /** Connections accepted so far. */
  connections(): number;
  close(): Promise<void>;
}

/** Passes everything `from` sends to `to` after `delayMs`, keeping order; ends `to` after the last chunk. */
function delayed(from: net.Socket, to: net.Socket, delayMs: number): void {
  // One timer per chunk: timers of the same delay fire in the order they were set, so order holds.
  from.on('data', (chunk: Buffer) => {
    setTimeout(() => {
      if (!to.destroyed) to.write(chunk);
    }, delayMs);
  });
  from.on('end', () => setTimeout(() => to.end(), delayMs));
  from.on('error', () => setTimeout(() => to.destroy(), delayMs));
  from.on('close', () => setTimeout(() => to.destroy(), delayMs + 1));
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
    delayed(client, upstream, half);
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
