// `chat --jsonl` stories for "never stuck": plain words work where slash commands do, every report
// step can be cancelled, the summary can change each field, and every final reply leaves a way on.
import { describe, expect, it } from 'vitest';
import { runCli, tempDatabaseUrl } from '../support/cli';

type Out = { to: string; text: string; buttons: Array<{ label: string; payload: string }>; state: string | null };

const START = Date.parse('2026-11-25T02:00:00Z');

/** One input line, 10 s after the one before (a person's pace, under the per-minute limit). */
const line = (from: string, v: string | { button: string }, i: number) =>
  JSON.stringify({ from, ...(typeof v === 'string' ? { text: v } : { button: v.button }), at: new Date(START + i * 10_000).toISOString() });

/** Runs one script in one process; returns everything the bot sent, in order. */
function chat(lines: Array<[string, string | { button: string }]>): Out[][] {
  const script = lines.map(([from, v], i) => line(from, v, i)).join('\n') + '\n';
  const r = runCli(['chat', '--jsonl'], script, { DATABASE_URL: tempDatabaseUrl() });
  expect(r.status, r.stderr).toBe(0);
  return [r.json() as unknown as Out[]];
}

const payloads = (o: Out) => o.buttons.map((b) => b.payload);
const SLASH_COMMAND = /(^|\s)\/[a-z]{3,}/i;

