// npm run bench: a reference server in a process of its own (as the suite's target is), counting the
// requests it answers. Started with fork(); reports { url } and answers 'count' and 'close'.
import { createServer } from '../server';

async function main(): Promise<void> {
  let answered = 0;
  const server = await createServer({
    token: process.env.BENCH_TOKEN ?? 'bench-token',
    log: false,
    hooks: { reply: (reply) => (answered++, reply) },
  });
  process.on('message', (m: unknown) => {
    if (m === 'count') process.send!({ count: answered });
    if (m === 'close') void server.close().then(() => process.exit(0));
  });
  process.send!({ url: server.url });
}

void main();
