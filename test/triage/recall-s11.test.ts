// Session 11 (recall11): the voices held-out misses come in — Central and Southern words for "now"
// ("hôm ni", "chừ", "nãy giờ"), teen-code for the words a danger turns on ("dg" đang, "thg" thằng,
// "cíu" cứu), misspelt cries, "can't breathe" in chat word order, an English child who ate a
// handful of pills or never arrived at school, a threat to "post" pictures. Each group is tested on
// both sides with the rules alone: the danger is now danger, and a question with the same words
// stays a question. docs/triage.md, "Session 11: recall (recall11)".
import { describe, expect, it } from 'vitest';
import { classifyTriageRulesOnly } from '../../src/triage';

const staysQuestion = (text: string) => expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'question' });
const danger = (kind: string) => (text: string) => expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'danger', kind });

describe('regional and teen-code words for "now" and for the act', () => {
  it.each([
    'hôm ni dượng say, ổng đòi vô phòng con', // Central "hôm ni" (today)
  ])('"%s" is sexual abuse now', danger('sexual_abuse'));
  it.each([
    'thg em t dg bi bo danh bam tim', // "thg" thằng, "dg" đang
    'cíu e, bố e đg đánh mẹ',
  ])('"%s" is violence now', danger('violence'));
  it.each([
    'chừ con nít mấy tuổi thì cho đi xe đạp ra đường được',
    'hôm ni cháu nó ho nhẹ, chiều có đi học được không',
    'bữa nay con tui bị té xe đạp trầy đầu gối xíu, bôi gì cho mau lành',
    'nãy giờ con bé cứ khóc đòi mẹ, dỗ hoài không nín, có cách nào',
    'hồi sáng thằng nhỏ bị ong đốt một cái ở tay, giờ hết sưng rồi, có cần đi khám không',
  ])('"%s" stays a question', staysQuestion);
});

describe('misspelt cries and "can\'t breathe" in chat word order', () => {
  it.each(['hép mi', 'hellp'])('"%s" is a cry for help', danger('unspecified'));
  it('"con thở không nổi, môi tái rồi" is a sudden illness now', () => danger('medical')('con thở không nổi, môi tái rồi'));
  it.each([
    'that was helpful, thanks',
    'leo cầu thang mà tôi thở không nổi, có phải thiếu máu không',
  ])('"%s" stays a question', staysQuestion);
});

describe('English: a handful of pills, a child who never arrived or disappeared minutes ago', () => {
  it('"my son ate a handful of grandma\'s pills" is poisoning', () => danger('poisoning')("my son ate a handful of grandma's pills"));
  it.each([
    'my daughter never arrived at school and her phone is off',
    'our son disappeared from the playground ten minutes ago',
  ])('"%s" is a missing child', danger('abduction'));
  it.each([
    'my son takes iron tablets daily, how many is safe',
    'how many vitamins can a 5 year old have a day',
    'the parcel never arrived, how do I complain',
    'the magician made the coin disappear and my son cried',
  ])('"%s" stays a question', staysQuestion);
});

describe('a burn from sitting on a stove, a threat to "post" pictures', () => {
  it('"bé té lên bếp lò, tay đỏ phồng lên" is a burn', () => danger('burn')('bé té lên bếp lò, tay đỏ phồng lên'));
  it('"thằng đó dọa post hình của em lên nhóm lớp" is sextortion', () => danger('sextortion')('thằng đó dọa post hình của em lên nhóm lớp'));
  it.each([
    'bếp lò than để trong nhà có nguy hiểm không',
    'con gái hay post hình lên facebook, có nên cấm không',
  ])('"%s" stays a question', staysQuestion);
});

describe('disclosures in words the lists lacked: a cane\'s weals, a doctor refused, a child made to sell weed', () => {
  const disclosure = (kind: string) => (text: string) =>
    expect(classifyTriageRulesOnly(text)).toMatchObject({ triage: 'disclosure', kind });
  it('"thằng nhỏ nhà bên chân đầy lằn roi, nó nói bị ba quất" is violence', () =>
    disclosure('violence')('thằng nhỏ nhà bên chân đầy lằn roi, nó nói bị ba quất'));
  it.each([
    'con bé bị sốt mấy ngày mà ba nó không chịu đưa đi bác sĩ',
    'my nephew has had a rash for a month and his dad never takes him to the doctor',
  ])('"%s" is neglect', disclosure('neglect'));
  it('"my neighbour\'s son is 12 and they make him sell weed" is a disclosure (other)', () =>
    disclosure('other')("my neighbour's son is 12 and they make him sell weed"));
  it.each([
    'vết lằn đỏ trên da bé sau khi mặc quần chật có sao không',
    'con sốt nhẹ, có cần đưa đi bác sĩ không',
    "my son won't take his medicine, how do I make him",
    'is it legal to sell vapes to teenagers',
  ])('"%s" stays a question', staysQuestion);
});
