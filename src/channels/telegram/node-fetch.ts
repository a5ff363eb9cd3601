// The Bot API calls on Node go through undici's request() rather than grammY's default (node-fetch
// over node:http): every reply is one such call, and that default costs about as much CPU per call as
// the rest of a typical update together. grammY asks its fetch for one thing, `(await fetch(url,
// init)).json()`, so this adapter answers exactly that. Workers keep the platform's own fetch.
import { Readable } from 'node:stream';
import { request } from 'undici';

type BodyInit = string | Uint8Array | AsyncIterable<Uint8Array>;

/** What grammY reads of a response (client.js: `res.json()`); the status is there for logs. */
interface BotApiResponse {
  ok: boolean;
  status: number;
  json(): Promise<unknown>;
  text(): Promise<string>;
}

export function botApiFetch(): typeof fetch {
  const call = async (url: string | URL, init: { method?: string; headers?: Record<string, string>; body?: BodyInit; signal?: AbortSignal } = {}): Promise<BotApiResponse> => {
    const res = await request(url, {
      method: (init.method ?? 'GET') as 'GET' | 'POST',
      headers: init.headers,
      // A file upload comes as a stream of form-data parts; a JSON call as a string.
      body: typeof init.body === 'string' || init.body instanceof Uint8Array || init.body === undefined ? init.body : Readable.from(init.body),
      signal: init.signal,
    });
    return {
      ok: res.statusCode >= 200 && res.statusCode < 300,
      status: res.statusCode,
      json: () => res.body.json(),
      text: () => res.body.text(),
    };
  };
  return call as unknown as typeof fetch;
}
