// Demo data for `npm start` (clearly marked, idempotent): the web demo officer of phường Ba Đình and one
// overdue, unacknowledged case there, so /chat and /admin have something to show on a fresh install.
import { and, eq } from 'drizzle-orm';
import { WEB_DEMO_OFFICER } from '../channels/web/demo';
import type { Db } from '../db/db';
import { auditLog, cases, officers, users } from '../db/schema';
import type { Sealer } from '../ground/crypto';
import { sealDetails } from '../cases/details';
import { sealReporter } from '../cases/reporter-link';

export const DEMO_CASE_REF = 'BV-DEMXAB';
const DEMO_CASE_SOURCE = 'demo:overdue-case';
const DEMO_REPORTER = { channel: 'web', channelUserId: 'demo-reporter' } as const;
/** Old enough that the 5-working-day plan clock has run out. */
const DEMO_CASE_AGE_DAYS = 10;

export async function seedWebDemo(db: Db, sealer: Sealer, at: Date): Promise<void> {
  await db
    .insert(officers)
    .values({ ...WEB_DEMO_OFFICER, phone: null, active: true, createdAt: at })
    .onConflictDoNothing({ target: [officers.channel, officers.channelUserId, officers.communeCode] });

  const [existing] = await db.select({ id: cases.id }).from(cases).where(eq(cases.sourceKey, DEMO_CASE_SOURCE)).limit(1);
  if (existing) return; // (one seeded before cases had a world was made 'demo' by migration 0006)
  await db
    .insert(users)
    .values({ ...DEMO_REPORTER, role: 'citizen', lang: 'vi', createdAt: at })
    .onConflictDoNothing({ target: [users.channel, users.channelUserId] });
  const [reporter] = await db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.channel, DEMO_REPORTER.channel), eq(users.channelUserId, DEMO_REPORTER.channelUserId)))
    .limit(1);
  const receivedAt = new Date(at.getTime() - DEMO_CASE_AGE_DAYS * 86_400_000);
  const sealed = await sealDetails(sealer, {
    description: '[DỮ LIỆU DEMO] Hàng xóm nhiều đêm liền nghe tiếng trẻ khóc và bị quát mắng trong một căn nhà trong ngõ. Đây là vụ việc mẫu để xem bảng điều khiển, không phải tin báo thật.',
    contact: null,
    place: {
      text: 'Ngõ mẫu (demo), phường Ba Đình, Hà Nội',
      commune: { code: '00004', name: 'Phường Ba Đình', province_code: '01', province_name: 'Thành phố Hà Nội' },
    },
    point: null,
    photos: [],
  });
  const [row] = await db
    .insert(cases)
    .values({
      ref: DEMO_CASE_REF,
      sourceKey: DEMO_CASE_SOURCE,
      receivedAt,
      status: 'received',
      emergency: false,
      ageBand: '6-10',
      communeCode: '00004',
      provinceCode: '01',
      routedTo: 'officer',
      world: 'demo',
      channel: DEMO_REPORTER.channel,
      ...(await sealReporter(sealer, reporter!.id)),
      anonymous: true,
      ...sealed,
      updatedAt: receivedAt,
    })
    .onConflictDoNothing()
    .returning({ id: cases.id });
  if (row) {
    await db.insert(auditLog).values({ at: receivedAt, actor: 'system', action: 'case.created', caseId: row.id, detail: JSON.stringify({ demo: true }) });
  }
}
