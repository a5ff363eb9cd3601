// Session 10 (fa10): mechanisms against false alarms on hard questions, each tested on both sides —
// the question stays a question, and the nearest real danger (or disclosure) with the same words keeps
// its alarm. Measured on a fresh set (test/fixtures/triage-own4.jsonl) and its aside; docs/triage.md.
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';
import { vetoed, WEAK_DANGER_VETO } from '../../src/triage/detect';
import type { RuleDecision } from '../../src/triage/classify';

const staysQuestion = (text: string) => expect(classifyTriage(text)).toMatchObject({ triage: 'question' });
const rulesQuestion = (text: string) => expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'question' });
const isDanger = (text: string) => expect(classifyTriage(text)).toMatchObject({ triage: 'danger' });
const isAlarm = (text: string) => expect(classifyTriage(text).triage).not.toBe('question');

describe('a weak rule danger the classifier finds far-fetched is vetoed', () => {
  const danger = (evidence: string[], event = false): RuleDecision => ({
    outcome: { triage: 'danger', kind: 'abduction', voice: 'adult', lang: 'vi' },
    kinds: ['abduction'],
    by: 'rules',
    evidence,
    event,
  });

  it('only when every kind fired on a child named near the word, nothing says now, and P(danger) is tiny', () => {
    expect(vetoed(danger(['child']), WEAK_DANGER_VETO / 2)).toMatch(/vetoed/);
    expect(vetoed(danger(['child']), WEAK_DANGER_VETO)).toBeNull();
    expect(vetoed(danger(['child'], true), 0)).toBeNull();
    expect(vetoed(danger(['child', 'now']), 0)).toBeNull();
    for (const strong of ['now', 'now_far', 'phrase', 'cry', 'child_term']) expect(vetoed(danger([strong]), 0)).toBeNull();
    expect(vetoed({ ...danger(['child']), by: 'distress' }, 0)).toBeNull();
  });

  it.each([
    'Cuối tuần cả nhà đi hội chợ, có nên cho con đeo thẻ tên phòng khi bị lạc không?',
    'Làm sao kể cho con nghe về chuyện bắt cóc mà con không bị ám ảnh?',
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'con tôi bị lạc ở chợ từ trưa, tìm mãi không thấy đâu',
    'bé nghịch bật lửa làm cháy tóc và mặt, có nên bôi kem đánh răng không',
    'con không về nhà, có nên chờ 24 giờ mới báo công an không',
  ])('"%s" stays danger', isDanger);
});

describe('a threat inside a hypothesis is imagined', () => {
  it.each([
    'nếu có kẻ đe dọa tung ảnh của con lên mạng thì bố mẹ nên báo ở đâu',
    'What should I do if someone threatens to share my son’s photos online?',
  ])('"%s" stays a question', rulesQuestion);

  it.each([
    'nếu em không gửi thêm ảnh thì nó dọa tung lên mạng',
    'nếu mai không chuyển tiền thì nó dọa tung clip của em lên nhóm lớp',
    'nó dọa nếu em báo ai thì nó gửi ảnh cho cả trường',
    'he threatens to post my photos if I don’t send more tonight',
  ])('"%s" stays danger', isDanger);
});

describe('a risk asked about is not an event told', () => {
  it.each([
    'Bé 1 tuổi tắm trong chậu lớn có dễ bị đuối nước không?',
    'trẻ ngủ gối ôm to có nguy cơ bị ngạt không các mẹ',
  ])('"%s" stays a question', rulesQuestion);

  it.each(['bé vừa bị đuối nước trong chậu, không thở', 'con dễ bị hóc lắm, giờ đang hóc kẹo, mặt tím tái'])('"%s" stays danger', isDanger);
});

describe('a parent telling of their own childhood', () => {
  it.each([
    'Hồi nhỏ tôi hay bị bố đánh bằng roi, giờ làm bố rồi tôi không muốn đánh con. Có lớp học nào về kỷ luật tích cực không?',
    'My dad used to hit me with a belt. Now I have kids of my own and I lose my temper. How do I stop?',
  ])('"%s" stays a question', rulesQuestion);

  it.each(['hồi nhỏ em hay bị bố đánh, giờ em lớp 9 bố vẫn đánh em suốt', 'my dad used to hit me and he still does, I am 13'])(
    '"%s" stays an alarm',
    isAlarm,
  );
});

describe('asking whether something is allowed or worrying', () => {
  it.each([
    'Ở vùng cao nhiều nơi vẫn tảo hôn, con gái 14 tuổi đã lấy chồng, pháp luật có cấm không?',
    'Con trai chơi game cứ hét "chém nó đi", "giết nó", có đáng lo không?',
  ])('"%s" stays a question', rulesQuestion);

  it.each(['bố mẹ ép em lấy chồng năm nay, em mới 15 tuổi, em không muốn', 'my stepdad hits me every night, is that legal?'])(
    '"%s" stays an alarm',
    isAlarm,
  );
});

describe('English "just" says now only of the verb next to it, and a danger denied is not told', () => {
  it.each([
    'My son just joined a football club and I keep reading about coaches who beat kids. What should I ask the club?',
    'my dad shouts when he is tired but he has never hit us, it just scares me a bit. how do I tell him?',
  ])('"%s" stays a question', rulesQuestion);

  it.each(['my toddler just swallowed a button battery', 'someone just threatened to post my nudes unless I pay', 'my dad just hit my little sister with a belt'])(
    '"%s" stays danger',
    isDanger,
  );
});

describe('a trend, or whether a rumour is true, is not an event', () => {
  it.each([
    'Số vụ trẻ vị thành niên tự tử dạo này có đang tăng không ạ?',
    'Nghe đồn có kẻ bắt cóc trẻ bằng kẹo có thuốc mê ở chợ, có thật không?',
    'Is it true that kidnappers mark houses with stickers to find kids?',
  ])('"%s" stays a question', rulesQuestion);

  it.each([
    'em đang muốn tự tử, em đã viết thư rồi',
    'con tôi vừa bị bắt cóc ở cổng trường, có thật không trời ơi, tôi phải làm sao',
    'is it true? my son was just kidnapped at the mall, someone took him',
  ])('"%s" stays danger', isDanger);
});

describe('a question about children in general, never with the doubt of a panic', () => {
  it.each([
    'Vì sao trẻ nhỏ bị đuối nước thường không vùng vẫy được?',
    'tre bi ngo doc khi gas thuong co trieu chung gi?',
    'How long can a child survive in a locked car in summer?',
  ])('"%s" stays a question', rulesQuestion);

  it.each([
    'Trẻ bị bỏng nặng cả người do đổ nồi lẩu, da phồng rộp, phải làm gì?',
    'Có đứa trẻ đang chới với giữa hồ, không ai biết bơi, gọi ai?',
    'a kid is drowning in the river near the bridge, what do I do?',
    'Học sinh lớp 5 bị điện giật ngã ra sân trường, không thở, làm sao đây?',
  ])('"%s" stays danger', isDanger);
});
