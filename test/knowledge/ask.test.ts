// A parent's question, answered from the real guides in content/: the right guide with its
// summary, source and buttons; emergencies first with hotlines; "not sure" and out-of-scope replies.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileKnowledge } from '../../scripts/content/knowledge';
import { ANSWER_THRESHOLD, confidenceOf } from '../../src/knowledge/answer';
import { createKnowledge, type Knowledge } from '../../src/knowledge/knowledge';
import { createRenderer } from '../../src/knowledge/render';
import { markdownToChat } from '../../src/knowledge/chat-text';

const content = fileURLToPath(new URL('../../content/', import.meta.url));
let k: Knowledge;

beforeAll(() => {
  k = createKnowledge(compileKnowledge(content));
});

describe('asking a question', () => {
  it('a parent typing without diacritics about bullying at school gets the school-violence guide', () => {
    expect(k.ask('con bi bat nat o truong')).toMatchObject({ kind: 'answer', topic: 'bao-luc-hoc-duong' });
  });

  it('the same question with diacritics, in English, or with a typo lands on the same guide', () => {
    expect(k.ask('Con bị bắt nạt ở trường')).toMatchObject({ topic: 'bao-luc-hoc-duong' });
    expect(k.ask('my son is bullied at school')).toMatchObject({ topic: 'bao-luc-hoc-duong' });
    expect(k.ask('con bi ban bat nac o truong')).toMatchObject({ topic: 'bao-luc-hoc-duong' });
  });

  it('ordinary questions about frightening topics are answered, not treated as emergencies', () => {
    expect(k.ask('lam sao day con phong tranh xam hai').kind).toBe('answer');
    expect(k.ask('dau hieu tre bi danh')).toMatchObject({ kind: 'answer', topic: 'dau-hieu-bao-luc-bo-mac' });
  });

  it('words that only frame the question ("cách xử lý", "phải làm gì") do not pick the guide', () => {
    expect(k.ask('cach xu ly khi con bi bong')).toMatchObject({ kind: 'answer', topic: 'tai-nan-thuong-tich-trong-nha' });
    expect(k.ask('chau bi duoi nuoc phai lam gi')).toMatchObject({ topic: 'so-cuu-duoi-nuoc' });
  });

  it('a teacher hitting a child is school violence, not a question about discipline at home', () => {
    expect(k.ask('co giao danh con toi')).toMatchObject({ kind: 'answer', topic: 'bao-luc-hoc-duong' });
  });

  it('Vietnamese typed without marks is not mistaken for English stop words ("mẹ mìn" is not "me")', () => {
    expect(k.ask('me min la gi')).toMatchObject({ kind: 'answer', topic: 'mua-ban-bat-coc-tre-em' });
  });

  it('chat shorthand is spelled out before triage: "ko thay be dau" is a missing child now', () => {
    expect(k.ask('ko thay be dau ca, tim khap cho roi').kind).toBe('emergency');
  });

  it('questions about child health or schoolwork get the scope reply, even when they mention the child', () => {
    expect(k.ask('con bi sot 39 do phai lam sao').kind).toBe('offtopic');
    expect(k.ask('cach day con hoc toan lop 1').kind).toBe('offtopic');
  });

  it('the answer is the summary with a "Xem thêm" button, related topics and a source line', () => {
    const result = k.ask('con bi bat nat o truong');
    const { text, buttons } = k.renderAnswer(result, 'vi');
    const guide = k.getGuide('bao-luc-hoc-duong')!;
    expect(text).toContain(guide.summary);
    expect(text).toMatch(/\nNguồn: .+/);
    expect(buttons[0]).toEqual({ label: 'Xem thêm', payload: 'guide:full:bao-luc-hoc-duong' });
    const related = buttons.slice(1);
    expect(related.length).toBeGreaterThanOrEqual(2);
    expect(related.length).toBeLessThanOrEqual(3);
    for (const b of related) {
      const slug = b.payload.replace(/^topic:/, '');
      expect(b.payload).toMatch(/^topic:/);
      expect(b.label).toBe(k.getGuide(slug)!.title);
    }
  });

  it('in English the answer is the English summary', () => {
    const { text } = k.renderAnswer(k.ask('my son is bullied at school'), 'en');
    expect(text).toContain(k.getGuide('bao-luc-hoc-duong')!.summary_en);
    expect(text).toContain('Source: ');
  });
});