describe('never stuck, through chat --jsonl', () => {
  it('plain "huỷ", "hủy" or "huy" at the address step cancels the report; it is not read as an address', () => {
    const desc = 'Hàng xóm đánh con rất nặng mỗi tối';
    const [out] = chat([
      ['a', 'báo tin'],
      ['a', desc],
      ['a', 'huỷ'],
      ['b', 'bao tin'],
      ['b', desc],
      ['b', 'hủy'],
      ['c', '/baotin'],
      ['c', desc],
      ['c', 'huy'],
      ['c', 'xem tình trạng'],
    ]);
    for (const who of ['a', 'b', 'c']) {
      const mine = out!.filter((o) => o.to === who);
      // Intro (description asked), address asked, cancelled.
      expect(mine[1]!.state).toBe('report.location');
      expect(payloads(mine[1]!)).toContain('report:cancel');
      expect(mine[2]!.state).toBeNull();
      expect(mine[2]!.text).toMatch(/^Đã huỷ, tin chưa được gửi đi/);
      expect(payloads(mine[2]!)).toContain('menu:report');
    }
    // Nothing was filed: no officer was told, and "c" has no report to ask about.
    expect(out!.filter((o) => !['a', 'b', 'c'].includes(o.to))).toEqual([]);
    const status = out!.filter((o) => o.to === 'c').at(-1)!;
    expect(status.text).toMatch(/chưa báo tin nào/);
    expect(status.state).toBeNull();
  });

  it('every report step has a cancel button; the summary has one edit button per field; a field changed brings the summary back', () => {
    const [out] = chat([
      ['r', 'báo tin'],
      ['r', 'Hàng xóm đánh con rất nặng mỗi tối'],
      ['r', 'phường Quán Thánh, quận Ba Đình, Hà Nội'],
      ['r', { button: 'report:age:6-10' }],
      ['r', { button: 'report:danger:no' }],
      ['r', { button: 'report:anonymous' }],
      ['r', { button: 'report:edit:child_age' }],
      ['r', { button: 'report:age:11-15' }],
      ['r', { button: 'report:edit:contact' }],
      ['r', '0912 345 678'],
      ['r', { button: 'report:edit:location' }],
      ['r', { button: 'report:keep' }],
      ['r', { button: 'report:edit:description' }],
      ['r', 'Hàng xóm đánh con bằng gậy mỗi tối'],
      ['r', { button: 'report:confirm' }],
    ]);
    const mine = out!.filter((o) => o.to === 'r');
    const steps = mine.map((o) => o.state);
    expect(steps).toEqual([
      'report.description',
      'report.location',
      'report.child_age',
      'report.danger',
      'report.contact',
      'report.confirm',
      'report.child_age', // edit age
      'report.confirm',
      'report.contact', // edit contact
      'report.confirm',
      'report.location', // edit place, then keep it
      'report.confirm',
      'report.description', // edit description
      'report.confirm',
      null, // filed
    ]);
    for (const o of mine.filter((m) => m.state?.startsWith('report.'))) expect(payloads(o)).toContain('report:cancel');
    const summary = mine[5]!;
    expect(payloads(summary)).toEqual([
      'report:confirm',
      'report:edit:description',
      'report:edit:location',
      'report:edit:child_age',
      'report:edit:danger',
      'report:edit:contact',
      'report:cancel',
    ]);
    // While changing, the bot shows what the field says now and offers to keep it.
    expect(mine[6]!.text).toContain('Đang ghi: "6–10 tuổi"');
    expect(payloads(mine[6]!)).toContain('report:keep');
    expect(mine[7]!.text).toContain('Tuổi của trẻ: 11–15 tuổi');
    expect(mine[9]!.text).toContain('Liên hệ: 0912345678');
    expect(mine[11]!.text).toContain('Phường Ba Đình');
    expect(mine[13]!.text).toContain('bằng gậy');
    // The case carries the changed answers; the reporter is offered its status next.
    const filed = mine[14]!;
    expect(filed.text).toMatch(/Mã tin của bạn: BV-[A-Z0-9]{6}/);
    const ref = /BV-[A-Z0-9]{6}/.exec(filed.text)![0];
    expect(payloads(filed)).toEqual([`status:${ref}`, `status:add:${ref}`, 'menu:report', 'menu:main']);
    const officer = out!.find((o) => o.to !== 'r' && o.text.includes(ref))!;
    expect(officer.text).toContain('11–15 tuổi');
    expect(officer.text).toContain('bằng gậy');
  });

  it('every final reply carries buttons and at least a way to the main menu, and none asks for a slash command', () => {
    const [out] = chat([
      ['u', '/start'],
      ['u', { button: 'menu:hotlines' }],
      ['u', { button: 'menu:about' }],
      ['u', { button: 'menu:ask' }],
      ['u', 'làm sao dạy con tự bảo vệ cơ thể'],
      ['u', 'thời tiết hôm nay thế nào'],
      ['u', 'huỷ'],
      ['u', 'hướng dẫn'],
      ['u', 'menu'],
      ['u', { button: 'report:confirm' }], // a stale button
      ['u', { button: 'nonsense:x' }],
      ['u', 'xem tình trạng BV-7K3Q9M'], // not this chat's
      ['u', 'báo tin'],
      ['u', 'Cô giáo đánh cháu nhiều lần ở lớp'],
      ['u', 'phường Quán Thánh, quận Ba Đình, Hà Nội'],
      ['u', '7'],
      ['u', 'không'],
      ['u', 'ẩn danh'],
      ['u', 'gửi'],
      ['u', 'xem tình trạng'],
      ['u', 'English'],
      ['u', 'cancel'],
      ['u', 'tiếng Việt'],
    ]);
    const mine = out!.filter((o) => o.to === 'u');
    const finals = mine.filter((o) => o.state === null);
    expect(finals.length).toBeGreaterThanOrEqual(17);
    for (const o of finals) {
      expect(o.buttons.length, o.text).toBeGreaterThan(0);
      expect(payloads(o).some((p) => p === 'menu:main' || p === 'menu:report'), o.text).toBe(true);
    }
    for (const o of mine) expect(o.text, o.text).not.toMatch(SLASH_COMMAND);
    // The filed report's status is one tap or two words away.
    const status = finals.find((o) => o.text.startsWith('Tin BV-'))!;
    expect(status.text).toContain('đã được chuyển tới cán bộ');
  });
});
