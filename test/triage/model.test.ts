// The triage classifier trained at build time (src/triage/train.ts, content/triage-train.yaml): it
// is rebuilt the same way from the same content, stays small, and catches situations written in
// words the rules do not know, while homework and piano lessons stay questions.
import { readdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { trainFromContent, trainingData, trainPhrasings } from '../../scripts/content/triage-model';
import { firstCrisisReply } from '../../src/knowledge/crisis-replies';
import { ask } from '../../src/knowledge';
import { classifyTriage, classifyTriageRulesOnly, createTriageModel } from '../../src/triage';
import { triageModel } from '../../src/triage/model.generated';

describe('the triage classifier is trained at build time from content/', () => {
  it('the same content always gives the same model, and the compiled one is it', () => {
    const once = trainFromContent();
    expect(trainFromContent()).toEqual(once);
    expect(triageModel()).toEqual(once);
  }, 60_000);

  it('learns from no message of the sets that measure it: the written phrasings copy no fixture, and nothing it learns is in a held-out set', () => {
    const same = (text: string) => text.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
    const lines = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((f) => f.endsWith('.jsonl'))
        .flatMap((f) => readFileSync(`${dir}/${f}`, 'utf8').split('\n').filter((line) => line.trim() !== ''))
        .map((line) => same(String((JSON.parse(line) as { q?: unknown }).q ?? '')));
    const fixtures = new Set(lines('test/fixtures'));
    const heldOut = new Set(lines('test/fixtures/holdout'));
    expect(trainPhrasings().raw.filter((x) => fixtures.has(same(x.text)))).toEqual([]);
    expect(trainingData().examples.filter((x) => heldOut.has(same(x.text)))).toEqual([]);
  });

  it('is small enough for the Worker bundle (under 25 KiB gzipped)', () => {
    expect(gzipSync(JSON.stringify(triageModel())).length).toBeLessThan(25 * 1024);
  });
});

describe('a message the rules miss still gets help', () => {
  it('a toddler alone on a highway is danger, though no rule names it', () => {
    expect(classifyTriageRulesOnly('a toddler wandering alone on the highway')).toMatchObject({ triage: 'question' });
    expect(classifyTriage('a toddler wandering alone on the highway')).toMatchObject({ triage: 'danger', lang: 'en' });
  });

  it('a girl telling that a neighbour makes her sit on his lap is a disclosure of sexual abuse', () => {
    expect(classifyTriage('bé gái nói chú hàng xóm hay cho kẹo rồi bắt bé ngồi lên đùi')).toMatchObject({
      triage: 'disclosure',
      kind: 'sexual_abuse',
    });
  });

  it('a danger raised by the classifier gets the crisis reply: an action and a number first, and the report button', () => {
    const result = ask('a toddler wandering alone on the highway');
    expect(result.kind).toBe('emergency');
    expect(result.triage.triage).toBe('danger');
    const reply = firstCrisisReply(result.triage as Parameters<typeof firstCrisisReply>[0]);
    expect(reply.text.split('\n')[0]).toMatch(/call|Call/);
    expect(reply.text).toMatch(/\b11[35]\b/);
    expect(reply.buttons.map((b) => b.payload)).toContain('menu:report');
  });
});

describe('the classifier never lowers the rules, and leaves everyday questions alone', () => {
  const model = createTriageModel(triageModel());

  it('danger by the rules stays danger whatever the classifier thinks', () => {
    const rules = { triage: 'danger', kind: 'drowning', voice: 'adult', lang: 'vi' } as const;
    expect(model.combine('gio con dang hoc bai', rules).outcome).toEqual(rules);
  });

  it('homework, piano lessons and a lost pencil case are questions', () => {
    for (const q of ['gio con dang hoc bai, toi moi cho con choi', 'bé tập đánh đàn guitar mỗi tối', 'ko thấy hộp bút của con đâu, chắc để quên ở lớp']) {
      expect(classifyTriage(q), q).toMatchObject({ triage: 'question' });
    }
  });

  it('recall first: it may raise danger words that general or prevention wording made a question (a false alarm here)', () => {
    // Storing cleaning products out of reach: the rules say question, the classifier a poisoning. A gate
    // against this lost real dangers on two sets (docs/triage.md), so the extra hotline line is accepted.
    const q = 'cách cất thuốc tẩy rửa để bé khỏi uống nhầm';
    expect(model.score(q).danger).toBeGreaterThanOrEqual(model.thresholds.danger);
    expect(classifyTriageRulesOnly(q)).toMatchObject({ triage: 'question' });
    expect(classifyTriage(q)).toMatchObject({ triage: 'danger' });
    // A real child and a firm "now": the rules themselves say danger.
    expect(classifyTriageRulesOnly('bé vừa uống nhầm thuốc tẩy rửa, đang nôn')).toMatchObject({ triage: 'danger', kind: 'poisoning' });
  });

  it('words it never saw fall to the prior, which is a question (not a spread over the many danger kinds)', () => {
    expect(model.score('').danger).toBeLessThan(0.1);
    expect(model.score('giá vàng hôm nay').danger).toBeLessThan(model.thresholds.danger);
    expect(classifyTriage('lãi suất ngân hàng tháng này')).toMatchObject({ triage: 'question' });
  });

  it('a question the classifier cannot place keeps the kind unspecified rather than guessing', () => {
    const s = model.score('a toddler wandering alone on the highway');
    const out = model.combine('a toddler wandering alone on the highway', { triage: 'question', kind: null, voice: 'adult', lang: 'en' }).outcome;
    expect(out.kind).toBe(s.dangerKindShare >= model.thresholds.kind ? s.dangerKind : 'unspecified');
  });
});
