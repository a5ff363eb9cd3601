// "Đã nộp" per unit on the Thời hạn page: who must submit, who marked it and when, marking from the
// dashboard, an explanation (not "0/0") where nobody receives a rule, and a link to the period's annex.
import { and, eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { auditLog, officers, reminderDone } from '../../src/db/schema';
import { ADMIN_TOKEN, Client, createWebWorld, hiddenField, logIn, type WebWorld } from '../web/support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld();
});
afterEach(() => w.cleanup());

describe('Đã nộp per unit', () => {
  it('lists the units that must submit, marks one from the dashboard, and shows who and when', async () => {
    const browser = new Client(w.app);
    await logIn(browser, ADMIN_TOKEN);
    const page = await (await browser.get('/admin/deadlines')).text();
    // alt-care-province (25/12) is for province supervisors: the demo directory has some.
    const units = /data-units="alt-care-province\|2026">([\s\S]*?)<\/ul>/.exec(page)?.[1] ?? '';
    expect(units).toContain('chưa nộp.');
    expect(page).not.toContain('0/0');
    expect(page).toContain('href="/admin/reports?rule=alt-care-province&amp;period=2026"');

    const [sup] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, 'supervisor-ha-noi'));
    const res = await browser.post('/admin/deadlines/done', { _csrf: hiddenField(page, '_csrf'), rule: 'alt-care-province', period: '2026', officer: String(sup!.id) });
    expect(res.status).toBe(303);
    const marks = await w.db.db.select().from(reminderDone).where(and(eq(reminderDone.ruleId, 'alt-care-province'), eq(reminderDone.officerId, sup!.id)));
    expect(marks).toHaveLength(1);
    const after = await (await browser.get('/admin/deadlines')).text();
    expect(/data-units="alt-care-province\|2026">([\s\S]*?)<\/ul>/.exec(after)?.[1]).toMatch(/ \(01\) — đã nộp, ghi nhận lúc \d\d:\d\d \d\d\/\d\d\/\d{4} \(đánh dấu trên bảng điều khiển: Quản trị cấp quốc gia\)/);
    expect(/data-units="alt-care-province\|2026">([\s\S]*?)<\/ul>/.exec(after)?.[1]).toContain(`${sup!.name} (01) — đã nộp`);
    expect((await w.db.db.select().from(auditLog).where(eq(auditLog.action, 'reminder.done'))).length).toBe(1);

    // The other supervisor presses the reminder's own button in chat: the list says so.
    const [khanhHoa] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, 'supervisor-khanh-hoa'));
    await w.say('supervisor-khanh-hoa', { button: 'remind:done:alt-care-province:2026' }, { channel: khanhHoa!.channel as 'cli' });
    const last = /data-units="alt-care-province\|2026">([\s\S]*?)<\/ul>/.exec(await (await browser.get('/admin/deadlines')).text())?.[1] ?? '';
    expect(last).toMatch(new RegExp(`\\(56\\) — đã nộp, ghi nhận lúc [^<]*tự bấm`));
    expect(last).not.toContain('chưa nộp.');
  });

  it('refuses to mark a unit outside the rule or the user\'s area', async () => {
    const browser = new Client(w.app);
    await logIn(browser, ADMIN_TOKEN);
    const page = await (await browser.get('/admin/deadlines')).text();
    const res = await browser.post('/admin/deadlines/done', { _csrf: hiddenField(page, '_csrf'), rule: 'alt-care-province', period: '2026', officer: '99999' });
    expect(res.status).toBe(403);
  });

  it('explains a rule nobody receives, with a link to fix it, instead of "0/0"', async () => {
    const api = new Client(w.app, { authorization: `Bearer ${ADMIN_TOKEN}` });
    const page = await (await api.get('/admin/deadlines')).text();
    const explained = [...page.matchAll(/data-no-recipients="([^"]+)">([\s\S]*?)<\/p>/g)];
    expect(explained.length).toBeGreaterThan(0);
    expect(explained[0]![2]).toContain('Chưa ai nhận nhắc việc này');
    expect(explained[0]![2]).toContain('href="/admin/coverage"');
    expect(page).not.toMatch(/Đã nộp 0\/0/);
  });
});
