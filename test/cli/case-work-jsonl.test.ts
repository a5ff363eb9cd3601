// Case work through `chat --jsonl`, driven by the button contracts: transfer (typed place, then a pick
// where needed), close with a reason, and the reporter asking in plain words.
import { describe, expect, it } from 'vitest';
import { runCli, tempDatabaseUrl } from '../support/cli';

type Line = { to: string; text: string; buttons: Array<{ label: string; payload: string }>; state: string | null };
const run = (db: string, lines: object[]) => {
  const r = runCli(['chat', '--jsonl'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n', { DATABASE_URL: db });
  expect(r.status, r.stderr).toBe(0);
  return r.json() as Line[];
};
const report = (who: string, address: string, at: string) => [
  { from: who, button: 'menu:report', at },
  { from: who, text: 'Bé gái hàng xóm bị người nhà đánh nhiều ngày, có vết bầm trên tay.' },
  { from: who, text: address },
  { from: who, button: 'report:age:6-10' },
  { from: who, button: 'report:danger:no' },
  { from: who, button: 'report:anonymous' },
  { from: who, button: 'report:confirm' },
];

describe('case work through chat --jsonl', () => {
  it('transfer by typed place, close with a reason that leaves the plan "không thực hiện", status by plain words', () => {
    const db = tempDatabaseUrl();
    const first = run(db, report('hoa', 'phường Quán Thánh, quận Ba Đình, Hà Nội', '2026-11-25T02:00:00Z'));
    const ref = /BV-[A-Z0-9]{6}/.exec(first.find((o) => o.to === 'officer-ba-dinh')!.text)![0];
    expect(first.filter((o) => o.to === 'hoa').at(-1)!.buttons.map((b) => b.payload)).toContain(`status:${ref}`);

    const out = run(db, [
      { from: 'officer-ba-dinh', button: `case:transfer:${ref}`, at: '2026-11-25T03:00:00Z' },
      { from: 'officer-ba-dinh', text: 'phường Ngọc Hà, Hà Nội' },
      { from: 'officer-ngoc-ha', button: `case:ack:${ref}` },
      { from: 'officer-ngoc-ha', button: `case:close:${ref}` },
      { from: 'officer-ngoc-ha', button: `case:closeok:${ref}:unfounded` },
      { from: 'officer-ngoc-ha', text: `/case ${ref}` },
      { from: 'hoa', text: 'tin cua toi sao roi' },
      { from: 'hoa', text: 'báo rồi mà chưa thấy ai' },
      { from: 'hoa', text: 'Báo rồi mà chưa thấy ai, bây giờ ông bố lại đang đánh cháu rất dã man' },
    ]);
    const mine = (who: string) => out.filter((o) => o.to === who);
    expect(mine('officer-ba-dinh')[0]!.state).toBe('case.transfer.place');
    expect(mine('officer-ba-dinh')[1]!.text).toContain('Đã chuyển vụ việc');
    const notice = mine('officer-ngoc-ha').find((o) => o.text.includes('được chuyển tới bạn'))!;
    expect(notice.buttons.map((b) => b.payload)).toContain(`case:ack:${ref}`);
    const reasons = mine('officer-ngoc-ha').find((o) => o.buttons.some((b) => b.payload.startsWith('case:closeok:')))!;
    expect(reasons.buttons.map((b) => b.payload).filter((p) => p.startsWith('case:'))).toEqual(
      ['safe', 'transferred', 'referred', 'unfounded', 'other'].map((r) => `case:closeok:${ref}:${r}`),
    );
    const view = mine('officer-ngoc-ha').at(-1)!.text;
    expect(view).toMatch(/Kế hoạch hỗ trợ, can thiệp trong 5 ngày làm việc: .*\(không thực hiện\)/);
    const [plain, short, danger] = mine('hoa').slice(-3).map((o) => o.text);
    expect(plain).toContain(ref);
    expect(plain).toContain('đóng lại');
    // The issue's own phrase is a status question; if its words might also mean danger, the numbers come with it.
    expect(short).toContain(ref);
    // Danger told with it: the crisis answer, not the status.
    expect(danger).not.toContain(ref);
    expect(danger).toMatch(/\b11[13]\b/);
  });
});
