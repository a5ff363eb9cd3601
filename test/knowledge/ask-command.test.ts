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
  it('--jsonl answers each stdin line in order with {topic, emergency, score, answer}', async () => {
    const { code, out } = await run(['--jsonl'], ['con bi bat nat o truong', 'chong toi dang danh con, cuu voi', 'gia vang hom nay']);
    expect(code).toBe(0);
    expect(out).toHaveLength(3);
    const rows = out.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const row of rows) expect(Object.keys(row).sort()).toEqual(['answer', 'emergency', 'score', 'topic']);
    expect(rows[0]).toMatchObject({ topic: 'bao-luc-hoc-duong', emergency: false });
    expect(rows[1]).toMatchObject({ emergency: true });
    expect(String(rows[1]!.answer).startsWith('📞 113')).toBe(true);
    expect(rows[2]).toMatchObject({ topic: null, emergency: false });
    for (const row of rows) expect(typeof row.score).toBe('number');
  });

  it('--json answers one question as one JSON line', async () => {
    const { out } = await run(['--json', 'con bi bat nat o truong']);
    expect(out).toHaveLength(1);
    expect(JSON.parse(out[0]!)).toMatchObject({ topic: 'bao-luc-hoc-duong', emergency: false });
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