describe('an emergency', () => {
  it('is recognised before any search, and the reply lists 113 and 111 before anything else', () => {
    const result = k.ask('chong toi dang danh con, cuu voi');
    expect(result).toMatchObject({ kind: 'emergency', emergencyKind: 'violence', triage: { triage: 'danger', kind: 'violence' } });
    const { text, buttons } = k.renderAnswer(result, 'vi');
    const lines = text.split('\n');
    expect(lines[0]).toContain('113');
    expect(lines[1]).toContain('111');
    expect(lines[2]).toContain('115');
    expect(text.indexOf('113')).toBeLessThan(text.indexOf('111'));
    expect(buttons[0]).toEqual({ label: 'Báo tin ngay', payload: 'menu:report' });
  });

  it('points to the matching guide too', () => {
    const result = k.ask('con toi vua bi bat coc o cong truong');
    expect(result).toMatchObject({ kind: 'emergency', topic: 'mua-ban-bat-coc-tre-em' });
    const { buttons } = k.renderAnswer(result, 'vi');
    expect(buttons.map((b) => b.payload)).toEqual(['menu:report', 'topic:mua-ban-bat-coc-tre-em']);
  });

  it('points a drowning now to first aid and blackmail now to the sextortion guide, never to prevention or basics', () => {
    for (const q of ['my son fell into the river', 'con tôi vừa ngã xuống sông', 'be nha toi bi nga xuong ho boi roi']) {
      expect(k.ask(q)).toMatchObject({ kind: 'emergency', emergencyKind: 'drowning', topic: 'so-cuu-duoi-nuoc' });
    }
    const blackmail = k.ask('co nguoi dang doa tung anh nong cua con gai toi neu khong gui them anh, hen toi nay gap');
    expect(blackmail).toMatchObject({ kind: 'emergency', emergencyKind: 'sextortion', topic: 'xam-hai-qua-mang' });
  });

  it('takes its phone numbers from content/hotlines.yaml', () => {
    const numbers = k.hotlines().map((h) => h.number);
    expect(numbers).toEqual(expect.arrayContaining(['111', '113', '114', '115']));
    const province = k.hotlines().find((h) => h.number === '18008079');
    expect(province?.verified).toBe(false);
    // An unverified provincial number is shown to nobody, not even in its own province.
    expect(k.renderHotlines('vi')).not.toContain('18008079');
    expect(k.renderHotlines('vi', '56')).not.toContain('18008079');
  });

  it('shows a verified provincial line only to people in that province', () => {
    const hotlines = {
      national: [{ number: '111', label: { vi: 'Tổng đài 111', en: 'Hotline 111' }, verified: true }],
      emergency_order: ['111'],
      provincial: [{ province: 'Khánh Hòa', province_code: '56', number: '0258000000', label: { vi: 'Đường dây tỉnh', en: 'Provincial line' }, verified: true }],
    };
    const r = createRenderer([], hotlines);
    expect(r.renderHotlines('vi', '56')).toContain('Khánh Hòa: 0258000000');
    expect(r.renderHotlines('vi', '01')).not.toContain('0258000000');
    expect(r.renderHotlines('vi')).not.toContain('0258000000');
  });
});

describe('how sure the bot is', () => {
  // An English question meets only the short English title and summary, so its right guide scores
  // lower than a Vietnamese question's would; the same score says more in English.
  it('counts the same match as firmer for an English question than for a Vietnamese one', () => {
    const match = { slug: 'an-toan-giao-thong', score: 150, coverage: 0.6, firmCoverage: 0.6, phrases: 1, foreign: 2 };
    expect(confidenceOf(match, true)).toBeGreaterThan(confidenceOf(match, false));
    expect(confidenceOf(match, true)).toBeGreaterThanOrEqual(ANSWER_THRESHOLD);
    expect(confidenceOf(match, false)).toBeLessThan(ANSWER_THRESHOLD);
  });

  it('still does not answer an English question that shares only stray words with a guide', () => {
    expect(confidenceOf({ slug: 'x', score: 30, coverage: 0.4, firmCoverage: 0.4, phrases: 0, foreign: 1 }, true)).toBeLessThan(ANSWER_THRESHOLD);
  });
});

