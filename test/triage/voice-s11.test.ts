// Session 11 (issue #15): the reply speaks to whoever is writing. Who writes is read from the whole
// message (src/triage/voice.ts): how the writer names the child relative to themself, an age or grade
// they give of themself, a role, a small child named in the third person, the writer as the victim,
// and their own word for "I". A tie reads as an adult.
import { describe, expect, it } from 'vitest';
import { classifyTriage, explainVoice } from '../../src/triage';

const voice = (text: string) => classifyTriage(text).voice;

describe('a child writes about themself', () => {
  it('a 12-year-old greets the bot like a parent would ("em chào anh chị") but gives their age: a child', () => {
    expect(classifyTriage('Em chào anh chị ạ, em năm nay 12 tuổi, em bị bố đánh nhiều lắm')).toMatchObject({ triage: 'disclosure', voice: 'child' });
  });

  it('a teenager in teen-code calls themself "t" (spelled out it is "tôi"): still a child', () => {
    expect(voice('cứu t vs, t bị tụi nó chặn đánh ở sau trường, t đang chảy máu mũi')).toBe('child');
    expect(voice('ko ai chơi vs t, tụi nó nhắn tin chửi t mỗi ngày, bảo t đi chết đi')).toBe('child');
  });

  it('a child who calls themself "con" or "cháu" to the grown-ups reading: a child', () => {
    expect(voice('mẹ kế con đang cầm roi đánh con, con trốn dưới gầm giường nhắn lén')).toBe('child');
    expect(voice('cô chú ơi giúp cháu với, bố cháu đang đánh mẹ cháu')).toBe('child');
    expect(voice('con muốn hỏi nếu bị lạc ở siêu thị thì con nên làm gì ạ')).toBe('child');
  });

  it('a child writing about a little sister in danger ("em gái tui 3 tuổi") is still the child', () => {
    expect(voice('em gái tui 3 tuổi uống nhầm dầu gió rồi, ba mẹ đi ruộng chưa về')).toBe('child');
  });

  it('a child with no marks, a grade or "mik": a child', () => {
    expect(voice('e hoc lop 5, ba e say ruou dap do, e so lam')).toBe('child');
    expect(voice('mik lớp 8, bị tụi lớp bên chặn đường đòi tiền hoài')).toBe('child');
  });

  it('a child calling to a parent or grandmother ("mạ ơi", "ba ơi", "mẹ ơi") and calling themself "con"', () => {
    expect(voice('mạ ơi con làm đổ nồi canh lên chân, rát lắm')).toBe('child');
    expect(voice('bố ơi cứu con, có người lạ cứ đi theo con từ cổng trường')).toBe('child');
  });

  it('an age the writer gives of themself decides, whatever else they say', () => {
    expect(voice('my little brother is 7 and my mom leaves us alone all night, i\'m 19 so i look after him')).toBe('adult');
  });

  it('a child in English, with an age or about themself', () => {
    expect(voice("i'm 12 and my uncle keeps hitting me when my parents are out")).toBe('child');
    expect(voice('i cut myself again tonight and i cannot stop the bleeding')).toBe('child');
  });
});

describe('a grown-up writes about a child', () => {
  it('a mother calls herself "em" to the readers but writes "con em": an adult', () => {
    expect(classifyTriage('em chào cả nhà, con em 20 tháng bị hóc hạt lạc, mặt tím tái, cứu em với')).toMatchObject({ triage: 'danger', voice: 'adult' });
  });

  it('"bé nhà mình", "thằng cu nhà em", "bé lớp 9 nhà em": the writer\'s child, an adult', () => {
    expect(voice('bé nhà mình vừa uống nhầm nước tẩy, mọi người ơi phải làm gì')).toBe('adult');
    expect(voice('Cả nhà ơi giúp em với, thằng cu nhà em 3 tuổi ngã xuống bể nước, em vớt lên mà không thấy thở')).toBe('adult');
    expect(voice('bé lớp 9 nhà em đang bị 1 tài khoản lạ dọa tung ảnh')).toBe('adult');
  });

  it('a teacher, a grandparent, an aunt say who they are: adults', () => {
    expect(voice('học sinh lớp em vừa nhắn cho em là muốn tự tử')).toBe('adult');
    expect(voice('tôi là bà ngoại, cháu tôi bị mẹ kế bỏ đói')).toBe('adult');
    expect(voice('mk là cô của bé 6t, bé bị bố nó đánh suốt, mk nên báo ai')).toBe('adult');
  });

  it('a small child named with an age in the third person cannot be the writer', () => {
    expect(voice('be 2 tuoi bi nhot trong phong, bo me di vang, be khoc mai')).toBe('adult');
    expect(voice('Cháu 4 tuổi nuốt phải hạt nhãn, mẹ đang vỗ lưng mà không ra')).toBe('adult');
  });

  it('an older sibling who gives an adult age, in English', () => {
    expect(voice("my little brother is 8 and our stepdad hits him, i'm 22 and at university")).toBe('adult');
  });

  it('"my 13 year old sister" is a sibling, not the writer\'s child; "my little sister" is a child\'s words', () => {
    expect(explainVoice('a stranger is pulling my 13 year old sister into his car').adult).toEqual([]);
    expect(voice('a stranger is pulling my 13 year old sister into his car, i am scared')).toBe('child');
    expect(voice('my little sister has a high fever and mom is at work')).toBe('child');
  });

  it('a parent in English ("my 15 year old", "my 10 month old") and a bystander who sees a child', () => {
    expect(voice('my 15 year old left a note saying goodbye and won\'t pick up')).toBe('adult');
    expect(voice('my 10 month old pulled a kettle of hot water onto his arm')).toBe('adult');
    expect(voice('a man is dragging a crying kid into a van outside, I can see it from my window')).toBe('adult');
  });

  it('the child\'s words quoted by a parent are not the writer\'s', () => {
    expect(voice('Tôi tìm thấy tin nhắn con trai 14 tuổi gửi bạn: "con mệt lắm, con muốn đi"')).toBe('adult');
  });

  it('"một mình" (alone) and "trẻ em" (children) are not the writer saying "mình" or "em"', () => {
    expect(voice('thằng bé nhà đối diện ở nhà một mình cả ngày, khóc mãi')).toBe('adult');
    expect(voice('Tổng đài bảo vệ trẻ em có làm việc ban đêm không?')).toBe('adult');
  });
});

describe('why', () => {
  it('names the evidence each side', () => {
    const r = explainVoice('em chào mọi người, con em 18 tháng bị sốt');
    expect(r.adult).toContain('con em');
    expect(r.child).toContain('"em"');
  });
});
