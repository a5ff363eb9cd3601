// Session 11 (fa11): the shape of the whole message against false alarms on questions never seen.
// Each mechanism is tested on both sides — the framed or general question is a question, and the
// nearest real danger (or disclosure) in the same words keeps its alarm. Measured on a fresh set
// (test/fixtures/triage-own6.jsonl) and its aside; docs/triage.md, "Session 11: false alarms (fa11)".
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';
import { SHAPE_VETO, shapeVetoed } from '../../src/triage/detect';
import type { RuleDecision } from '../../src/triage/classify';
import { messageShape } from '../../src/triage/shape';

const staysQuestion = (text: string) => expect(classifyTriage(text)).toMatchObject({ triage: 'question' });
const rulesAlarm = (text: string) => expect(classifyTriageRulesOnly(text).triage).not.toBe('question');
const isDanger = (text: string) => expect(classifyTriage(text)).toMatchObject({ triage: 'danger' });
const isAlarm = (text: string) => expect(classifyTriage(text).triage).not.toBe('question');

describe('the shape of a message', () => {
  it('reads whether it is asked, says now, names a child of the writer, or is framed or general', () => {
    expect(messageShape('Vì sao trẻ nhỏ dễ bị ngộ độc thuốc hạ sốt?')).toMatchObject({ ask: true, general: true, mine: false, now: false });
    expect(messageShape('Con tôi vừa rơi xuống ao, phải làm gì bây giờ')).toMatchObject({ mine: true, now: true });
    expect(messageShape('bài tập ngữ văn: kể về một lần bị bỏng, con viết thế nào?')).toMatchObject({ ask: true, frame: true, now: false });
    expect(messageShape('Two years ago my nephew got into my pills, he was okay')).toMatchObject({ past: true, mine: true });
  });

  it('a word typed with marks must be the listed word: "còn" is not "con", "đăng" is not "đang"', () => {
    expect(messageShape('còn mẹ thì sao').mine).toBe(false);
    expect(messageShape('bé đăng ảnh lên mạng').now).toBe(false);
    expect(messageShape('bé dang o ho boi').now).toBe(true);
    // "=nhỡ", "=từng": only with their marks ("nho" is "nhỏ", "tung" as in "tung ảnh")
    expect(messageShape('em voi 2 em nho o nha').ahead).toBe(false);
    expect(messageShape('nhỡ con bị lạc thì sao').ahead).toBe(true);
    expect(messageShape('no doa tung anh').past).toBe(false);
  });

  it('the English progressive says now; the writer as the child is "mine"', () => {
    expect(messageShape('a teenager is standing on the railing of the bridge, should I call?').now).toBe(true);
    expect(messageShape('is it normal? my mom locks me in the closet, she does it to me').mine).toBe(true);
  });
});

describe('a rule alarm in a framed or general question the classifier finds far-fetched is a question', () => {
  const alarm = (over: Partial<RuleDecision> = {}): RuleDecision => ({
    outcome: { triage: 'danger', kind: 'abduction', voice: 'adult', lang: 'vi' },
    kinds: ['abduction'],
    by: 'rules',
    evidence: ['child'],
    event: false,
    ...over,
  });
  const film = 'Con xem phim có cảnh bắt cóc, có nên cho con xem tiếp không?';

  it('only asked, framed or general, nothing saying now, no event, and P(alarm) below the threshold', () => {
    expect(shapeVetoed(alarm(), film, SHAPE_VETO / 2)).toMatch(/film, game/);
    expect(shapeVetoed(alarm(), film, SHAPE_VETO)).toBeNull();
    expect(shapeVetoed(alarm({ event: true }), film, 0)).toBeNull();
    expect(shapeVetoed(alarm({ by: 'distress' }), film, 0)).toBeNull();
    expect(shapeVetoed(alarm({ evidence: ['child', 'phrase'] }), film, 0)).toBeNull();
    expect(shapeVetoed(alarm(), 'Trẻ em bị bắt cóc thường bị đưa đi đâu?', 0)).toMatch(/children in general/);
    // not asked; a child of the writer's and no frame; a "now" anywhere
    expect(shapeVetoed(alarm(), 'Con xem phim có cảnh bắt cóc.', 0)).toBeNull();
    expect(shapeVetoed(alarm(), 'Con tôi bị bắt cóc thì làm sao?', 0)).toBeNull();
    expect(shapeVetoed(alarm(), 'Con đang xem phim thì bị bắt cóc, làm sao?', 0)).toBeNull();
    const disclosure = alarm({ outcome: { triage: 'disclosure', kind: 'violence', voice: 'adult', lang: 'vi' }, kinds: [], by: null, evidence: undefined });
    expect(shapeVetoed(disclosure, 'Phim có cảnh đánh trẻ em, con 10 tuổi xem được không?', 0)).toMatch(/film, game/);
  });

  it.each([
    'Xem phim Home Alone xong con đòi ở nhà một mình, có nên cho thử không?',
    'In Minecraft my son keeps kidnapping villagers, is that a normal game thing?',
  ])('"%s": the rules alarm, the whole message is a question', (text) => {
    rulesAlarm(text);
    staysQuestion(text);
  });

  it.each([
    'Con tôi vừa bị bắt cóc trước cổng trường, phải làm sao?',
    'bé nhà tôi đang xem phim thì bị hóc kẹo, mặt tím tái, làm sao?',
    'there is a child drowning in the river, who should we call?',
    'a kid is being beaten by two men at the bus stop, should we call the police?',
    'Trẻ bị bỏng nặng cả người do đổ nồi lẩu, da phồng rộp, phải làm gì?',
    'my son is playing a game online and a man is threatening to post his photos tonight unless he pays, what do we do?',
    'trong lúc chơi game con bị người lạ dọa tung ảnh nếu không gửi thêm, làm sao đây?',
    'bài tập chưa xong mà bố đang đánh em bằng gậy, em chảy máu rồi',
  ])('"%s" stays danger', isDanger);

  it.each([
    'con tôi bị thầy dạy thêm sờ vào người, có nên báo công an không?',
    'Xem phim xong con mới kể là chú hàng xóm hay sờ vào chỗ kín của con, tôi phải làm sao?',
    'bài văn cô giao tả gia đình mà em không viết nổi, vì ngày nào ba cũng đánh em với mẹ?',
  ])('"%s" keeps its alarm', isAlarm);
});
