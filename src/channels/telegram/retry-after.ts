// Short 429 waits absorbed in the Bot API client: a refusal with `retry_after` of at most
// `maxDelaySeconds` is tried again after that wait, at most `maxRetries` times; anything else (a longer
// wait, a 5xx, a network error) goes back to the caller at once and the outbox retries it with backoff.
// It replaces @grammyjs/auto-retry used with the same options: that package is CommonJS and requires
// grammY, which made the bundler wrap all of grammY in a lazily run function that V8 parses twice at
// a Worker's start (~10 ms of CPU).
import type { Transformer } from 'grammy';

/** grammY's own AbortSignal type (from abort-controller), not the DOM's. */
type Signal = Parameters<Transformer>[3];

export interface RetryAfterOptions {
  maxRetries: number;
  maxDelaySeconds: number;
  /** How to wait (tests pass one that does not). */
  sleep?: (ms: number, signal?: Signal) => Promise<void>;
}

function pause(ms: number, signal?: Signal): Promise<void> {
  return new Promise((resolve, reject) => {
    const done = () => {
      signal?.removeEventListener('abort', abort);
      resolve();
    };
    const handle = setTimeout(done, ms);
    function abort() {
      clearTimeout(handle);
      reject(new Error('Request aborted while waiting for retry_after'));
    }
    signal?.addEventListener('abort', abort);
  });
}

export function retryAfter(opts: RetryAfterOptions): Transformer {
  const sleep = opts.sleep ?? pause;
  return async (prev, method, payload, signal) => {
    let result = await prev(method, payload, signal);
    for (let retries = 0; retries < opts.maxRetries && !result.ok; retries++) {
      const wait = result.parameters?.retry_after;
      if (typeof wait !== 'number' || wait > opts.maxDelaySeconds) break;
      await sleep(wait * 1000, signal);
      result = await prev(method, payload, signal);
    }
    return result;
  };
}