describe('when the bot should not guess', () => {
  it('a question about the weather gets a polite scope message and the topic menu', () => {
    for (const q of ['thoi tiet ngay mai the nao', 'Giá vàng hôm nay bao nhiêu?', 'who won the football match']) {
      const result = k.ask(q);
      expect(result.kind).toBe('offtopic');
      const { text, buttons } = k.renderAnswer(result, 'vi');
      expect(text).toContain('ngoài phạm vi');
      expect(buttons).toEqual([{ label: 'Xem các chủ đề', payload: 'menu:topics' }]);
    }
  });

  it('an expat asking about "milk formula" gets the scope reply, as for "formula milk": English compounds are found in any order', () => {
    expect(k.ask('which milk formula is best for my 8 month old baby')).toMatchObject({ kind: 'offtopic' });
    expect(k.ask('which formula milk is best for my 8 month old baby')).toMatchObject({ kind: 'offtopic' });
  });

  it('ends a scope message with the emergency numbers in order, so a sick child\'s parent still gets 115', () => {
    const { text } = k.renderAnswer(k.ask('con bi sot 39 do phai lam sao'), 'vi');
    expect(text).toMatch(/gọi ngay 113 \(Công an\), 111 \(.*\), 115 \(Cấp cứu y tế\)\.$/);
    expect(k.renderAnswer(k.ask('who won the football match'), 'en').text).toMatch(/call 113 \(Police\), 111 \(.*\), 115 \(Ambulance\) now\.$/);
  });

  it('a vague question gets "mình chưa chắc" with up to 4 topic suggestions and the topic menu', () => {
    const result = k.ask('con toi');
    expect(result.kind === 'unsure' || result.kind === 'offtopic').toBe(true);
    const unsure = k.renderAnswer({ kind: 'unsure', topic: null, score: 0.2, suggestions: ['bao-luc-hoc-duong', 'ky-luat-tich-cuc', 'ho-tro-tam-ly', 'quyen-tre-em', 'an-toan-tren-mang'] }, 'vi');
    expect(unsure.text.toLowerCase()).toContain('mình chưa chắc');
    expect(unsure.buttons.slice(0, -1)).toHaveLength(4);
    expect(unsure.buttons.at(-1)).toEqual({ label: 'Xem các chủ đề', payload: 'menu:topics' });
  });
});

describe('reading a whole guide', () => {
  it('"Xem thêm" is chat text on every channel: no Markdown marks in any guide, in either language', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const g of k.listGuides()) {
        const text = k.renderGuideFull(g.slug, lang)!.text;
        expect(text, g.slug).not.toMatch(/^\s*#{1,6}\s/m);
        expect(text, g.slug).not.toMatch(/\*\*|__|\]\(|`/);
        expect(text, g.slug).not.toMatch(/^\s*[-*+]\s/m);
      }
    }
    const road = k.renderGuideFull('an-toan-giao-thong', 'vi')!.text;
    expect(road).toContain('TRÊN XE MÁY, XE ĐẠP');
    expect(road).toContain('• Đội mũ bảo hiểm cho con mỗi chuyến đi, ở mọi lứa tuổi, kể cả quãng ngắn.');
    expect(road).toContain('gọi 115 (cấp cứu)');
  });

  it('markdownToChat keeps a link\'s text and address, and nested items indented', () => {
    expect(markdownToChat('Xem [Tổng đài 111](https://tongdai111.vn) nhé.\n  - con\n- cha')).toBe('Xem Tổng đài 111 (https://tongdai111.vn) nhé.\n   ◦ con\n• cha');
  });

  it('"Xem thêm" shows the Vietnamese body; in English it says so and gives the English summary first', () => {
    const guide = k.getGuide('so-cuu-duoi-nuoc')!;
    const body = markdownToChat(guide.body);
    expect(k.renderGuideFull('so-cuu-duoi-nuoc', 'vi')!.text).toContain(body);
    const en = k.renderGuideFull('so-cuu-duoi-nuoc', 'en')!.text;
    expect(en.indexOf(guide.summary_en)).toBeLessThan(en.indexOf(body));
    expect(en).toContain('in Vietnamese');
    expect(k.renderGuideFull('no-such-guide', 'vi')).toBeNull();
  });

  it('the topic menu has one button per guide', () => {
    const { buttons } = k.renderTopicList('vi');
    expect(buttons).toHaveLength(k.listGuides().length);
    expect(buttons.every((b) => b.payload.startsWith('topic:'))).toBe(true);
  });
});
