// The danger kind picks the first reply's steps and number: a child pulled from the water gets
// drowning (CPR, 115), a father beating a child who bleeds gets violence (113 first). The rules name
// every kind whose cues fired; the classifier chooses among them, and names a danger found only by
// signs of distress (src/triage/kind.ts).
import { describe, expect, it } from 'vitest';
import { triage } from '../../src/knowledge/compiled.generated';
import { classifyTriage, classifyTriageRulesOnly, createTriage } from '../../src/triage';
import type { RuleDecision } from '../../src/triage/classify';
import { chooseKind } from '../../src/triage/kind';
import { firstCrisisReply } from '../../src/knowledge/crisis-replies';
import type { DangerKind } from '../../src/triage/outcome';

const t = { kind_switch: 0.5, kind_switch_ratio: 2, kind_after_distress: 0.5 };
const ruled = (kinds: DangerKind[], by: RuleDecision['by'] = 'rules'): RuleDecision => ({
  outcome: { triage: 'danger', kind: kinds[0]!, voice: 'adult', lang: 'vi' },
  kinds,
  by,
});

describe('choosing the danger kind', () => {
  it('one kind fired by its own cues stands, even when the classifier prefers another', () => {
    expect(chooseKind(ruled(['medical']), { poisoning: 0.63, medical: 0.1 }, t)).toBe('medical');
  });

  it('one kind fired gives way only to a listed neighbour that starts with the same number, and only when the classifier is sure', () => {
    const n = { ...t, kind_override: 0.8, kind_neighbours: { abduction: ['trafficking', 'alone'] as DangerKind[] } };
    expect(chooseKind(ruled(['abduction']), { trafficking: 0.95, abduction: 0.02 }, n)).toBe('trafficking');
    expect(chooseKind(ruled(['abduction']), { trafficking: 0.7, abduction: 0.1 }, n)).toBe('abduction');
    expect(chooseKind(ruled(['abduction']), { suicide: 0.95, abduction: 0.02 }, n)).toBe('abduction');
    expect(chooseKind(ruled(['poisoning']), { suicide: 0.95, poisoning: 0.02 }, n)).toBe('poisoning');
  });

  it('of several kinds that fired, the classifier may choose another only when it clearly prefers it', () => {
    expect(chooseKind(ruled(['injury', 'violence']), { violence: 0.9, injury: 0.05 }, t)).toBe('violence');
    // Not clear enough: the first in the content's order stays.
    expect(chooseKind(ruled(['drowning', 'abduction']), { abduction: 0.49, drowning: 0.41 }, t)).toBe('drowning');
    expect(chooseKind(ruled(['burn', 'sexual_abuse']), { sexual_abuse: 0.31, burn: 0.05 }, t)).toBe('burn');
    // A kind the rules did not fire is never chosen this way.
    expect(chooseKind(ruled(['injury', 'violence']), { suicide: 0.9, violence: 0.05 }, t)).toBe('injury');
  });

  it('a danger found only by signs of distress takes the classifier’s kind when it is confident, else stays a sudden illness', () => {
    expect(chooseKind(ruled(['medical'], 'distress'), { drowning: 0.9 }, t)).toBe('drowning');
    expect(chooseKind(ruled(['medical'], 'distress'), { alone: 0.33, drowning: 0.23 }, t)).toBe('medical');
  });

  it('a bare cry for help stays unspecified unless the classifier names a kind', () => {
    expect(chooseKind(ruled(['unspecified'], 'cry'), { unspecified: 0.8 }, t)).toBe('unspecified');
    expect(chooseKind(ruled(['unspecified'], 'cry'), { abduction: 0.7 }, t)).toBe('abduction');
  });

  it('the rules report every kind that fired, in the order of content/triage.yaml', () => {
    const d = createTriage(triage()).decide('dượng đang lấy ghế đập con, con chảy máu đầu');
    expect(d.by).toBe('rules');
    expect(d.kinds).toEqual(['injury', 'violence']);
  });
});

