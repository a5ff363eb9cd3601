// What the bot last said to this user, so a follow-up never repeats the previous answer word for
// word. Read from the outbox (sealed bodies), within the newest rows only: outbox has no index on
// the recipient, and a rowid range keeps this bounded on every message, for new users too.
import { prepared } from '../db/prepared';
import type { Ctx } from '../core/context';

/** How far back (in outbox rows, all users together) a previous answer is looked for. */
const WINDOW_ROWS = 2000;

const RECENT = prepared<[bodyEnc: string]>(`
  select body_enc from outbox
  where id > (select coalesce(max(id), 0) from outbox) - ${WINDOW_ROWS}
    and channel = ? and recipient = ? and kind = 'reply' and status != 'archived'
  order by id desc limit ?`);

/** The texts of the last `n` replies to the sender, newest first (unreadable ones are skipped). */
export async function recentReplyTexts(ctx: Ctx, n: number): Promise<string[]> {
  const rows = await RECENT.rows(ctx.deps.db, [ctx.inc.channel, ctx.inc.userId, n]);
  const texts: string[] = [];
  for (const [bodyEnc] of rows) {
    try {
      const body = JSON.parse(await ctx.deps.sealer.open(bodyEnc)) as { text?: unknown };
      if (typeof body.text === 'string') texts.push(body.text);
    } catch {
      // sealed with an older key: it cannot be compared, so it does not count
    }
  }
  return texts;
}
