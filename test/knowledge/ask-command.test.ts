// The `ask` command as the CLI runs it (DESIGN.md): text, --json, and --jsonl one object per line.
import { describe, expect, it } from 'vitest';
import { askCommand } from '../../src/knowledge/ask-command';

async function* lines(...xs: string[]): AsyncIterable<string> {
  for (const x of xs) yield x;
}

async function run(args: string[], stdin: string[] = []) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await askCommand(args, { stdin: lines(...stdin), out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('the ask command', () => {
  it('--jsonl answers each stdin line in order with {topic, emergency, triage, score, answer}', async () => {
    const { code, out } = await run(['--jsonl'], ['con bi bat nat o truong', 'chong toi dang danh con, cuu voi', 'gia vang hom nay']);
    expect(code).toBe(0);
    expect(out).toHaveLength(3);
    const rows = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['answer', 'emergency', 'score', 'topic', 'triage']);
    expect(rows[0]).toMatchObject({ topic: 'bao-luc-hoc-duong', emergency: false, triage: 'question' });
    expect(rows[1]).toMatchObject({ emergency: true, triage: 'danger' });
    // The same first reply as the chat: the first action, with 113 first for violence in progress.
    expect(String(rows[1]!.answer)).toMatch(/^🚨 [^\n]*gọi 113/);
    expect(rows[2]).toMatchObject({ topic: null, emergency: false, triage: 'question' });
    for (const row of rows) expect(typeof row.score).toBe('number');
  });

  it('--json answers one question as one JSON line', async () => {
    const { out } = await run(['--json', 'con bi bat nat o truong']);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ topic: 'bao-luc-hoc-duong', emergency: false });
  });

  it('--json reports the triage outcome: danger (and only then emergency), a disclosure, or a question', async () => {
    const asked = async (q: string) => JSON.parse((await run(['--json', q])).out[0]!) as { emergency: boolean; triage: string };
    // A toddler who just drank toilet cleaner: danger now.
    expect(await asked('bé 2 tuổi vừa uống nhầm nước tẩy bồn cầu')).toMatchObject({ triage: 'danger', emergency: true });
    // A mother telling that a relative keeps touching her 5-year-old: a disclosure, not an emergency.
    expect(await asked('một người họ hàng cứ hay sờ vào người con gái 5 tuổi của tôi')).toMatchObject({
      triage: 'disclosure',
      emergency: false,
    });
    // A child doing homework, typed without marks, is not choking.
    expect(await asked('gio con dang hoc bai, co nen cho con nghe nhac khong')).toMatchObject({ triage: 'question', emergency: false });
  });

  it('--jsonl reports triage for every line, in order', async () => {
    const { out } = await run(['--jsonl'], [
      '{"q": "my son was pulled out of the pool and isn\'t breathing"}',
      'my daughter says her tutor touches her',
      'how do I teach my kids about strangers',
    ]);
    expect(out.map((l) => (JSON.parse(l) as { triage: string }).triage)).toEqual(['danger', 'disclosure', 'question']);
    expect(out.map((l) => (JSON.parse(l) as { emergency: boolean }).emergency)).toEqual([true, false, false]);
    // English in, English out: CPR first for the child pulled from the pool; belief first for the disclosure.
    const answers = out.map((l) => (JSON.parse(l) as { answer: string }).answer);
    expect(answers[0]).toMatch(/^🚨 Call 115 now[^\n]*rescue breaths and chest compressions/);
    expect(answers[1]).toMatch(/^Thank you for telling me\. What to do now is to believe the child/);
  });

  it('without a flag prints the answer text', async () => {
    const { out } = await run(['con', 'bi', 'bat', 'nat', 'o', 'truong']);
    expect(out.join('\n')).toContain('Nguồn:');
  });

  it('without a question prints usage on stderr and fails', async () => {
    const { code, out, err } = await run(['--json']);
    expect(code).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('\n')).toContain('usage');
  });
});
