// The path the product is judged on: `chat --jsonl`, each user's very first message with no /start.
// The first reply to a child in danger has the first action and the right number first and the
// report button; a disclosure gets belief, 111 first and the report button, in the writer's language.
import { describe, expect, it } from 'vitest';
import { DANGER_KINDS } from '../../src/triage/outcome';
import { runCli, tempDatabaseUrl } from '../support/cli';
import { DANGER_MESSAGES, FIRST_ACTION, FIRST_NUMBER, firstNumber } from './support';

type Line = { to: string; text: string; buttons: Array<{ label: string; payload: string }>; state: string | null };

const DISCLOSURES = {
  mother: 'một người họ hàng cứ hay sờ vào người con gái 5 tuổi của tôi',
  girl: 'em 13 tuổi, bố dượng em hay vào phòng sờ soạng em lúc mẹ đi làm, em sợ lắm',
  english: 'my daughter says her tutor touches her',
};

describe('chat --jsonl: the first reply to a first message, with no /start', () => {
  it('every kind of danger and every disclosure gets its crisis reply first', () => {
    const script = [
      ...DANGER_KINDS.map((kind) => ({ from: `danger-${kind}`, text: DANGER_MESSAGES[kind] })),
      ...Object.entries(DISCLOSURES).map(([who, text]) => ({ from: `tells-${who}`, text })),
    ];
    const r = runCli(['chat', '--jsonl'], script.map((l) => JSON.stringify(l)).join('\n') + '\n', { DATABASE_URL: tempDatabaseUrl() });
    expect(r.status, r.stderr).toBe(0);
    const out = r.json() as Line[];
    const firstTo = (to: string) => out.find((o) => o.to === to)!;

    for (const kind of DANGER_KINDS) {
      const reply = firstTo(`danger-${kind}`);
      expect(reply.text.split('\n')[0], kind).toMatch(FIRST_ACTION[kind][0]);
      expect(firstNumber(reply.text), kind).toBe(FIRST_NUMBER[kind]);
      expect(reply.buttons[0]!.payload, kind).toBe('menu:report');
    }

    const mother = firstTo('tells-mother');
    expect(mother.text).toMatch(/^Cảm ơn bạn đã kể ra\. Việc cần làm ngay là tin lời trẻ/);
    expect(firstNumber(mother.text)).toBe('111');
    expect(mother.buttons.map((b) => b.payload)).toEqual(expect.arrayContaining(['menu:report', 'topic:khi-tre-ke-bi-xam-hai']));

    const girl = firstTo('tells-girl');
    expect(girl.text).toMatch(/^Em không có lỗi/);
    expect(girl.text).toMatch(/111: miễn phí, gọi lúc nào cũng được/);

    const english = firstTo('tells-english');
    expect(english.text).toMatch(/^Thank you for telling me/);
    expect(english.buttons[0]).toEqual({ label: 'Report now', payload: 'menu:report' });
  }, 180_000);
});
