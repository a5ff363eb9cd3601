// The request's execution context (Workers), for work that runs after the response: a webhook
// answers once its update is committed, and the sends follow in `waitUntil`. On Node there is none
// (the runtime then runs the work detached).
import type { Context } from 'hono';
import type { BackgroundScope } from '../runtime';

export function executionScope(c: Context): BackgroundScope | undefined {
  try {
    // Hono throws when the platform gave no execution context (Node).
    return c.executionCtx;
  } catch {
    return undefined;
  }
}

/** The scope of the request that carried an update object (set by the webhook route, read by the bot). */
const scopes = new WeakMap<object, BackgroundScope>();

export function bindScope(update: object, scope: BackgroundScope | undefined): void {
  if (scope) scopes.set(update, scope);
}

export function scopeOf(update: object): BackgroundScope | undefined {
  return scopes.get(update);
}
