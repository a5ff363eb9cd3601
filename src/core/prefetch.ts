// Reads sent ahead (a prefetch), so that an update on a remote database needs no round trip of its
// own for them (docs/edge.md §2). A feature names, for a conversation step, the reads an update from
// that state will make; the engine remembers the state it last wrote for each user (in this process or
// isolate only) and, when that user's next update comes, sends those reads in the update's first batch.
// Their results are handed to the update's deferring Db (db/deferred.ts) only if the state read in
// that same batch is the one remembered (same step, same sealed data: a sealed value has a fresh IV on
// every write), and a feature gets one only when it asks for exactly that statement with exactly those
// values. Anything else — no hint, another isolate changed the state meanwhile, the feature reads
// something else — costs the round trip it cost before, never a wrong answer.
import type { InStatement } from '@libsql/client';
import type { ConversationState, CoreDeps, Feature, UserRecord } from './context';
import type { Incoming } from './types';

export interface PrefetchInput {
  deps: CoreDeps;
  /** The state as this process last wrote it (the update is handled against the state read back). */
  state: ConversationState;
  /** The update, its text trimmed as the features will see it. */
  inc: Incoming;
  user: UserRecord;
}

export interface Prefetch {
  /** The steps it reads ahead for: the engine remembers a user's state only at one of these. */
  steps: readonly string[];
  /**
   * The reads an update from `state` will make, exactly as the feature will make them ([] for none).
   * May be async for local work only (a keyed tag, never a database read).
   */
  reads(p: PrefetchInput): InStatement[] | Promise<InStatement[]>;
}

/** What the engine remembers of the state it last wrote for a user. */
export interface Hint {
  user: UserRecord;
  step: string;
  dataEnc: string | null;
  state: ConversationState;
}

/** How many users' states one process remembers (the oldest is forgotten first). */
const MAX_HINTS = 1000;

export class PrefetchHints {
  private readonly hints = new Map<string, Hint>();
  private readonly steps: ReadonlySet<string>;

  constructor(private readonly features: Feature[]) {
    this.steps = new Set(features.flatMap((f) => f.prefetch?.steps ?? []));
  }

  /** True when no feature reads ahead: nothing is remembered. */
  get empty(): boolean {
    return this.steps.size === 0;
  }

  get(channel: string, channelUserId: string): Hint | undefined {
    return this.hints.get(keyOf(channel, channelUserId));
  }

  /** After a committed update: the state it left (remembered only at a step some feature reads ahead for). */
  remember(hint: Hint | undefined, channel: string, channelUserId: string): void {
    const key = keyOf(channel, channelUserId);
    this.hints.delete(key);
    if (!hint || !this.steps.has(hint.step)) return;
    this.hints.set(key, hint);
    if (this.hints.size > MAX_HINTS) this.hints.delete(this.hints.keys().next().value!);
  }

  forget(channel: string, channelUserId: string): void {
    this.hints.delete(keyOf(channel, channelUserId));
  }

  /** The reads the features name for an update from the hinted state. A feature that fails to name them names none. */
  async reads(hint: Hint, deps: CoreDeps, inc: Incoming): Promise<InStatement[]> {
    const input: PrefetchInput = { deps, state: hint.state, inc, user: hint.user };
    const out: InStatement[] = [];
    for (const f of this.features) {
      if (!f.prefetch?.steps.includes(hint.step)) continue;
      try {
        out.push(...(await f.prefetch.reads(input)));
      } catch (err) {
        deps.log.warn('prefetch.failed', { feature: f.name, error: err instanceof Error ? err.message.slice(0, 120) : String(err) });
      }
    }
    return out;
  }
}

const keyOf = (channel: string, channelUserId: string) => `${channel}\u0000${channelUserId}`;
