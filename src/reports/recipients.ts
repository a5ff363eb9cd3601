// Which language a recipient reads, and how to address the reporter of a case.
import { and, eq } from 'drizzle-orm';
import type { Address, Channel, Lang } from '../core/types';
import type { Db } from '../db/db';
import { users } from '../db/schema';

export async function langOf(db: Db, to: Address): Promise<Lang> {
  const [u] = await db
    .select({ lang: users.lang })
    .from(users)
    .where(and(eq(users.channel, to.channel), eq(users.channelUserId, to.userId)))
    .limit(1);
  return u?.lang === 'en' ? 'en' : 'vi';
}

export async function reporterAddress(db: Db, reporterUserId: number): Promise<{ to: Address; lang: Lang } | null> {
  const [u] = await db.select().from(users).where(eq(users.id, reporterUserId)).limit(1);
  if (!u) return null;
  return { to: { channel: u.channel as Channel, userId: u.channelUserId }, lang: u.lang === 'en' ? 'en' : 'vi' };
}