describe('the bot names the danger the message is about', () => {
  it('a child pulled out of a pool and not breathing is a drowning (CPR), not a sudden illness', () => {
    const text = 'bé vừa được mấy chú kéo lên từ bể bơi, môi thâm, không thở';
    // Since session 11 the rules alone say so too: water and "không thở" (content/triage.yaml kind_context).
    expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'danger', kind: 'drowning' });
    expect(classifyTriage(text)).toMatchObject({ triage: 'danger', kind: 'drowning' });
  });

  it('a beating that draws blood is violence (113 first), not an injury', () => {
    expect(classifyTriage('dượng đang lấy ghế đập con, con chảy máu đầu')).toMatchObject({ triage: 'danger', kind: 'violence' });
  });

  it('a seizure stays medical though the classifier leans elsewhere, and a swallowed battery is poisoning', () => {
    expect(classifyTriage('bé vừa co giật xong, giờ lịm đi')).toMatchObject({ triage: 'danger', kind: 'medical' });
    expect(classifyTriage('con em nuốt viên pin cúc áo, giờ khóc quấy')).toMatchObject({ triage: 'danger', kind: 'poisoning' });
  });
});

describe('the rules name the more specific kind', () => {
  it('a swallowed object with a word before it ("nuốt cái nắp chai") and choking signs is choking', () => {
    expect(classifyTriageRulesOnly('con gái tôi nuốt cái nắp chai, giờ thở rít, mặt tím')).toMatchObject({ triage: 'danger', kind: 'choking' });
    expect(classifyTriage('con gái tôi nuốt cái nắp chai, giờ thở rít, mặt tím')).toMatchObject({ triage: 'danger', kind: 'choking' });
    // Told as the past, it stays a question.
    expect(classifyTriageRulesOnly('năm ngoái bé nuốt cái đồng xu, đi khám thì ổn')).toMatchObject({ triage: 'question' });
  });

  it('an asthma attack is a sudden illness, not violence; a racing heartbeat is not a beating', () => {
    expect(classifyTriageRulesOnly('my daughter is having a bad asthma attack right now, she can barely talk')).toMatchObject({ triage: 'danger', kind: 'medical' });
    expect(classifyTriageRulesOnly('bé đang lên cơn hen, thở rít, môi tím')).toMatchObject({ triage: 'danger', kind: 'medical' });
    expect(classifyTriageRulesOnly('my heart is beating so fast before the school play tomorrow')).toMatchObject({ triage: 'question' });
  });

  it('boiling soup or porridge spilt on a child is a burn, before anything else the message says', () => {
    expect(classifyTriageRulesOnly('em làm đổ nồi cháo sôi vào tay em trai, da phồng lên, bố mẹ chưa về')).toMatchObject({ triage: 'danger', kind: 'burn' });
  });

  it('children locked in "since last night" are a child alone now, not over', () => {
    expect(classifyTriageRulesOnly('hai bé bị mẹ khóa trong phòng từ tối qua, giờ đói lắm')).toMatchObject({ triage: 'danger', kind: 'alone' });
  });
});

describe('a neighbouring kind still gives a safe first reply', () => {
  it('a swallowed object read as poisoning still gets the choking steps (back blows, thrusts) besides "do not make the child vomit"', () => {
    for (const [lang, blows] of [['vi', /vỗ lưng 5 cái/], ['en', /5 back blows/]] as const) {
      const { text } = firstCrisisReply({ triage: 'danger', kind: 'poisoning', voice: 'adult', lang });
      expect(text).toMatch(blows);
      expect(text).toMatch(lang === 'vi' ? /KHÔNG gây nôn/ : /Do NOT make the child vomit/);
    }
  });

  it('a child hurt by someone and read as an injury is still told to call 113, after 115', () => {
    for (const lang of ['vi', 'en'] as const) {
      const r = firstCrisisReply({ triage: 'danger', kind: 'injury', voice: 'adult', lang });
      expect(r.calls.map((c) => c.number)).toEqual(['115', '113', '111']);
      expect(r.text).toMatch(lang === 'vi' ? /người khác đánh: .* gọi cả 113/ : /Hurt by someone: .* call 113/);
    }
  });

  it('a drowning read as a sudden illness still says 115 and CPR when the child is not breathing', () => {
    const { text, calls } = firstCrisisReply({ triage: 'danger', kind: 'medical', voice: 'adult', lang: 'vi' });
    expect(calls[0]!.number).toBe('115');
    expect(text).toMatch(/không thở, bắt đầu ép tim – thổi ngạt/);
  });
});
