// The reminder brings the numbers: under a reporting deadline's reminder, "📊 Số liệu cho báo cáo"
// answers with that unit's annex for the deadline's period — a commune officer's commune (small
// counts as "<5"), a supervisor's province — with a link to the full tables on the dashboard.
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, cases, officers } from '../../src/db/schema';
import { remindersFeature } from '../../src/reminders/feature';
import { remindersTick } from '../../src/reminders/tick';
import { createTestRuntime, type TestRuntime } from '../support/runtime';
import { seedAnnexCases } from './seed';

const vn = (local: string) => new Date(`${local}+07:00`);
let world: TestRuntime;

beforeEach(async () => {
  world = await createTestRuntime({ features: [remindersFeature], env: { PUBLIC_URL: 'https://baove.example/' } });
  const createdAt = vn('2027-01-01T00:00:00');
  await world.db.db.insert(officers).values([
    { communeCode: '00004', provinceCode: '01', name: 'Cán bộ Ba Đình', role: 'officer', channel: 'telegram', channelUserId: 'tg-ba-dinh', createdAt },
    { communeCode: '01', provinceCode: '01', name: 'Giám sát Hà Nội', role: 'supervisor', channel: 'telegram', channelUserId: 'tg-ha-noi', createdAt },
    { communeCode: '03390', provinceCode: '12', name: 'Cán bộ Tam Đường', role: 'officer', channel: 'zalo', channelUserId: 'zl-tam-duong', createdAt },
  ]);
  await seedAnnexCases(world.db.db);
  // June 2027 (the Action Month): one emergency in Ba Đình, acknowledged after 2 hours, never assessed.
  const at = vn('2027-06-10T09:00:00');
  const [u] = await world.db.db.select().from(cases).limit(1);
  await world.db.db.insert(cases).values({
    ref: 'BV-JUNE01', sourceKey: 'seed:june', receivedAt: at, emergency: true, ageBand: '6-10', communeCode: '00004', provinceCode: '01',
    routedTo: 'officer', channel: u!.channel, reporterEnc: u!.reporterEnc, reporterTag: u!.reporterTag, descriptionEnc: 'sealed', acknowledgedAt: new Date(at.getTime() + 2 * 3_600_000), status: 'acknowledged', updatedAt: at,
  });
});
afterEach(() => world.cleanup());

const press = (who: string, payload: string, at: string, channel: 'telegram' | 'zalo' = 'telegram') => world.say(who, { button: payload }, { at: vn(at), channel });

describe('"📊 Số liệu cho báo cáo" under a deadline reminder', () => {
  it('the reminder carries the button next to "Đã nộp báo cáo"', async () => {
    await remindersTick(world.rt, vn('2027-07-03T09:00:00'));
    await world.flush(vn('2027-07-03T09:00:00'));
    const reminder = world.sent.find((m) => m.to === 'tg-ba-dinh' && m.kind === 'reminder' && m.text.includes('Tháng hành động'))!;
    expect(reminder.buttons.map((b) => b.payload)).toContain('remind:annex:am-result-commune:2027');
  });

  it("gives a commune officer their commune's June numbers, small counts as \"<5\", with the dashboard link", async () => {
    const [reply] = await press('tg-ba-dinh', 'remind:annex:am-result-commune:2027', '2027-07-03T09:05:00');
    const text = reply!.text;
    expect(text).toContain('00004');
    expect(text).toContain('kỳ từ 01/06/2027 đến 30/06/2027');
    expect(text).toContain('• Tin báo tiếp nhận: <5 (khẩn cấp: <5)');
    expect(text).toContain('can thiệp khẩn cấp 12 giờ <5');
    expect(text).toContain('còn mở cuối kỳ <5');
    expect(text).not.toContain('Kỳ chưa kết thúc');
    expect(text).toContain('https://baove.example/admin/reports?rule=am-result-commune&period=2027');
    const audits = await world.db.db.select().from(auditLog).where(eq(auditLog.action, 'annex.viewed'));
    expect(audits).toHaveLength(1);
  });

  it("gives the supervisor the province's exact numbers, and says when the period is not over", async () => {
    const [after] = await press('tg-ha-noi', 'remind:annex:am-result-province:2027', '2027-07-20T09:00:00');
    // June: the one emergency, missed its 12-hour clock; open on 30 June: it, and three older ones.
    expect(after!.text).toContain('• Tin báo tiếp nhận: 1 (khẩn cấp: 1)');
    expect(after!.text).toContain('can thiệp khẩn cấp 12 giờ 1,');
    expect(after!.text).toContain('còn mở cuối kỳ 4');
    const [during] = await press('tg-ha-noi', 'remind:annex:am-result-province:2027', '2027-06-10T10:00:00');
    expect(during!.text).toContain('Kỳ chưa kết thúc: số liệu tính đến 10:00 10/06/2027.');
    // At 10:00 the 12-hour clock is still running: not counted as missed.
    expect(during!.text).toContain('can thiệp khẩn cấp 12 giờ 0,');
  });

  it('marks a period the source does not state as assumed, on Zalo too', async () => {
    const [reply] = await press('zl-tam-duong', 'remind:annex:td-periodic:2027-H1', '2027-05-20T09:00:00', 'zalo');
    expect(reply!.text).toContain('kỳ từ 25/11/2026 đến 24/05/2027');
    expect(reply!.text).toContain('⚠️ Văn bản nguồn không nói rõ kỳ báo cáo');
  });

  it('refuses a deadline that is not the officer\'s, and anyone who is not an officer', async () => {
    const [notYours] = await press('tg-ba-dinh', 'remind:annex:td-periodic:2027-H1', '2027-05-20T09:00:00');
    expect(notYours!.text).toContain('không áp dụng cho địa bàn');
    const [stranger] = await press('someone', 'remind:annex:am-result-commune:2027', '2027-07-03T09:05:00');
    expect(stranger!.text).toContain('chỉ dành cho cán bộ');
    expect(await world.db.db.select().from(auditLog).where(eq(auditLog.action, 'annex.viewed'))).toHaveLength(0);
  });
});
