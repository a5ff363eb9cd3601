// Ordinary questions, even about frightening topics, stay questions: folding a word without its
// marks, or a word like "giờ", "đang" or "rồi", does not raise an alarm.
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';

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

describe('everyday words that hold a danger word (issue 15, fewer false alarms)', () => {
  it.each([
    // "đánh" that is not a blow, "hôn" in marriage words, "đá" in football, "tắt đèn" (not "tát").
    'con danh roi dien thoai vo man hinh, co nen phat ko',
    'ly hôn thì con dưới 3 tuổi ở với ai',
    'chiều nay con đi đá bóng, về bị bong gân nhẹ, chườm đá được không',
    'con so ma khong dam tat den',
    // Bleeding gums, taking a medicine, homework until late.
    'con trai toi dang danh rang thi bi chay mau chan rang, co sao khong',
    'con gái bị đau bụng kinh, có nên uống thuốc không',
    'con hoc bai den khuya, sang dau dau, co sao ko',
    // A lost thing or a pet is not a missing child.
    'không thay con meo dau, chac no chay sang nha hang xom',
    // News, films and stories about other children.
    'nghe tin thằng bé lớp 9 nhảy lầu mà sợ, làm sao biết con mình có áp lực học hành ko',
    'Cháu đang đọc truyện về cô bé bị lạc trong rừng, nên giải thích thế nào?',
    'trong phim có cảnh đuối nước, bé hỏi chết đuối là gì',
    // An adult's own childhood; a past accident the child is fine after.
    'Ngày xưa bố tôi hay đánh tôi bằng roi, tôi không muốn lặp lại với con mình, có khóa học làm cha mẹ nào không?',
    'tôi ngày nhỏ bị bạo hành, giờ hay nổi nóng với con, có nên đi trị liệu',
    'bé nuốt hạt nho nhỏ, vẫn ăn uống chơi bình thường, có sao không',
    // Prevention and "is it a sign of…" questions, even with the gravest words.
    'sextortion là j, làm sao dạy con đề phòng',
    'cất pin cúc áo với nam châm sao cho bé ko nuốt dc',
    'be 4t hay dau cho kin, sot tieu co phai dau hieu xam hai ko',
    'what do I do if my child swallows a coin',
  ])('"%s" is a question', (text) => {
    expect(classifyTriage(text)).toMatchObject(question);
  });

  it('the same words told of a child in danger now still raise the alarm', () => {
    expect(classifyTriage('my neighbor left her toddler alone in the apartment since yesterday')).toMatchObject({ triage: 'danger', kind: 'alone' });
    expect(classifyTriage('nó bảo nếu em không ra gặp nó tối nay thì nó gửi ảnh cho bố mẹ em')).toMatchObject({ triage: 'danger', kind: 'sextortion' });
    expect(classifyTriage('con bi dien giat, gio nam im khong tho')).toMatchObject({ triage: 'danger' });
    expect(classifyTriage('bé vừa nuốt viên pin cúc áo, đang khóc')).toMatchObject({ triage: 'danger', kind: 'poisoning' });
  });
});

// Session 8: general wording that made the rules fire on hard negative questions (grouped by the
// trainneg batch); each change keeps the danger told now.
describe('worry, schoolwork, sport, food words and general first aid are not danger now (rules)', () => {
  it('a worry about what might happen ("sợ bé bị…", "lo con bị…") is general; the same words happening now are danger', () => {
    expect(classifyTriageRulesOnly('mình sợ con bị hóc hạt nhãn nên chưa dám cho ăn')).toMatchObject(question);
    expect(classifyTriageRulesOnly('tôi lo bé bị bỏng khi tự rót nước nóng')).toMatchObject(question);
    expect(classifyTriageRulesOnly('nấu canh cá thế nào cho con không bị hóc xương')).toMatchObject(question);
    expect(classifyTriageRulesOnly('tôi sợ con bị hóc, bé đang ho sặc sụa không thở được')).toMatchObject({ triage: 'danger' });
    expect(classifyTriageRulesOnly('sợ con bị bắt cóc rồi, từ trưa không thấy con đâu')).toMatchObject({ triage: 'danger' });
  });

  it('schoolwork and headlines ("bài văn tả cảnh…", "báo giật tít…", "news says…") are not a child in danger', () => {
    expect(classifyTriageRulesOnly('giúp con dàn ý bài văn tả cảnh cháy chợ')).toMatchObject(question);
    expect(classifyTriageRulesOnly('báo giật tít học sinh mất tích, đọc mà lo')).toMatchObject(question);
    expect(classifyTriageRulesOnly('the news says kidnapping gangs target schools, is that true')).toMatchObject(question);
  });

  it('sparring, games, popcorn, a sold-out shirt and a laughing fit hold no danger', () => {
    expect(classifyTriageRulesOnly('con tập vovinam, tháng sau thi đấu đối kháng, cần mua bảo hộ gì')).toMatchObject(question);
    expect(classifyTriageRulesOnly('thằng bé chơi game giết quái cả tối')).not.toMatchObject({ triage: 'danger' });
    expect(classifyTriageRulesOnly('bé 2 tuổi ăn bỏng ngô được chưa')).toMatchObject(question);
    expect(classifyTriageRulesOnly('con xem hoạt hình cười ngất cả buổi')).toMatchObject(question);
  });

  it('words that fold into a danger word: "so sánh", "tiêu chảy", "cổ tay", "mua cồn", "không khó thở"', () => {
    expect(classifyTriageRulesOnly('dang so sanh hai truong mam non cho be')).toMatchObject(question);
    expect(classifyTriageRulesOnly('be bi tieu chay 2 ngay nay, an gi')).toMatchObject(question);
    expect(classifyTriageRulesOnly('bé kêu đau cổ tay sau khi viết nhiều')).toMatchObject(question);
    expect(classifyTriageRulesOnly('ra hiệu thuốc mua cồn sát trùng cho con')).toMatchObject(question);
    expect(classifyTriageRulesOnly('bé hắt hơi nhưng không khó thở, có cần đi khám')).toMatchObject(question);
  });

  it('first aid asked in general ("rửa bao lâu", "how long should", "tư thế") and the law ("có bị phạt không") are questions', () => {
    expect(classifyTriageRulesOnly('tre bi bong nuoc soi thi rua nuoc mat bao lau')).toMatchObject(question);
    expect(classifyTriageRulesOnly('how long should a burn on a child be cooled under running water')).toMatchObject(question);
    expect(classifyTriageRulesOnly('phạt con bằng cách bắt quỳ có bị phạt không')).toMatchObject(question);
    expect(classifyTriageRulesOnly('hồi cấp 1 em từng bị bạn đánh, giờ em lớp 10, em vẫn nhớ')).not.toMatchObject({ triage: 'danger' });
  });
});
