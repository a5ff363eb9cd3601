// Session 9: general look-alikes where the triage rules raised false alarms on fresh hard questions
// (test/fixtures/triage-own3.jsonl). Each pattern is tested on both sides: the question stays a question
// (the rules alone), and the nearest real danger keeps firing (rules + classifier, what the bot runs).
// docs/triage-train-s9.md.
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';

const staysQuestion = (text: string) => expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'question' });
const isDanger = (text: string) => expect(classifyTriage(text)).toMatchObject({ triage: 'danger' });
const isAlarm = (text: string) => expect(classifyTriage(text).triage).not.toBe('question');

describe('look-alikes: a toy, poison control, car sickness, a blocked nose', () => {
  it.each([
    'my son drowned his toy car in the toilet again, how do I get it out',
    'what is the number for poison control in Vietnam? I want to save it',
    'my daughter gets carsick and vomits on every long trip, any tips',
    'be nha minh say xe va non moi lan ve que, co thuoc nao cho tre khong',
    'con minh bi ngat mui 3 ngay nay, co can khang sinh khong',
    'my toddler swallowed a little pool water during his swimming lesson, is that ok?',
    'my son drank a little bit of water from the pool at his lesson, is that ok?',
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'my son is drowning in the pool, he went under and is not coming up',
    'called poison control, my son just drank bleach and is vomiting',
    'my daughter hit her head on the stairs and keeps vomiting, she is very sleepy',
    'con bi ngat, goi khong tinh, moi tim',
    'my toddler drank bleach from a cup, he is drooling and crying',
  ])('"%s" stays danger', isDanger);
});

describe('similes and sibling play are not a beating', () => {
  it.each([
    'the kids are fighting over the tablet, they scream like someone is being murdered, how do I stop it',
    'hai anh em chơi vật nhau, la hét như bị đánh, có nên can không',
    'my kids play cops and robbers in the garden all afternoon, how do I keep them from hitting too hard',
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'my neighbour is beating his kid right now, the child is screaming',
    'bố đang đánh em, em đang trốn trong nhà tắm',
  ])('"%s" stays danger', isDanger);
});

describe('a dream, a video, a word to explain, a child afraid to sleep alone', () => {
  it.each([
    'my son had a bad dream that a man kidnapped him and now he is scared to sleep alone',
    'em xem một video trên mạng nói về bắt cóc trẻ em, có thật không ạ',
    'what does grooming mean? my son asked after a school talk',
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'someone kidnapped my daughter outside her school, she is missing now',
    'có người vừa bắt cóc con tôi ở cổng trường',
    'my 3 year old has been left alone at home since this morning, crying at the window',
  ])('"%s" stays danger', isDanger);
  it('grooming told of one child is still an alarm', () => isAlarm('a man online is grooming my son, he sends him money and asked to meet him'));
});

describe('over and fine: a burn with no blister, a nip that left a red mark, "có ảnh hưởng"', () => {
  it.each([
    'my daughter burned her finger a little on the iron, it is red but no blister, what should I put on it',
    "the neighbour's puppy nipped my son while playing, just a red mark, is rabies a risk",
    'chong toi hay doa danh con cho con so nhung chua bao gio danh, vay co anh huong gi khong',
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'my daughter pulled boiling water onto her arm, huge blisters, she is screaming',
    'a dog bit my son on the face, blood everywhere',
    'co nguoi doa tung anh nong cua em len mang neu em khong chuyen tien toi nay',
  ])('"%s" stays danger', isDanger);
});

describe('a deadline with pictures, a child taken without permission (session 9 recall)', () => {
  it.each([
    'a guy wants $300 in gift cards in the next hour or he sends them to my family, i am 16',
    'my ex took our daughter from daycare without permission and switched off his phone',
  ])('"%s" is danger', isDanger);

  it.each([
    'can I post photos of the school play to the class group, or send them to my family instead?',
    'my ex took our son to the zoo on his weekend, how do I ask him to send photos?',
  ])('"%s" stays a question', staysQuestion);
});

describe('"never see her again", no grown-up to reach, CPR going on (session 9 recall)', () => {
  it.each([
    "my ex took our daughter from daycare without permission, he said i'll never see her again",
    'em 7 tuổi ở nhà một mình, mất điện, mẹ không nghe máy, em sợ lắm',
    'bé bị đuối nước ở suối, cô giáo đang hô hấp nhân tạo, tôi đang chạy tới',
    'cô giáo vừa gọi báo cháu bị đuối ở suối, đang ép tim cho cháu',
  ])('"%s" is danger', isDanger);

  it.each([
    "I'm moving abroad and worry I'll never see my nephew again, how do we keep in touch?",
    'bé 10 tuổi ở nhà một mình lúc mất điện thì nên dạy con làm gì',
    'hô hấp nhân tạo cho trẻ bị đuối nước làm thế nào',
    "I'm doing a CPR course for babysitters next week, what should I expect?",
    'con gái mình hơi yếu đuối, hay khóc khi bị bạn trêu, làm sao giúp con mạnh mẽ hơn',
    'con học bơi 30 phút là bị đuối sức, có nên cho học tiếp không',
  ])('"%s" stays a question', staysQuestion);
});

describe('"it helps him" is no cry, a bruise from bumping the table, a wish in a diary', () => {
  it.each([
    'My son follows a YouTuber who talks about self-harm recovery. He says it helps him understand his friends. Should I worry?',
    'My 3-year-old has a bruise on her shin from bumping the table. How do I tell normal bruises from signs of abuse?',
    'bé bị bầm ở chân do va vào cạnh bàn, có cần bôi gì không',
    'Con gái tôi viết trong nhật ký "giá mà mình biến mất", cháu vẫn đi học vui vẻ, tôi nên nói chuyện với con thế nào',
  ])('"%s" stays a question', staysQuestion);

  it.each([
    'help, my son is cutting himself right now and won\'t stop',
    'my 4 year old is covered in bruises, her stepfather is beating her right now, help',
    'con gái tôi 6 tuổi biến mất ở chợ từ 2 tiếng trước',
  ])('"%s" stays danger', isDanger);
  it('bruises told of a grown-up hitting the child are still an alarm', () => isAlarm('my daughter has bruises on her arms, she says her stepfather hits her when I am at work'));
});
