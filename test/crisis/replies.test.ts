// The first reply to each kind of danger and to a disclosure, as content/crisis.yaml writes it:
// the first action first, the right number first, then [Báo tin ngay] and the matching guide.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { checkCrisis } from '../../scripts/content/crisis';
import { crisisFollowUp, firstCrisisReply } from '../../src/knowledge/crisis-replies';
import { crisis } from '../../src/knowledge/crisis.generated';
import { DANGER_KINDS, DISCLOSURE_KINDS } from '../../src/triage/outcome';
import { FIRST_ACTION, FIRST_NUMBER, firstNumber } from './support';

const yaml = (name: string) => parse(readFileSync(new URL(`../../content/${name}`, import.meta.url), 'utf8')) as unknown;

describe('the first reply to a child in danger', () => {
  for (const kind of DANGER_KINDS) {
    it(`${kind}: the first line is the first action, ${FIRST_NUMBER[kind]} is the first number, then the report button and the guide`, () => {
      for (const [lang, action] of [['vi', FIRST_ACTION[kind][0]], ['en', FIRST_ACTION[kind][1]]] as const) {
        const r = firstCrisisReply({ triage: 'danger', kind, voice: 'adult', lang });
        const firstLine = r.text.split('\n')[0]!;
        expect(firstLine, `${kind}/${lang}`).toMatch(action);
        expect(firstNumber(r.text), `${kind}/${lang}`).toBe(FIRST_NUMBER[kind]);
        expect(firstNumber(firstLine) ?? FIRST_NUMBER[kind]).toBe(FIRST_NUMBER[kind]);
        // 1–3 numbered steps between the first action and the numbers.
        const steps = r.text.split('\n').filter((l) => /^\d\. /.test(l));
        expect(steps.length).toBeGreaterThanOrEqual(1);
        expect(steps.length).toBeLessThanOrEqual(3);
        expect(r.buttons[0]).toEqual({ label: lang === 'vi' ? 'Báo tin ngay' : 'Report now', payload: 'menu:report' });
        expect(r.buttons[1]?.payload).toBe(`topic:${crisis().danger[kind].guide}`);
        expect(r.calls[0]!.number).toBe(FIRST_NUMBER[kind]);
        expect(r.tone).toBe('urgent');
        expect(r.text).toMatch(lang === 'vi' ? /\nNguồn: .+$/ : /\nSource: .+$/);
      }
    });
  }

  it('drowning says never to hold the child upside down, and gives the CPR rate, depth and ratio', () => {
    const { text } = firstCrisisReply({ triage: 'danger', kind: 'drowning', voice: 'adult', lang: 'vi' });
    expect(text).toContain('KHÔNG dốc ngược');
    expect(text).toMatch(/100–120 lần\/phút/);
    expect(text).toMatch(/30 lần – thổi 2 lần/);
    expect(text).toMatch(/thổi ngạt 5 lần trước/);
  });

  it('poisoning keeps the container and sends a swallowed button battery or magnet to hospital at once', () => {
    const { text } = firstCrisisReply({ triage: 'danger', kind: 'poisoning', voice: 'adult', lang: 'vi' });
    expect(text).toMatch(/Giữ lại chai, lọ, vỏ thuốc/);
    expect(text).toMatch(/pin cúc áo hay nam châm: đến bệnh viện NGAY/);
  });

  it('a child who writes about themself is answered as a child: "em không có lỗi", 111 free at any hour', () => {
    for (const kind of ['violence', 'sexual_abuse'] as const) {
      const r = firstCrisisReply({ triage: 'danger', kind, voice: 'child', lang: 'vi' });
      expect(r.text).toMatch(/Em không có lỗi/);
      expect(r.text).toMatch(/111: miễn phí, gọi lúc nào cũng được/);
      expect(r.text).not.toMatch(/Nguồn:/);
      expect(r.buttons[0]!.payload).toBe('menu:report');
    }
    const en = firstCrisisReply({ triage: 'danger', kind: 'violence', voice: 'child', lang: 'en' });
    expect(en.text).toMatch(/It is not your fault/);
  });

  it('a child writing about a medical danger is told to shout for an adult and call 115, then the steps', () => {
    const r = firstCrisisReply({ triage: 'danger', kind: 'drowning', voice: 'child', lang: 'vi' });
    expect(r.text.split('\n')[0]).toMatch(/gọi to người lớn gần nhất.*gọi 115/);
    expect(r.text).toContain('KHÔNG dốc ngược');
  });

  it('a sudden illness (seizure, breathing trouble) is never the drowning reply: side position, nothing in the mouth, 115 first; a child gets it in a child\'s words', () => {
    const adult = firstCrisisReply({ triage: 'danger', kind: 'medical', voice: 'adult', lang: 'vi' });
    expect(adult.text.split('\n')[0]).toMatch(/Gọi 115 ngay/);
    expect(adult.text).toMatch(/đặt nằm nghiêng/);
    expect(adult.text).toMatch(/KHÔNG nhét tay, đũa, thìa vào miệng/);
    expect(adult.text).not.toContain('dốc ngược');
    const child = firstCrisisReply({ triage: 'danger', kind: 'medical', voice: 'child', lang: 'vi' });
    expect(child.text.split('\n')[0]).toMatch(/Gọi 115 ngay, hoặc gọi to người lớn/);
    expect(child.text).toMatch(/Nếu chính em thấy khó thở/);
    expect(child.text).not.toMatch(/ép tim/);
  });
});

