// Targets for the end-to-end tests: the reference server (server/), started in this process on
// 127.0.0.1, optionally changed from outside through its hooks to break one rule on purpose.
import { createServer, type Hooks, type ReferenceServer, type ServerOptions } from '../../../server';

export type { ReferenceServer };

export function reference(options: ServerOptions = {}): Promise<ReferenceServer> {
  return createServer({ log: false, ...options });
}

/** Breaks a MUST: PUT answers 201 on success ("Create and replace both answer 200 (no 201)"). */
export const put201: Hooks = {
  reply: (reply, request) => (request.operation === 'put' && reply.status === 200 ? { ...reply, status: 201 } : reply),
};

/** Breaks a SHOULD only: a path/body mismatch keeps its 400 but loses code 1146 (PUT-MISMATCH-CODE). */
export const mismatchWithoutCode: Hooks = {
  reply: (reply, request) => {
    if (request.operation !== 'put' || reply.status !== 400) return reply;
    const errors = (reply.body.errors as Array<{ code: number; message: string }>).map((e) => (e.code === 1146 ? { ...e, code: 1999 } : e));
    return { ...reply, body: { ...reply.body, errors } };
  },
};

/**
 * A hostile, failing target for the secrets test: it breaks a MUST (PUT answers 201) and a SHOULD
 * (no code 1146), and echoes the caller's Authorization header back, raw and percent-encoded, in
 * every error message, in a response header and in the success body, so that the token reaches the
 * evidence, the failure messages and the reports unless the suite redacts everything it writes.
 */
export const hostile: Hooks = {
  reply: (reply, request) => {
    const auth = String(request.headers.authorization ?? '');
    const echo = `you sent Authorization: ${auth} (encoded ${encodeURIComponent(auth)})`;
    let next = put201.reply!(mismatchWithoutCode.reply!(reply, request), request);
    const body = { ...next.body };
    if (next.status >= 400 && Array.isArray(body.errors))
      body.errors = (body.errors as Array<{ message: string }>).map((e) => ({ ...e, message: `${e.message}; ${echo}` }));
    else body.messages = [{ code: 1000, message: echo }];
    next = { ...next, body, headers: { ...next.headers, 'x-echo-authorization': auth } };
    return next;
  },
};
