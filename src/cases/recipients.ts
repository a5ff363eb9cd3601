// Which language a recipient reads, and how to address the reporter of a case.
import { and, eq, inArray, or } from 'drizzle-orm';
import type { Address, Channel, Lang } from '../core/types';
import type { Db } from '../db/db';
import { users } from '../db/schema';
import { fill } from '../core/messages';
import type { QueuedMessage } from '../outbox/outbox';
import type { CaseRow } from './clocks';
import { reportsMessages } from '../reports/messages';
import { reporterWords } from './reporter-words';
import { reporterIdOf, reporterMessageKey } from './reporter-link';
import { rememberReporter } from './reporter-memo';
import type { Sealer } from '../ground/crypto';

export async function langOf(db: Db, to: Address): Promise<Lang> {
  const [u] = await db
    .select({ lang: users.lang })
    .from(users)
    .where(and(eq(users.channel, to.channel), eq(users.channelUserId, to.userId)))
    .limit(1);
  return u?.lang === 'en' ? 'en' : 'vi';
}

/** The language of each recipient, in order, with one query for all of them (unknown → Vietnamese). */
export async function langsOf(db: Db, to: Address[]): Promise<Lang[]> {
  if (to.length === 0) return [];
  if (to.length === 1) return [await langOf(db, to[0]!)];
  const rows = await db
    .select({ channel: users.channel, channelUserId: users.channelUserId, lang: users.lang })
    .from(users)
    .where(
      or(
        ...[...new Set(to.map((a) => a.channel))].map((channel) =>
          and(eq(users.channel, channel), inArray(users.channelUserId, to.filter((a) => a.channel === channel).map((a) => a.userId))),
        ),
      ),
    );
  const en = new Set(rows.filter((u) => u.lang === 'en').map((u) => `${u.channel}\u0000${u.channelUserId}`));
  return to.map((a) => (en.has(`${a.channel}\u0000${a.userId}`) ? 'en' : 'vi'));
}

/** Where the case's reporter is reached: their user id is opened from the case (it is sealed there). */
export async function reporterAddress(db: Db, sealer: Sealer, row: Pick<CaseRow, 'reporterEnc'> & { ref?: string }): Promise<{ to: Address; lang: Lang } | null> {
  const id = await reporterIdOf(sealer, row);
  if (id === null) return null;
  if (row.ref) rememberReporter(row.ref, id);
  const [u] = await reporterQuery(db, id);
  if (!u) return null;
  return { to: { channel: u.channel as Channel, userId: u.channelUserId }, lang: u.lang === 'en' ? 'en' : 'vi' };
}

/** The read of the reporter's row, as a query (to send it ahead, core/prefetch.ts). */
export function reporterQuery(db: Db, userId: number) {
  return db.select().from(users).where(eq(users.id, userId)).limit(1);
}

/**
 * The reporter's coarse progress note for a case's current status and level (never the officer's
 * identity). Once per status and level; `occasion` makes a repeat of the same words distinct (a transfer).
 * The row's recipient is the reporter's chat id, so it carries no case id and its dedupe key is a tag.
 */
export async function reporterProgress(db: Db, sealer: Sealer, row: CaseRow, occasion = ''): Promise<QueuedMessage | null> {
  const reporter = await reporterAddress(db, sealer, row);
  if (!reporter) return null;
  const t = reportsMessages[reporter.lang];
  return {
    to: reporter.to,
    text: fill(t.progress, { ref: row.ref, status: reporterWords(reporter.lang, row) }),
    buttons: [],
    state: null,
    kind: 'status',
    dedupeKey: await reporterMessageKey(sealer, `case:${row.id}:status:${row.status}:${row.level}${occasion ? `:${occasion}` : ''}`),
  };
}
