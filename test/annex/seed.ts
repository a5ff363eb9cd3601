// A small, known set of cases for the annex tests (Hà Nội 01 / Phường Ba Đình 00004, one in TP.HCM 79).
// Times are written in Vietnam time, some near midnight, so a UTC day would put them in another period.
import { auditLog, caseEvents, cases, users } from '../../src/db/schema';
import type { Db } from '../../src/db/db';

const vn = (s: string) => new Date(`${s}+07:00`);
const H = 3_600_000;
const D = 24 * H;

let n = 0;
async function user(db: Db, channel: string): Promise<number> {
  const [u] = await db.insert(users).values({ channel, channelUserId: `seed-${channel}-${++n}`, createdAt: new Date(0) }).returning({ id: users.id });
  return u!.id;
}

async function addCase(db: Db, c: Partial<typeof cases.$inferInsert> & { receivedAt: Date; channel: string }): Promise<number> {
  const { channel, ...rest } = c;
  const k = ++n;
  const [row] = await db.insert(cases).values({
    ref: `BV-SEED${k}`,
    sourceKey: `seed:${k}`,
    channel,
    reporterEnc: `sealed-${await user(db, channel)}`,
    descriptionEnc: 'sealed',
    communeCode: '00004',
    provinceCode: '01',
    routedTo: 'officer',
    updatedAt: c.receivedAt,
    ...rest,
  }).returning({ id: cases.id });
  return row!.id;
}

/** The period H1 2027: what the annex must count is spelled out in test/annex/*.test.ts. */
export async function seedAnnexCases(db: Db): Promise<void> {
  // 1. Emergency, every step on time, closed "safe"; referred to the police.
  const t1 = vn('2027-01-10T09:00:00');
  const c1 = await addCase(db, {
    receivedAt: t1, channel: 'telegram', emergency: true, ageBand: '6-10',
    acknowledgedAt: new Date(t1.getTime() + 0.5 * H), assessedAt: new Date(t1.getTime() + 5 * H), planAt: new Date(t1.getTime() + 2 * D),
    approvedAt: new Date(t1.getTime() + 3 * D), closedAt: vn('2027-02-01T10:00:00'), closeReason: 'safe', status: 'closed',
  });
  await db.insert(caseEvents).values({ caseId: c1, at: vn('2027-01-11T10:00:00'), kind: 'referral', actor: 'officer:1', tag: 'police' });
  // 2. Normal, closed "unfounded" without a plan (plan and approval: không thực hiện); transferred once.
  const t2 = vn('2027-02-03T10:00:00');
  const c2 = await addCase(db, { receivedAt: t2, channel: 'zalo', ageBand: '11-15', acknowledgedAt: new Date(t2.getTime() + 3 * H), closedAt: vn('2027-02-05T10:00:00'), closeReason: 'unfounded', status: 'closed' });
  await db.insert(caseEvents).values({ caseId: c2, at: vn('2027-02-04T10:00:00'), kind: 'transfer', actor: 'officer:1', tag: '00008>00004' });
  // 3. Emergency acknowledged after 20 h, assessed late (15 h), no plan, still open; escalated once.
  const t3 = vn('2027-03-01T08:00:00');
  const c3 = await addCase(db, { receivedAt: t3, channel: 'telegram', emergency: true, ageBand: '0-5', acknowledgedAt: new Date(t3.getTime() + 20 * H), assessedAt: new Date(t3.getTime() + 15 * H), status: 'assessed' });
  await db.insert(auditLog).values({ at: vn('2027-03-01T20:00:00'), actor: 'system', action: 'case.escalated', caseId: c3, detail: '{}' });
  // 4. Just after midnight on 1 January in Vietnam (still 31 December in UTC): in the period. Never acknowledged.
  await addCase(db, { receivedAt: vn('2027-01-01T00:30:00'), channel: 'web', routedTo: 'unrouted', level: 'province' });
  // 5. Received before the period and still open: only in "still open".
  await addCase(db, { receivedAt: vn('2026-12-20T10:00:00'), channel: 'telegram', ageBand: '6-10' });
  // 6. Just after midnight on 1 July in Vietnam (still 30 June in UTC): NOT in the period.
  await addCase(db, { receivedAt: vn('2027-07-01T00:30:00'), channel: 'telegram', ageBand: '6-10' });
  // 7. Another province (Hồ Chí Minh City): only in the national annex.
  await addCase(db, { receivedAt: vn('2027-04-02T10:00:00'), channel: 'zalo', communeCode: '26734', provinceCode: '79', ageBand: '11-15', acknowledgedAt: vn('2027-04-02T10:10:00') });
}
