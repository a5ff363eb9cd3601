// What the bot last said to this user, so a follow-up never repeats the previous answer word for
// word, and a vague next message after a crisis reply is taken as its follow-up. Read from the
// outbox (sealed bodies), within the newest rows only: outbox has no index on the recipient, and a
// rowid range keeps this bounded on every message, for new users too.
import { prepared } from '../db/prepared';
import type { Ctx } from '../core/context';
import type { CrisisContext } from '../core/types';

/** How far back (in outbox rows, all users together) a previous answer is looked for. */
const WINDOW_ROWS = 2000;

export interface RecentReply {
  text: string;
  at: Date;
  /** Set when it was a crisis reply: the outcome it answered. */
  context?: CrisisContext;
}

const RECENT = prepared<[bodyEnc: string, createdAt: number]>(`
  select body_enc, created_at from outbox
  where id > (select coalesce(max(id), 0) from outbox) - ${WINDOW_ROWS}
    and channel = ? and recipient = ? and kind = 'reply' and status != 'archived'
  order by id desc limit ?`);

/** The last `n` replies to the sender, newest first (unreadable ones are skipped). */
export async function recentReplies(ctx: Ctx, n: number): Promise<RecentReply[]> {
  const rows = await RECENT.rows(ctx.deps.db, [ctx.inc.channel, ctx.inc.userId, n]);
  const out: RecentReply[] = [];
  for (const [bodyEnc, createdAt] of rows) {
    try {
      const body = JSON.parse(await ctx.deps.sealer.open(bodyEnc)) as { text?: unknown; context?: CrisisContext };
      if (typeof body.text === 'string') out.push({ text: body.text, at: new Date(Number(createdAt)), ...(body.context ? { context: body.context } : {}) });
    } catch {
      // sealed with an older key: it cannot be compared, so it does not count
    }
  }
  return out;
}
