// A child in danger now is recognised whatever the danger, whoever writes, and however it is typed:
// with or without diacritics, in teen-code, in English. The kind names the first action to give.
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';
import { DANGER_KINDS } from '../../src/triage/outcome';

const stories: Array<[(typeof DANGER_KINDS)[number], string, string]> = [
  // [kind, message, who writes and how]
  ['drowning', 'Thằng bé nhà tôi vừa được vớt lên từ hồ bơi, môi tím, không thở', 'a father, with diacritics'],
  ['drowning', 'be nha em te xuong ao ca sau nha, keo len roi ma khong tho', 'a mother, without diacritics'],
  ['drowning', 'my daughter fell into the pool and she is not breathing', 'a parent, in English'],
  ['choking', 'con tôi đang ăn thì bị hóc hạt nhãn, mặt tím tái', 'a parent'],
  ['choking', 'be dang bi nghen banh quy, khong ho duoc', 'a parent, without diacritics'],
  ['poisoning', 'con tôi 3 tuổi vừa nuốt viên pin cúc áo', 'a parent: a button battery'],
  ['poisoning', 'bé uống nhầm thuốc tẩy rồi, có nên cho bé nôn ra không', 'a parent, with a panic question'],
  ['poisoning', 'my son swallowed two magnets from his toy', 'a parent, in English'],
  ['burn', 'con bị ấm nước sôi đổ vào chân, da phồng rộp', 'a scald'],
  ['burn', 'be bi dien giat o cam sac, gio nam im', 'an electric shock, without diacritics'],
  ['injury', 'cháu ngã từ tầng 3 xuống, chảy máu đầu nhiều lắm', 'a fall'],
  ['injury', 'con bé đang đu ngoài lan can ban công tầng 7', 'a child dangling from a balcony'],
  ['violence', 'ông hàng xóm đang cầm gậy đánh con ông ấy ngoài sân', 'a neighbour'],
  ['violence', 'bố em say rượu đang đập đồ, em trốn dưới gầm giường', 'a child, in the first person'],
  ['sexual_abuse', 'dượng đêm nào cũng vào phòng hiếp em, em sợ lắm', 'a girl, in the first person'],
  ['sexual_abuse', 'con gái tôi vừa bị một gã lạ kéo vào nhà vệ sinh xâm hại', 'a mother, just now'],
  ['abduction', 'có người gọi bảo đang giữ con tôi, đòi 500 triệu tiền chuộc', 'a ransom call'],
  ['abduction', 'di cho ve ko thay be dau, tim ca tieng r', 'a parent, in teen-code without diacritics'],
  ['abduction', 'a man is holding my daughter in his house and won\'t let her leave', 'a parent, in English'],
  ['trafficking', 'cháu tôi bị lừa bán sang Trung Quốc, vừa gọi về cầu cứu', 'an aunt'],
  ['sextortion', 'có đứa dọa tung ảnh nóng của em nếu tối nay em không ra gặp nó', 'a child, a meeting tonight'],
  ['sextortion', 'someone is blackmailing my son with his photos and wants money tonight', 'a parent, in English'],
  ['suicide', 'em không muốn sống nữa, tối nay em sẽ nhảy cầu', 'a child, in the first person'],
  ['suicide', 'con gái tôi nhắn tin tạm biệt mọi người rồi tắt máy', 'a goodbye message'],
  ['alone', 'tôi lỡ để quên con trong ô tô ngoài nắng, cửa khóa', 'a toddler locked in a hot car'],
  ['alone', 'bé 2 tuổi ở nhà một mình từ sáng, mẹ đi làm chưa về, bé khóc', 'a neighbour'],
  ['medical', 'be nha toi dang sot cao thi len con co giat, mat tron nguoc', 'a febrile seizure, typed without marks'],
  ['medical', 'con bị ong đốt mấy nốt, giờ sưng húp mặt và khó thở', 'a strong reaction to stings'],
  ['medical', 'my son is having a seizure', 'English'],
];

