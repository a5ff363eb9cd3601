// Reads sent ahead (a prefetch), so that an update on a remote database needs no round trip of its
// own for them (docs/edge.md §2). A feature names the reads an update will make:
// - from the update alone (`fromUpdate`: a button that names a case), sent with every such update;
//   one the update makes only at some steps (the address typed at the address question) is gated in
//   SQL on the sender's state row, so it reads nothing elsewhere, and kept only if the state read in
//   the same batch is at one of them;
// - from the conversation state (`fromState`, for some steps): the engine remembers the state it last
//   wrote for each user (in this process or isolate only) and, when that user's next update comes,
//   sends the reads for that state; their results are kept only if the state read in the same batch is
//   the one remembered (same step, same sealed data: a sealed value has a fresh IV on every write).
// The reads go in the update's first batch, and the update's deferring Db (db/deferred.ts) answers a
// feature's read from them only when the feature asks for exactly that statement with exactly those
// values. A read sent ahead is no older than one the feature would make itself: both come before the
// update's one write batch, whose guards (compare-and-swap, unique keys) catch what changed since.
// Anything else — no hint, another isolate changed the state meanwhile, the feature reads something
// else — costs the round trip it cost before, never a wrong answer.
import type { InStatement } from '@libsql/client';
import type { ConversationState, CoreDeps, Feature, UserRecord } from './context';
import type { Incoming } from './types';
import { setRecent } from '../ground/recent';

export interface UpdateInput {
  deps: CoreDeps;
  /** The update, its text trimmed as the features will see it. */
  inc: Incoming;
}

export interface StateInput extends UpdateInput {
  /** The state as this process last wrote it (the update is handled against the state read back). */
  state: ConversationState;
  user: UserRecord;
}

type Reads = InStatement[] | Promise<InStatement[]>;

/** A read the update makes only while its sender is at one of the steps `at`. */
export interface AtSteps {
  read: InStatement;
  at: readonly string[];
}

export interface Prefetch {
  /** The reads this update will make, named from the update alone ([] for none). */
  fromUpdate?(p: UpdateInput): Array<InStatement | AtSteps> | Promise<Array<InStatement | AtSteps>>;
  /** The steps `fromState` reads ahead for: the engine remembers a user's state only at one of these. */
  steps?: readonly string[];
  /** The reads an update from `state` will make, exactly as the feature will make them ([] for none). */
  fromState?(p: StateInput): Reads;
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

/** The sender's state row as the update's first batch read it. */
export interface StateSeen {
  userId: number;
  step: string | null;
  dataEnc: string | null;
}

/** One read sent ahead: the statement a feature will ask for, the statement sent, and whether its result stands. */
export interface Ahead {
  read: InStatement;
  sent: InStatement;
  keep(seen: StateSeen): boolean;
}

export class PrefetchHints {
  private readonly hints = new Map<string, Hint>();
  private readonly steps: ReadonlySet<string>;

  constructor(private readonly features: Feature[]) {
    this.steps = new Set(features.flatMap((f) => f.prefetch?.steps ?? []));
  }

  /** True when no feature reads ahead. */
  get empty(): boolean {
    return !this.features.some((f) => f.prefetch);
  }

  get(channel: string, channelUserId: string): Hint | undefined {
    return this.hints.get(keyOf(channel, channelUserId));
  }

  /** After a committed update: the state it left (remembered only at a step some feature reads ahead for). */
  remember(hint: Hint | undefined, channel: string, channelUserId: string): void {
    const key = keyOf(channel, channelUserId);
    this.hints.delete(key);
    if (!hint || !this.steps.has(hint.step)) return;
    setRecent(this.hints, key, hint, MAX_HINTS);
  }

  forget(channel: string, channelUserId: string): void {
    this.hints.delete(keyOf(channel, channelUserId));
  }

  /**
   * The reads the features name for this update: from the update (`fromUpdate`) and from the hinted
   * state (`fromState`), each with the rule that says whether its result stands once the state is
   * read. A feature that fails to name them names none.
   */
  async reads(hint: Hint | undefined, deps: CoreDeps, inc: Incoming): Promise<Ahead[]> {
    const out: Ahead[] = [];
    const always = () => true;
    const hinted = (seen: StateSeen) => hint !== undefined && seen.userId === hint.user.id && seen.step === hint.step && seen.dataEnc === hint.dataEnc;
    for (const f of this.features) {
      const p = f.prefetch;
      if (!p) continue;
      try {
        for (const named of p.fromUpdate ? await p.fromUpdate({ deps, inc }) : []) {
          if (typeof named === 'object' && 'at' in named) {
            const at = named.at;
            out.push({ read: named.read, sent: gated(named.read, inc, at), keep: (seen) => seen.step !== null && at.includes(seen.step) });
          } else out.push({ read: named, sent: named, keep: always });
        }
        if (hint && p.fromState && p.steps?.includes(hint.step)) {
          for (const read of await p.fromState({ deps, inc, state: hint.state, user: hint.user })) out.push({ read, sent: read, keep: hinted });
        }
      } catch (err) {
        deps.log.warn('prefetch.failed', { feature: f.name, error: err instanceof Error ? err.message.slice(0, 120) : String(err) });
      }
    }
    return out;
  }
}

const keyOf = (channel: string, channelUserId: string) => `${channel}\u0000${channelUserId}`;

/**
 * `read`, returning its rows only while the sender's state row is at one of `at` (and nothing,
 * reading nothing, otherwise: SQLite checks a constant condition before it runs the query). Its
 * parameters are positional or numbered; the condition's own come after them.
 */
function gated(read: InStatement, inc: Incoming, at: readonly string[]): InStatement {
  const stmt = typeof read === 'string' ? { sql: read } : read;
  if (stmt.args !== undefined && !Array.isArray(stmt.args)) throw new Error('a gated read takes positional values');
  const args = stmt.args ?? [];
  return {
    sql: `select * from (${stmt.sql}) where exists (select 1 from conversation_state s join users u on u.id = s.user_id where u.channel = ? and u.channel_user_id = ? and s.step in (select value from json_each(?)))`,
    args: [...args, inc.channel, inc.userId, JSON.stringify(at)],
  };
}
