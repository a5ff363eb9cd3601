// The corrections found by review against the sources (issue 15, item 6), checked on the guides
// parents read: the law as it stands, first aid as mainstream guidance gives it, sources that are
// authorities, one short source line, and no review notes in the answers.
import { describe, expect, it } from 'vitest';
import { getGuide, listGuides, renderAnswer } from '../../src/knowledge';

const guide = (slug: string) => getGuide(slug)!;
const answerOf = (slug: string) => renderAnswer({ kind: 'answer', topic: slug, score: 1 }, 'vi').text;

describe('corrected guides', () => {
  it('legal aid: 16–17-year-old victims are entitled from 1 Jan 2026 without a means test (Law 59/2024/QH15)', () => {
    const g = guide('tro-giup-phap-ly');
    expect(g.summary).toMatch(/từ 1\/1\/2026, người 16–17 tuổi là bị\s+hại/);
    expect(g.summary).toMatch(/không cần chứng minh khó khăn tài chính/);
    expect(g.body).toMatch(/59\/2024\/QH15/);
    expect(g.body).toMatch(/"có khó khăn về tài chính" trước đây đối với bị hại 16–17 tuổi đã bị bãi bỏ/);
    expect(g.sources[0]!.cite).toMatch(/Điều 177 khoản 6/);
  });

  it('home accidents: no induced vomiting, the swallowed battery and magnet answered, CPR after an electric shock', () => {
    const g = guide('tai-nan-thuong-tich-trong-nha');
    expect(g.summary).toMatch(/không gây nôn/);
    expect(g.body).toMatch(/\*\*không gây nôn\*\*/);
    expect(g.body).toMatch(/\*\*Pin cúc áo:\*\* đến bệnh viện \*\*ngay\*\*/);
    expect(g.body).toMatch(/\*\*Nam châm:\*\* đến bệnh viện ngay/);
    expect(g.body).toMatch(/Điện giật[\s\S]*ép tim – thổi ngạt ngay/);
  });

  it('drowning: CPR rate, depth and ratios as mainstream paediatric guidance gives them', () => {
    const { body, summary } = guide('so-cuu-duoi-nuoc');
    expect(body).toMatch(/100–120 lần mỗi phút/);
    expect(body).toMatch(/khoảng 1\/3 bề dày lồng ngực — chừng 4 cm ở trẻ dưới 1 tuổi, chừng 5 cm ở trẻ lớn hơn/);
    expect(body).toMatch(/một người cứu: 30 lần ép tim, 2 lần thổi ngạt; hai người cứu: 15 lần ép tim, 2 lần thổi ngạt/);
    expect(body).toMatch(/Thổi ngạt 5 lần trước/);
    expect(summary).toMatch(/KHÔNG dốc ngược/);
  });

  it('traffic: riding ages are kept as unverified data, not told to parents', () => {
    const g = guide('an-toan-giao-thong');
    expect(g.unverified.length).toBeGreaterThan(0);
    expect(`${g.summary}\n${g.body}`).not.toMatch(/(đủ|từ) 1[68] tuổi/);
  });

  it('online safety: Decree 147/2024 — parents register the accounts of children under 16', () => {
    const g = guide('an-toan-tren-mang');
    expect(g.body).toMatch(/Nghị định 147\/2024\/NĐ-CP[\s\S]*\*\*trẻ dưới 16 tuổi\*\*[\s\S]*cha, mẹ hoặc người giám hộ đăng ký/);
  });

  it('cites no lottery site or other non-authority page', () => {
    const urls = listGuides().flatMap((g) => g.sources.map((s) => s.url ?? ''));
    for (const bad of ['xsdinh', 'duytom', 'vn24h', 'th389', '123corp', 'luatsutran']) {
      expect(urls.filter((u) => u.includes(bad)), bad).toEqual([]);
    }
  });

  it('states no statistic without its source: the unsourced share of beaten children is gone, the suicide survey is attributed', () => {
    expect(guide('ky-luat-tich-cuc').body).not.toMatch(/68,4%/);
    expect(guide('ho-tro-tam-ly').body).toMatch(/năm 2019 \(do WHO tài trợ, Trường Đại học Y tế công cộng thực hiện/);
  });
});

describe('an answer a parent reads', () => {
  it('starts with the answer, shows one short source line that is not a local plan, and no review note', () => {
    for (const g of listGuides()) {
      const text = answerOf(g.slug);
      expect(text.startsWith(g.summary.slice(0, 30)), g.slug).toBe(true);
      const sourceLines = text.split('\n').filter((l) => l.startsWith('Nguồn: '));
      expect(sourceLines, g.slug).toHaveLength(1);
      expect(sourceLines[0]).not.toMatch(/Kế hoạch|Công văn/);
      expect(sourceLines[0]!.length, g.slug).toBeLessThan(200);
      expect(text).not.toMatch(/thẩm định|expert review|cần xác nhận/);
    }
  });
});
