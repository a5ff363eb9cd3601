// Ordinary questions, even about frightening topics, stay questions: folding a word without its
// marks, or a word like "giờ", "đang" or "rồi", does not raise an alarm.
import { describe, expect, it } from 'vitest';
import { classifyTriage } from '../../src/triage';

const question = { triage: 'question', kind: null };

describe('false alarms from folding', () => {
  it('"gio con dang hoc bai" is homework, not choking ("hoc" is "học", not "hóc")', () => {
    expect(classifyTriage('gio con dang hoc bai, toi co nen ngoi canh khong')).toMatchObject(question);
  });

  it('"tap danh dan piano" is a piano lesson, not violence', () => {
    expect(classifyTriage('tap danh dan piano cho be 5 tuoi co som qua khong')).toMatchObject(question);
  });

  it('"ban" typed without marks is a friend, not a sale; "so" is "sợ", not "sờ"', () => {
    expect(classifyTriage('con bi ban trong lop bat nop tien')).not.toMatchObject({ triage: 'danger' });
    expect(classifyTriage('em so lam, mai em thi roi')).toMatchObject(question);
  });

  it('"giờ", "đang" and "rồi" do not turn a past event into danger now', () => {
    expect(classifyTriage('năm ngoái bé bị bỏng nước sôi, giờ đang lên sẹo rồi, có thuốc nào không')).toMatchObject(question);
    expect(classifyTriage('hồi nhỏ con bị đuối nước một lần, giờ con sợ nước')).toMatchObject(question);
  });
});

describe('questions about frightening topics', () => {
  it.each([
    'dấu hiệu trẻ bị xâm hại tình dục là gì',
    'lam sao day con phong tranh bat coc',
    'nếu con bị lạc ở siêu thị thì nên làm gì',
    'trẻ bị điện giật sơ cứu thế nào',
    'cách sơ cứu trẻ bị hóc dị vật',
    'tại sao trẻ bị xâm hại thường giấu bố mẹ',
    'thủ đoạn bắt cóc trẻ em hiện nay',
    'what are the signs that a child is being groomed online',
    'how do I keep cleaning products away from a toddler',
  ])('"%s" is a question', (text) => {
    expect(classifyTriage(text)).toMatchObject(question);
  });
});
