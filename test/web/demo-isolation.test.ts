// Demo data never touches real reports: demo officers see and receive only demo cases, a real report
// in a commune whose only officers are demo ones counts as having no officer, and DEMO_DATA=false
// retires the demo officers.
import { and, eq, inArray } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_CASE_REF } from '../../src/admin';
import { createConfig } from '../../src/config';
import { officers, outbox } from '../../src/db/schema';
import { importOfficersCsv } from '../../src/reports';
import { retireDemoOfficers } from '../../src/directory/directory';
import { realServices, refIn } from '../reports/support';
import { Client, createWebWorld, type WebWorld } from './support';

let w: WebWorld;
beforeEach(async () => {
  w = await createWebWorld({ services: realServices() });
});
afterEach(() => w.cleanup());

/** A whole report from a Telegram citizen in phường Ba Đình, with their phone; returns the last reply. */
async function telegramReport(userId: string): Promise<string> {
  const say = async (what: string | { button: string }) => (await w.say(userId, what, { channel: 'telegram' })).at(-1)?.text ?? '';
  await say('/baotin');
  await say('Bé gái nhà số 5 bị cha dượng đánh, tối nào cũng khóc');
  await say('phường Ba Đình, Hà Nội');
  await say({ button: 'report:age:6-10' });
  await say({ button: 'report:danger:no' });
  await say('0912345678');
  return say({ button: 'report:confirm' });
}

const demoOfficerIds = async () =>
  (await w.db.db.select({ id: officers.id }).from(officers).where(inArray(officers.channel, ['cli', 'web']))).map((o) => o.id);

describe('demo data and real reports', () => {
  it('a real report in a commune with only demo officers is not given to them: it counts as uncovered', async () => {
    const reply = await telegramReport('tg-citizen');
    const ref = refIn(reply);
    const row = (await w.caseByRef(ref))!;
    expect(row.world).toBe('real');
    expect(row.routedTo).toBe('unrouted');
    expect(row.level).toBe('national'); // the uncovered case goes up the chain at once
    // The reporter is told the truth: nobody local has it yet, call the hotline.
    expect(reply).toContain('chưa có cán bộ');
    expect(reply).toContain('111');
    const notices = await w.db.db.select().from(outbox).where(eq(outbox.caseId, row.id));
    expect(notices.filter((n) => n.kind === 'case')).toEqual([]);
    expect(w.sent.filter((m) => m.channel === 'cli' || m.to === 'demo-officer-ba-dinh')).toEqual([]);
  });

  it('a web visitor acting as the demo officer cannot read a real report, nor list it', async () => {
    const ref = refIn(await telegramReport('tg-citizen'));
    const visitor = new Client(w.app);
    await visitor.post('/chat/as', { as: 'officer' });
    for (const text of [`/case ${ref}`, '/cases']) {
      w.clock.now = new Date(w.clock.now.getTime() + 1000);
      await visitor.post('/chat/send', { text });
    }
    const page = (await (await visitor.get("/chat")).text()).replace(/<[^>]+>/g, "");
    expect(page).toContain(`Không tìm thấy vụ việc ${ref}`);
    expect(page).not.toContain('0912345678');
    expect(page).not.toContain('cha dượng');
    // The demo case is still there for the demo.
    expect(page).toContain(DEMO_CASE_REF);
  });

  it('a real officer gets the real report and never the demo ones; the demo chat’s reports go to the demo officer only', async () => {
    const csv = 'commune_code,name,role,channel,channel_user_id,phone\n00004,Nguyễn Thị Lan,officer,telegram,tg-officer,\n';
    expect(await importOfficersCsv(w.db.db, csv, w.clock.now)).toMatchObject({ ok: true });
    const real = refIn(await telegramReport('tg-citizen'));
    expect((await w.caseByRef(real))!.routedTo).toBe('officer');
    expect(w.sent.filter((m) => m.to === 'tg-officer' && m.kind === 'case').map((m) => refIn(m.text))).toEqual([real]);
    expect(w.sent.filter((m) => m.to === 'demo-officer-ba-dinh' || m.channel === 'cli')).toEqual([]);

    // A report from the demo web chat is a demo case: the demo officer gets it, the real one does not.
    const visitor = new Client(w.app);
    for (const form of <Array<Record<string, string>>>[
      { button: 'menu:report' },
      { text: 'Thử nghiệm: một em nhỏ bị bỏ một mình' },
      { text: 'phường Ba Đình, Hà Nội' },
      { button: 'report:age:0-5' },
      { button: 'report:danger:no' },
      { button: 'report:anonymous' },
      { button: 'report:confirm' },
    ]) {
      w.clock.now = new Date(w.clock.now.getTime() + 1000);
      await visitor.post('/chat/send', form);
    }
    const demo = refIn(await (await visitor.get('/chat')).text());
    expect((await w.caseByRef(demo))!.world).toBe('demo');
    expect(w.sent.filter((m) => m.to === 'tg-officer' && m.text.includes(demo))).toEqual([]);
    const [webOfficer] = await w.db.db.select().from(officers).where(eq(officers.channelUserId, 'demo-officer-ba-dinh'));
    const toDemo = await w.db.db.select().from(outbox).where(and(eq(outbox.recipient, webOfficer!.channelUserId), eq(outbox.kind, 'case')));
    expect(toDemo).toHaveLength(1);

    // The real officer cannot open the demo cases.
    for (const ref of [demo, DEMO_CASE_REF]) {
      const answer = (await w.say('tg-officer', `/case ${ref}`, { channel: 'telegram' })).at(-1)!.text;
      expect(answer).toBe(`Không tìm thấy vụ việc ${ref}.`);
    }
    const list = (await w.say('tg-officer', '/cases', { channel: 'telegram' })).at(-1)!.text;
    expect(list).toContain(real);
    expect(list).not.toContain(demo);
    expect(list).not.toContain(DEMO_CASE_REF);
  });

  it('DEMO_DATA=false retires every demo officer, and the demo switch disappears', async () => {
    expect((await demoOfficerIds()).length).toBe(6);
    expect(await retireDemoOfficers(w.db.db)).toBe(6);
    const active = await w.db.db.select().from(officers).where(and(inArray(officers.channel, ['cli', 'web']), eq(officers.active, true)));
    expect(active).toEqual([]);
    expect(await retireDemoOfficers(w.db.db)).toBe(0);
    const page = await (await new Client(w.app).get('/chat')).text();
    expect(page).not.toContain('value="officer"');
  });

  it('the demo web chat says at the top that its reports are demo data and reach only demo officers', async () => {
    const page = await (await new Client(w.app).get('/chat')).text();
    expect(page).toContain('DỮ LIỆU DEMO: tin báo gửi từ trang này là tin thử. Tin chỉ đến cán bộ demo');
  });

  it('is on by default only for a local file that does not look deployed', () => {
    const key = { DATA_KEY: Buffer.alloc(32, 1).toString('base64') };
    expect(createConfig({ ...key, DATABASE_URL: 'file:./data/x.db' }).demoData).toBe(true);
    expect(createConfig({ ...key, DATABASE_URL: 'file:./data/x.db', PUBLIC_URL: 'https://baove.example.vn' }).demoData).toBe(false);
    expect(createConfig({ ...key, DATABASE_URL: 'file:./data/x.db', NODE_ENV: 'production' }).demoData).toBe(false);
    expect(createConfig({ ...key, DATABASE_URL: 'file:./data/x.db', NODE_ENV: 'production', DEMO_DATA: 'true' }).demoData).toBe(true);
  });
});
