// Reads and parses a JSON request body for the operations that take one (put, batch-put,
// batch-delete). Every failure becomes a 4xx reply; nothing here can throw.
import type { IncomingMessage } from 'node:http';
import { Code } from '../contract';
import { fail } from './envelope';
import type { Reply } from './types';

export type BodyResult = { body: unknown } | { reply: Reply };

function tooLarge(maxBytes: number, closeConnection: boolean): Reply {
  const reply = fail(413, Code.bodyTooLarge, `request body is larger than ${maxBytes} bytes`);
  // Only a body too large even to drain is left unread; closing keeps it from being parsed as a request.
  if (closeConnection) reply.headers.connection = 'close';
  return reply;
}

/**
 * A body over the limit is still read (and thrown away) up to this many times the limit before the
 * 413 goes out. Answering first and closing while the client still sends makes the kernel reset the
 * connection, and the client often loses the 413 with it (EPIPE or ECONNRESET: measured 14 of 400
 * 2 MiB requests on this machine under load): RFC 9112 section 9.6 recommends this "lingering" read.
 */
const DRAIN_FACTOR = 64;

type Received = { bytes: Buffer } | { failure: 'too large' | 'too large to drain' | 'aborted' };

function receive(req: IncomingMessage, maxBytes: number): Promise<Received> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let tooLarge = false;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (tooLarge) {
        // Past what is worth draining: answer now (the caller closes the connection).
        if (size > maxBytes * DRAIN_FACTOR) {
          req.off('data', onData);
          resolve({ failure: 'too large to drain' });
        }
        return;
      }
      if (size > maxBytes) {
        // Stop buffering at once; the rest is read and discarded until the body ends.
        tooLarge = true;
        chunks.length = 0;
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(tooLarge ? { failure: 'too large' } : { bytes: Buffer.concat(chunks) }));
    // A client that went away mid-body: a truncated body must never be applied (first resolve wins).
    req.on('error', () => resolve({ failure: 'aborted' }));
    req.on('close', () => resolve({ failure: 'aborted' }));
  });
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** `undefined` body when the request has none (zero bytes): each operation decides what that means. */
export async function readJsonBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (declared > maxBytes * DRAIN_FACTOR) return { reply: tooLarge(maxBytes, true) };
  const received = await receive(req, maxBytes);
  if ('failure' in received) {
    if (received.failure === 'aborted') return { reply: fail(400, Code.invalidBody, 'request body was not received completely') };
    return { reply: tooLarge(maxBytes, received.failure === 'too large to drain') };
  }
  const { bytes } = received;
  if (bytes.length === 0) return { body: undefined };

  // application/json with any parameters is accepted; no Content-Type at all is read as JSON too.
  // Any other media type is refused with 9207 (spec/README.md: "Wrong content type: code 9207").
  const contentType = req.headers['content-type'];
  const mediaType = contentType?.split(';')[0]!.trim().toLowerCase();
  if (mediaType !== undefined && mediaType !== 'application/json') {
    return { reply: fail(400, Code.unsupportedContentType, `Content-Type must be application/json, got ${JSON.stringify(contentType)}`) };
  }
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { reply: fail(400, Code.malformedJson, 'Malformed JSON in request body: not valid UTF-8') };
  }
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    return { reply: fail(400, Code.malformedJson, `Malformed JSON in request body: ${(error as Error).message}`) };
  }
}