describe('the first reply to a disclosure', () => {
  it('thanks and believes, says the child is not at fault, warns against confronting and retelling, keeps evidence, then 111 and the report button', () => {
    const r = firstCrisisReply({ triage: 'disclosure', kind: 'sexual_abuse', voice: 'adult', lang: 'vi' });
    expect(r.text.split('\n')[0]).toMatch(/^Cảm ơn bạn đã kể ra\. Việc cần làm ngay là tin lời trẻ.*không có lỗi/);
    expect(r.text).toMatch(/Không chất vấn người đó trước mặt trẻ/);
    expect(r.text).toMatch(/không bắt trẻ kể lại nhiều lần/);
    expect(r.text).toMatch(/Giữ bằng chứng/);
    expect(r.text).toMatch(/72 giờ/);
    expect(firstNumber(r.text)).toBe('111');
    expect(r.buttons.map((b) => b.payload)).toEqual(['menu:report', 'topic:khi-tre-ke-bi-xam-hai']);
    expect(r.tone).toBe('disclosure');
  });

  it('speaks of the 72-hour medical check only after sexual abuse', () => {
    for (const kind of DISCLOSURE_KINDS.filter((k) => k !== 'sexual_abuse')) {
      expect(firstCrisisReply({ triage: 'disclosure', kind, voice: 'adult', lang: 'vi' }).text, kind).not.toMatch(/72/);
    }
  });

  it('is no prevention leaflet: it never opens with the body-safety guide', () => {
    const r = firstCrisisReply({ triage: 'disclosure', kind: 'sexual_abuse', voice: 'adult', lang: 'vi' });
    expect(r.buttons.map((b) => b.payload)).not.toContain('topic:quy-tac-an-toan-co-the');
  });

  it('in English, for an English writer', () => {
    const r = firstCrisisReply({ triage: 'disclosure', kind: 'sexual_abuse', voice: 'adult', lang: 'en' });
    expect(r.text).toMatch(/^Thank you for telling me\. What to do now is to believe the child/);
    expect(r.text).toMatch(/72 hours/);
    expect(r.buttons[0]).toEqual({ label: 'Report now', payload: 'menu:report' });
  });

  it('to a child: "em không có lỗi", 111 is free at any hour, and how to reach a safe adult', () => {
    const r = firstCrisisReply({ triage: 'disclosure', kind: 'sexual_abuse', voice: 'child', lang: 'vi' });
    expect(r.text.split('\n')[0]).toMatch(/^Em không có lỗi/);
    expect(r.text).toMatch(/Gọi 111: miễn phí, gọi lúc nào cũng được, cả ban đêm/);
    expect(r.text).toMatch(/Kể với một người lớn em tin/);
  });
});

describe('a follow-up', () => {
  it('never repeats the first reply word for word, keeps the number and offers the next thing', () => {
    for (const outcome of [
      { triage: 'danger', kind: 'poisoning', voice: 'adult', lang: 'vi' },
      { triage: 'disclosure', kind: 'sexual_abuse', voice: 'adult', lang: 'vi' },
      { triage: 'disclosure', kind: 'violence', voice: 'child', lang: 'en' },
    ] as const) {
      const first = firstCrisisReply(outcome);
      const next = crisisFollowUp(outcome);
      expect(next.text).not.toBe(first.text);
      expect(next.text).toMatch(/\b(111|113|115)\b/);
      expect(next.buttons[0]!.payload).toBe('menu:report');
      expect(next.calls).toEqual(first.calls);
    }
  });
});

describe('content/crisis.yaml', () => {
  it('is valid, and every number in it comes from hotlines.yaml through {nK}', () => {
    expect(checkCrisis(yaml('crisis.yaml'), yaml('hotlines.yaml')).problems).toEqual([]);
  });

  it('refuses a number typed into a text, a number that is not a national line, and an unknown guide', () => {
    const bad = yaml('crisis.yaml') as { danger: Record<string, { numbers: string[]; guide: string; vi: { lead: string } }> };
    bad.danger.drowning!.vi.lead = 'Gọi 115 ngay.';
    bad.danger.burn!.numbers = ['119'];
    bad.danger.injury!.guide = 'no-such-guide';
    const problems = checkCrisis(bad, yaml('hotlines.yaml')).problems.join('\n');
    expect(problems).toMatch(/danger\.drowning.*write \{nK\} instead of the number 115/);
    expect(problems).toMatch(/danger\.burn\.numbers\.0.*119 is not a national line/);
    expect(problems).toMatch(/danger\.injury\.guide.*unknown guide/);
  });

  it('names a source for every kind of danger and disclosure', () => {
    for (const d of Object.values(crisis().danger)) for (const s of d.sources) expect(crisis().sources[s]).toBeDefined();
    for (const d of Object.values(crisis().disclosure.kinds)) expect(d.sources.length).toBeGreaterThan(0);
  });
});