describe('a child in danger now', () => {
  it.each(stories)('%s: "%s" (%s)', (kind, text) => {
    expect(classifyTriage(text)).toMatchObject({ triage: 'danger', kind });
  });

  it('every kind of danger has a story here', () => {
    const told = new Set(stories.map(([kind]) => kind));
    expect(DANGER_KINDS.filter((k) => k !== 'unspecified' && !told.has(k))).toEqual([]);
  });

  it('a bare cry for help is danger even when it says nothing more', () => {
    expect(classifyTriage('cứu với')).toMatchObject({ triage: 'danger', kind: 'unspecified' });
    expect(classifyTriage('please help me')).toMatchObject({ triage: 'danger', lang: 'en' });
  });

  it('a cry typed in a hurry, in any order ("help help", "help please"), is a cry too', () => {
    expect(classifyTriage('help help, my little girl')).toMatchObject({ triage: 'danger', lang: 'en' });
    expect(classifyTriage('help please my son')).toMatchObject({ triage: 'danger', lang: 'en' });
    expect(classifyTriageRulesOnly('giup co voi')).toMatchObject({ triage: 'danger', kind: 'unspecified' });
    expect(classifyTriageRulesOnly('có ai không, cần giúp gấp')).toMatchObject({ triage: 'danger', kind: 'unspecified' });
  });

  it('a baby who goes limp or has a bulging soft spot is danger now, by the rules alone', () => {
    expect(classifyTriageRulesOnly('bé 2 tháng sốt cao, thóp phồng, bỏ bú')).toMatchObject({ triage: 'danger' });
    expect(classifyTriageRulesOnly('con sốt, nôn rồi lả đi')).toMatchObject({ triage: 'danger' });
  });
});

describe('teen-code', () => {
  it('"ko thấy", "mất tiêu", "k", "dc" are read as the full words', () => {
    expect(classifyTriage('con bé đi chơi mất tiêu từ trưa, gọi ko bắt máy')).toMatchObject({ triage: 'danger', kind: 'abduction' });
    expect(classifyTriage('bé té hồ, vớt lên r mà k thở dc')).toMatchObject({ triage: 'danger', kind: 'drowning' });
    expect(classifyTriage('ko thấy con đâu hết, tìm khắp xóm r')).toMatchObject({ triage: 'danger' });
  });

  it('"t", "e", "ổng" stand for tôi, em, ông ấy', () => {
    expect(classifyTriage('ổng đang đánh e, e trốn trong tủ')).toMatchObject({ triage: 'danger', kind: 'violence', voice: 'child' });
  });
});

describe('doubt in a panic', () => {
  it('"có nên…", "phải làm sao", "hay là…" never cancel a danger cue', () => {
    expect(classifyTriage('vừa vớt lên, tím tái, có nên dốc ngược không')).toMatchObject({ triage: 'danger', kind: 'drowning' });
    expect(classifyTriage('con tôi vừa uống thuốc trừ sâu, phải làm sao')).toMatchObject({ triage: 'danger', kind: 'poisoning' });
    expect(classifyTriage('hay là chở bé đi viện luôn, bé vừa nuốt nam châm')).toMatchObject({ triage: 'danger' });
  });

  it('a threat with "nếu" in it is still a threat, not a hypothetical question', () => {
    expect(classifyTriage('kẻ bắt cóc dọa nếu báo công an sẽ hại cháu')).toMatchObject({ triage: 'danger', kind: 'abduction' });
  });
});

describe('a sudden illness', () => {
  it('is never given the drowning (CPR, lay on the back) reply when no water is named', () => {
    for (const text of ['be bi co giat mat trang da', 'con tôi tự nhiên ngất xỉu, gọi không tỉnh']) {
      const out = classifyTriage(text);
      expect(out.triage).toBe('danger');
      expect(out.kind).not.toBe('drowning');
    }
    // With water named, it stays a drowning.
    expect(classifyTriage('con toi vua duoc vot len tim tai khong tho')).toMatchObject({ triage: 'danger', kind: 'drowning' });
  });
  it('is not danger when asked about in general or in the past', () => {
    expect(classifyTriage('làm sao phòng sốt co giật cho trẻ').triage).toBe('question');
    // A mild sting is neither a sudden illness nor violence ("đốt" alone is burning someone).
    expect(classifyTriage('con bị ong đốt một nốt ở tay, hơi sưng').triage).toBe('question');
    expect(classifyTriage('con bị ong đốt mấy nốt, giờ sưng húp mặt và khó thở')).toMatchObject({ triage: 'danger', kind: 'medical' });
  });
});
