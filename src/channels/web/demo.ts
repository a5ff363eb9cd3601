// The demo officers a web chat visitor can switch to: officers of phường Ba Đình (00004) on the web channel.
// The seeded shared one holds the demo case; each visitor gets their own, paired with their reporter
// identity (reports/officers.ts `pairedWith`), so no visitor sees another visitor's reports.
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/db';
import { officers, users } from '../../db/schema';
import type { Sealer } from '../../ground/crypto';
import { reporterTag } from '../../cases/reporter-link';
import { toTheHour } from '../../core/engine';

export const WEB_DEMO_OFFICER = {
  channel: 'web',
  channelUserId: 'demo-officer-ba-dinh',
  communeCode: '00004',
  provinceCode: '01',
  name: 'Cán bộ BVTE phường Ba Đình (demo, trên web)',
  role: 'officer',
} as const;

/**
 * The visitor's own demo officer identity (`demo-officer-<their reporter tag>`, never their user id),
 * created on first use with their reporter identity, so that a report they file reaches it.
 */
export async function pairedDemoOfficer(db: Db, sealer: Sealer, session: string, at: Date): Promise<string> {
  const hour = new Date(toTheHour(at.getTime()));
  await db.insert(users).values({ channel: 'web', channelUserId: session, role: 'citizen', lang: 'vi', createdAt: hour, lastSeenAt: hour }).onConflictDoNothing();
  const [me] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.channel, 'web'), eq(users.channelUserId, session)))
    .limit(1);
  const channelUserId = `demo-officer-${await reporterTag(sealer, me!.id)}`;
  await db
    .insert(officers)
    .values({ ...WEB_DEMO_OFFICER, channelUserId, phone: null, active: true, createdAt: at })
    .onConflictDoNothing({ target: [officers.channel, officers.channelUserId, officers.communeCode] });
  return channelUserId;
}
