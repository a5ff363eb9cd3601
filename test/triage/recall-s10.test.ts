// Session 10 (recall10): words the rules had none for, so an abuse told indirectly got no alarm at
// all. Each group is tested on both sides: the rules alone now raise the telling (a disclosure, or
// danger for a child taken away or a fire with children inside), and a look-alike question stays a
// question (rules alone). docs/triage.md, "Session 10: recall (recall10)".
import { describe, expect, it } from 'vitest';
import { classifyTriageRulesOnly } from '../../src/triage';

const staysQuestion = (text: string) => expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'question' });
const disclosure = (kind: string) => (text: string) =>
  expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'disclosure', kind });
const danger = (kind: string) => (text: string) => expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'danger', kind });

describe('sexual abuse told in indirect words ("đụng chạm", "luồn tay", "makes me undress")', () => {
  it.each([
    'ông bác hay đụng chạm cháu gái tôi mỗi khi sang chơi',
    'em bị anh họ động chạm mấy lần rồi, em không dám kể',
    'chú hàng xóm hay luồn tay vào áo con bé khi bế nó',
    'the lodger makes her undress and says it is a game',
    'my niece says her stepfather watches her changing through the door',
    'con bé kể ông ấy hay làm chuyện người lớn với nó',
  ])('"%s" is a disclosure of sexual abuse', disclosure('sexual_abuse'));

  it.each([
    'làm sao dạy con biết đụng chạm nào là không an toàn',
    'con trai tôi hay đụng chạm bạn gái trong lớp, cô giáo phàn nàn',
    'my son wants to sleep in my bed every night, is that ok at 6',
    'bé 3 tuổi cứ bắt mẹ nằm chung mới chịu ngủ',
    'em bé mới sinh ngủ chung giường với bố mẹ có an toàn',
  ])('"%s" stays a question', staysQuestion);
});

describe('punishments the lists did not name (chilli, taped mouths, cold water, a child thrown at a wall)', () => {
  it.each([
    'cô bảo mẫu hay bắt mấy bé ăn ớt khi không ngủ trưa',
    'bà ấy lấy băng keo dán miệng thằng bé mỗi lần nó khóc',
    'dì em hay dội nước lạnh vào em giữa đêm',
    'his father throws him against the door when he is drunk',
  ])('"%s" is a disclosure of violence', disclosure('violence'));

  it.each([
    'bé nhà tôi hay tự ăn ớt, có sao không',
    'bé nhà tôi hay dội nước lên đầu em nó khi tắm chung, có sao không',
    'con hay giật tóc em bé, phải làm sao',
    'my daughter pinches her little brother when she is angry',
  ])('"%s" stays a question', staysQuestion);
});

describe('neglect, labour and other harm in everyday words', () => {
  it.each([
    ['thằng bé nhà bên đầy chấy, bố mẹ không ngó ngàng gì', 'neglect'],
    ['con bé hàng xóm ốm cả tuần mà mẹ nó không đưa đi khám', 'neglect'],
    ['mấy đứa nhỏ 11 tuổi bị thuê chạy bàn ở quán nhậu', 'labour'],
    ['thằng cháu 13 tuổi ăn ngủ tại xưởng gỗ, không được về', 'labour'],
    ['ông ta sai mấy đứa nhỏ trong xóm đi giao ma túy', 'other'],
    ['bố mẹ đuổi con bé ra khỏi nhà, nó mới 15 tuổi', 'other'],
  ])('"%s" is a disclosure (%s)', (text, kind) => disclosure(kind)(text));

  it.each([
    'con 15 tuổi đòi đi làm thêm chạy bàn dịp hè, có được không',
    'ma túy có tác hại gì với học sinh cấp 2',
    'Last year my son licked a laundry pod, we rang the hotline and he was fine. Which cupboard locks do you recommend?',
    'con chay nhanh qua bi vap nga trầy tay, boi gi',
  ])('"%s" stays a question', staysQuestion);
});

describe('a child taken away by someone who will not say where; children inside a fire', () => {
  it.each([
    'bố nó vừa giật con đi mất, không cho tôi biết đang ở đâu',
    'bà nội đón cháu đi đâu không rõ từ sáng, khóa máy',
  ])('"%s" is danger (abduction)', danger('abduction'));

  it.each(['fire in the flat below, smoke coming under our door, my two kids are with me', 'chung cư đầy khói, con tôi đang kẹt ở tầng 9'])(
    '"%s" is danger (burn)',
    danger('burn'),
  );

  it.each([
    'đón con đi học thêm lúc mấy giờ thì hợp lý',
    'we did a fire drill at school today and my son was scared of the smoke machine',
    'the kids want to watch fireworks tonight, is the smoke bad for them',
  ])('"%s" stays a question', staysQuestion);
});

describe('"quấy rối" (harassment) said of a real child', () => {
  it('a neighbour telling that a stepfather harasses a girl is a disclosure', () =>
    disclosure('sexual_abuse')('con bé lớp bên bị ông bác quấy rối mấy lần, nó mới kể với cô'));
  it.each(['quấy rối tình dục trẻ em bị phạt thế nào', 'làm sao dạy con phản ứng khi bị quấy rối trên xe buýt'])(
    '"%s" stays a question',
    staysQuestion,
  );
});
