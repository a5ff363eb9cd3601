// Session 8: general patterns where the triage rules raised false alarms on ordinary questions. Each
// pattern is tested on both sides: the question stays a question (the rules alone), and the nearest
// real danger or disclosure keeps firing (rules + classifier, what the bot runs). docs/triage.md,
// "Session 8: rule false alarms".
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';

const staysQuestion = (text: string) => expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'question' });
const isDanger = (text: string) => expect(classifyTriage(text)).toMatchObject({ triage: 'danger' });
const isAlarm = (text: string) => expect(classifyTriage(text).triage).not.toBe('question');

describe('worry or prevention governing the danger word is not danger now', () => {
  it.each([
    'em sợ bé bị hóc khi ăn bánh quy, nên chọn loại nào cho bé 10 tháng',
    'mình lo con bị bỏng khi tự rót nước nóng, có nên mua bình giữ nhiệt loại có khóa',
    'cách lọc xương cá cho bé 2 tuổi ăn không bị hóc',
    'sợ con bị điện giật vì ổ cắm thấp quá, nắp che ổ điện loại nào tốt',
    'bé hay chạy lung tung, em sợ bé bị lạc ở hội chợ, có nên làm vòng tay ghi số điện thoại',
    'nhỡ bé uống nhầm nước giặt thì sao, em nên cất ở đâu',
    'so be bi hoc keo nen em chua cho an',
    'con sợ bị đuối nước nên không dám học bơi, làm sao động viên',
    'mẹ lo con bị xâm hại khi đi học thêm nhà thầy, nên dặn con những gì',
    'bỏng ngô cho bé 3 tuổi ăn được chưa, sợ hóc không',
    'Mọi người có kinh nghiệm chống bỏng, chống điện giật cho bé thế nào chia sẻ mình với',
    "I'm worried my son will choke on grapes, should I cut them in quarters",
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'con đang bị hóc kẹo, không thở được',
    'em sợ lắm, bố đang đánh mẹ',
    'em sợ quá, bé vừa uống nhầm nước tẩy',
    'sợ quá bé bị hóc hạt nhãn, mặt tím tái rồi',
    'lo quá, con bị bỏng nước sôi cả tay, phồng rộp hết rồi',
    'con lỡ uống nhầm thuốc của bà, giờ nó lơ mơ',
    'mình sợ bé bị hóc, vừa nãy bé nuốt đồng xu',
    'em sợ bố lại đánh em tối nay',
    'sợ quá, bé bị chó cắn chảy máu nhiều lắm',
  ])('"%s" stays danger', isDanger);

  it.each(['em sợ chú ấy lại sờ em nữa', 'em sợ về nhà vì bố hay đánh em'])('"%s" is still told abuse', isAlarm);

  it('a habit told before the worry does not make the feared danger real', () => {
    staysQuestion('bé nhà mình hay cho đồ vào miệng, mình rất sợ bé nuốt phải pin cúc áo trong điều khiển, có hộp đựng nào an toàn');
    staysQuestion('bé 2 tuổi rất hiếu động, em sợ bé leo lên bàn bị ngã đập đầu');
  });

  it('"để con không bị…" is prevention, but not when the sentence says it is happening now', () => {
    staysQuestion('cách nấu cháo cá cho bé không bị hóc xương');
    expect(classifyTriageRulesOnly('để con không bị đánh nữa em phải làm sao, bố đang đập cửa')).toMatchObject({ triage: 'danger' });
  });

  it('worry does not reach across a comma into what is told', () => {
    isDanger('mình sợ con bé bị làm sao, nó nuốt mất viên pin');
    isDanger('sợ con chết mất, bé uống nhầm thuốc trừ sâu');
    isDanger('mình lo con bị bắt cóc rồi, từ chiều chưa về, gọi không bắt máy');
  });
});

describe('sport, school work, games and fiction are not a child hurt now', () => {
  it.each([
    'con học võ karate được 1 năm, tuần sau đi thi đánh đối kháng, nên mua giáp loại nào',
    'bé đá bóng bị đá vào ống đồng sưng nhẹ, chườm gì',
    'trong game con cứ chém zombie, có ảnh hưởng tâm lý không',
    'con tập taekwondo bị bạn đá trúng bụng lúc tập, thầy nói bình thường, có cần đi khám',
    'bài văn tả cảnh cháy rừng lớp 5 nên mở bài thế nào',
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'con bị bạn trong lớp võ đánh chảy máu đầu, đang nằm bất tỉnh',
    'bé đang chơi ở sân bóng thì bị một người lạ bế đi mất',
  ])('"%s" stays danger', isDanger);

  it('a child badly hurt at football is still danger', () => {
    isDanger('con em đá bóng bị bạn đá vào bụng, giờ đau bụng dữ dội, mặt tái, nôn ra');
    isDanger('con bị nước sôi từ ấm đổ vào chân, da bong ra từng mảng');
  });

  it('a stranger in a game asking a child to undress is still a disclosure', () => {
    isAlarm('Con gái 10 tuổi bảo có người trên Roblox bắt gọi video và cởi áo');
  });
});

describe('food words, titles and idioms are not burns, poisoning or fainting', () => {
  it.each([
    'mua bỏng ngô ở rạp cho con có được không',
    'shop báo cháy hàng xe đẩy em bé rồi, chỗ nào còn bán',
    'nướng bánh bị cháy cạnh, bé ăn có sao không',
    'phim hài này xem cười ngất, cho con 10 tuổi xem được không',
    "con mê phim 'Ngộ độc tình yêu' của Hàn, có nên cho xem",
    'trời nóng khó chịu chết đi được, cho bé đi bơi ở đâu mát',
  ])('"%s" stays a question', staysQuestion);

  it.each(['bé bị bỏng nồi cơm điện, tay phồng rộp đang khóc', 'bếp cháy rồi, con đang ở trong nhà'])('"%s" stays danger', isDanger);
});

