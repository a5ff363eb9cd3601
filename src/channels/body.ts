// A webhook's body, read under a size limit. On Node (@hono/node-server) it is read from the socket's
// own stream: the first touch of `c.req.raw`'s body makes the adapter build a WHATWG Request, a web
// stream over the socket and an AbortController for that one request, which costs about a tenth of
// a whole update's CPU on the webhook path. Anywhere else (Workers, `app.request` in tests) the body
// is read through `c.req`, behind hono's bodyLimit.
import type { IncomingMessage } from 'node:http';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The Node request behind `c`, while its body is still unread; undefined elsewhere. */
function unreadNodeRequest(c: Context): IncomingMessage | undefined {
  const incoming = (c.env as { incoming?: Partial<IncomingMessage> } | undefined)?.incoming;
  if (!incoming || typeof incoming.on !== 'function' || typeof incoming.headers !== 'object') return undefined;
  return incoming.readableDidRead ? undefined : (incoming as IncomingMessage);
}

/**
 * Refuses a body over `maxSize` bytes with `onError`'s answer. On Node only the declared length is
 * checked here; `readBody` stops a longer body sent without one. Elsewhere this is hono's bodyLimit.
 */
export function webhookBodyLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const limit = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    const incoming = unreadNodeRequest(c);
    if (!incoming) return limit(c, next);
    if (Number(incoming.headers['content-length'] ?? 0) > maxSize) {
      incoming.resume(); // the rest is discarded, and the connection stays usable
      return onError(c);
    }
    await next();
  };
}

/** A body read: its bytes, or the status to refuse it with (413 too large, 400 cut off by the sender). */
export type BodyRead = { ok: true; bytes: Uint8Array } | { ok: false; status: 400 | 413 };

/**
 * How long a webhook body may take to arrive, from the end of its headers. Telegram and Zalo send a
 * few KiB at once; a sender that trickles it (a slow-body attack) is cut off and its socket closed.
 */
export const BODY_TIMEOUT_MS = 10_000;

export async function readBody(c: Context, maxSize: number, timeoutMs = BODY_TIMEOUT_MS): Promise<BodyRead> {
  const incoming = unreadNodeRequest(c);
  const bytes = incoming ? await readIncoming(incoming, maxSize, timeoutMs) : new Uint8Array(await c.req.arrayBuffer());
  if (bytes === 'incomplete') return { ok: false, status: 400 };
  return bytes && bytes.length <= maxSize ? { ok: true, bytes } : { ok: false, status: 413 };
}

/** The bytes; null past `maxSize`; 'incomplete' when the connection closed before the end of the body. */
function readIncoming(incoming: IncomingMessage, maxSize: number, timeoutMs: number): Promise<Uint8Array | null | 'incomplete'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    // Too slow: the connection is closed (nobody is waiting for an answer that would keep it open).
    const timer = setTimeout(() => {
      done();
      incoming.destroy();
      resolve('incomplete');
    }, timeoutMs);
    const done = () => {
      clearTimeout(timer);
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
      incoming.off('close', onClose);
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxSize) {
        done();
        incoming.resume();
        resolve(null);
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => {
      done();
      resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size));
    };
    // A sender that goes away mid-body: nothing was read that could be acted on.
    const onError = () => {
      done();
      resolve('incomplete');
    };
    const onClose = () => {
      done();
      resolve('incomplete');
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
    incoming.on('close', onClose);
  });
}