describe('first aid asked in general is a question', () => {
  it.each([
    'tre bi bong hoa chat thi rua nuoc bao lau',
    'how long should you run cool water on a burn for a kid',
    'tư thế nằm nghiêng an toàn cho trẻ bất tỉnh làm như thế nào',
  ])('"%s" stays a question', staysQuestion);

  it.each(['con tôi bị bỏng hóa chất ở tay, rửa nước bao lâu', 'bé đang bất tỉnh, đặt nằm nghiêng thế nào'])('"%s" stays danger', isDanger);
});

describe('news and social media about other children are questions', () => {
  it.each([
    'báo giật tít bé gái mất tích bí ẩn, thật ra chỉ đi chơi nhà bạn, sao báo làm vậy',
    'news says child trafficking rings are operating near the border, how worried should I be',
    'đọc thấy học sinh tự tử vì điểm thấp trên báo, làm sao nói chuyện với con',
    'facebook đang lan truyền tin bắt cóc trẻ ở chợ, có thật không',
    'chương trình thời sự tối qua nói về trẻ bị bắt cóc sang Trung Quốc, mình nên dặn con gì',
  ])('"%s" stays a question', staysQuestion);

  it('a child forgotten on the school bus now is still danger', () => {
    isDanger('bé nhà em đang bị bỏ quên trên xe đưa đón, trường không nghe máy');
  });
});

describe('words folded without marks that collide with danger words', () => {
  it.each([
    'mua con y te o dau cho be sat trung', // "mua cồn", not buying a child
    'dang so sanh hai loai sua cho be, loai nao tot hon', // "so sánh", not "đang sờ"
    'be bi ran nhiet o mieng, boi gi', // "rạn nhiệt", not a snake
    'be bi tieu chay 3 ngay, uong oresol the nao', // "tiêu chảy", not "bế … chạy"
    'con keu dau co tay sau khi choi cau long', // a sore wrist, not a neck injury
    'be thich chay nhay o cong vien co sao khong', // "bé … chạy", not "bế … chạy"
    'be an chay duoc khong', // "ăn chay"
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'be vua uong nham con 90 do',
    'be dang bi tieu chay mat nuoc, mat trung, li bi',
  ])('"%s" stays danger', isDanger);
});

describe('the past and healed, "giờ vẫn còn sẹo" is not now', () => {
  it.each([
    'hoi nho em bi cho can, gio van con seo o chan, co xoa duoc khong',
    'hồi cấp 2 em từng có ý nghĩ tự làm đau bản thân, giờ em ổn rồi, có nên kể với mẹ không',
    'năm 3 tuổi con bị bỏng nước sôi ở tay, giờ vẫn còn sẹo lồi, có laser được không',
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'con vừa bị chó cắn chảy máu nhiều',
    'con đang sốt cao co giật',
    'năm ngoái bé bị ngã cầu thang, giờ bé lại vừa ngã, đang chảy máu đầu',
  ])('"%s" stays danger', isDanger);

  it('"when he was 2" is the past in English too', () => {
    staysQuestion("my son had a seizure when he was 2 with a fever, he's 6 now, can he go swimming");
    isDanger('my son is having a seizure, he was fine this morning');
  });

  it('a little blood that stopped, at a sparring bout last week, is not a disclosure', () => {
    staysQuestion(
      'Con mình 9 tuổi học võ ở nhà văn hóa, tuần rồi thi đấu đối kháng bị bạn đấm trúng mũi chảy máu một chút, thầy sơ cứu rồi, giờ hết rồi. Mình phân vân có nên cho con học tiếp không',
    );
    isDanger('Con mình học võ, hôm nay đi thi bị đá vào đầu, về nhà nôn mấy lần, giờ lơ mơ gọi không tỉnh');
  });

  it('abuse in the past with a scar left is still a disclosure', () => {
    isAlarm('hồi lớp 4 em bị chú hàng xóm sờ, giờ em vẫn sợ');
    isAlarm('em hay bị ba lấy dây điện quật, chỗ đó giờ còn sẹo');
  });
});

describe('the law and how reporting works are questions', () => {
  it.each(['đánh con bằng roi có bị phạt không', 'bắt cóc trẻ em bị phạt bao nhiêu năm tù', 'quy trình tiếp nhận thông tin khi người dân báo có trẻ bị bạo hành'])(
    '"%s" stays a question',
    staysQuestion,
  );

  it('a neighbour beating a child every day is still a disclosure', () => {
    isAlarm('hàng xóm đánh con bằng roi mây ngày nào cũng nghe tiếng khóc, tôi báo ai');
  });
});

describe('mild illness is not breathing trouble now', () => {
  it.each([
    'kho tho nhe do nghet mui, nho nuoc muoi duoc khong',
    'bé không khó thở, chỉ nổi mẩn, uống thuốc dị ứng gì',
    'con bị nghẹt mũi ngủ thở khò khè nhẹ, có cần đi khám',
    'bé bị hăm tã đỏ cả mông, bôi gì', // nappy rash, not the marks of a spanking
  ])('"%s" stays a question', staysQuestion);

  it.each(['con đang khó thở, thở rít, môi tím', 'bé nổi mẩn khắp người, đang khó thở', 'bé bị dị ứng tôm, sưng môi, đang khó thở'])('"%s" stays danger', isDanger);
});
