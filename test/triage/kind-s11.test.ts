// Session 11 (kind11): when two kinds' words occur, the circumstance told names the first aid
// (content/triage.yaml `kind_context`, src/triage/kind.ts `inContext`). A fall into water with a
// child not breathing is a drowning; an electric shock is cut-the-power first; a thing stuck in the
// throat is back blows before "don't induce vomiting"; a beating going on is 113 first, a wound left
// after the attacker is gone 115 first. None of it changes whether a message is a danger.
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly, explainTriage } from '../../src/triage';
import { inContext } from '../../src/triage/kind';

const kindOf = (q: string) => {
  const o = classifyTriage(q);
  expect(o.triage).toBe('danger');
  return o.kind;
};

describe('which evidence names the danger kind (session 11)', () => {
  it('a fall into water, then not breathing or blue, is a drowning: CPR first, whatever else is said', () => {
    expect(kindOf('thằng bé chạy xe đạp lao xuống kênh, đập đầu vào thành kênh, vừa vớt lên, không thở')).toBe('drowning');
    expect(kindOf('my son hit his head on the diving board and went under, they pulled him out of the pool and he is blue')).toBe('drowning');
    expect(kindOf('bé lên cơn co giật trong bồn tắm rồi chìm xuống, bế lên thì mềm oặt không thở')).toBe('drowning');
    expect(kindOf('tụi con đi tắm sông, thằng Tí bị nước cuốn, giờ không thấy ngoi lên')).toBe('drowning');
  });

  it('an electric shock is the burn reply (cut the power before touching), even when the child collapsed', () => {
    expect(kindOf('con tôi vừa bị điện giật ở ổ cắm, ngã ra sàn, nằm bất động')).toBe('burn');
    expect(kindOf('my daughter touched a live wire at the building site and is unconscious')).toBe('burn');
  });

  it('a solid thing in the mouth and the airway blocked is choking, not poisoning', () => {
    expect(kindOf('bé vừa nuốt đồng xu, giờ ôm cổ, không nói được, môi tím')).toBe('choking');
    expect(kindOf('my toddler swallowed a marble and now he cannot breathe, turning blue')).toBe('choking');
  });

  it('a battery, a magnet, a chemical or too many pills swallowed stays poisoning ("do not induce vomiting")', () => {
    expect(kindOf('bé vừa nuốt nam châm trong đồ chơi, giờ nôn mấy lần')).toBe('poisoning');
    expect(kindOf('my son ate a whole bottle of chewable vitamins and he keeps vomiting')).toBe('poisoning');
    expect(kindOf('con uống nhầm nước tẩy bồn cầu, giờ khó thở')).toBe('poisoning');
  });

  it('someone hitting the child right now is violence (113 first), even with blood; the attacker gone and the wound left is injury (115 first)', () => {
    expect(kindOf('ông ta đang đập đầu thằng bé vào cửa, máu chảy ròng ròng')).toBe('violence');
    expect(kindOf('my uncle is kicking my little brother and his nose is bleeding')).toBe('violence');
    expect(kindOf('bố nó vừa đánh nó bằng ghế rồi bỏ đi, giờ bé chảy máu đầu, lơ mơ')).toBe('injury');
  });

  it('a threat to post pictures is sextortion, even next to other threats', () => {
    expect(kindOf('he says he will hurt himself and leak my photos unless i send another video tonight')).toBe('sextortion');
  });

  it('sold or taken over a border is trafficking, not a missing child', () => {
    expect(kindOf('cháu tôi bị bắt cóc, vừa gọi về nói đang bị đưa qua biên giới để bán')).toBe('trafficking');
  });

  it('swelling or wheezing after a sting or a food is a sudden illness, not a thing stuck in the throat', () => {
    expect(kindOf('my daughter ate peanut butter and her lips are swelling, she is wheezing')).toBe('medical');
  });

  it('a goodbye message is suicide talk, not a missing child', () => {
    expect(kindOf('con bé để lại thư xin lỗi bố mẹ rồi đi đâu mất, gọi không nghe máy')).toBe('suicide');
  });

  it('a ransom demand or a stranger holding the child is an abduction (113, do not pay), not a beating or a child alone', () => {
    expect(kindOf('có người gọi điện bảo đang giữ con tôi, đòi 300 triệu tiền chuộc, không được báo công an')).toBe('abduction');
    expect(kindOf('em đang bị người lạ nhốt trong một căn phòng, em không biết đây là đâu')).toBe('abduction');
  });

  it('a small child left alone or shut in a car boot is the alone reply; a hurt child alone keeps the injury reply', () => {
    expect(kindOf('thằng bé trốn trong cốp xe rồi bị sập nắp, giờ không mở ra được, nó đang khóc')).toBe('alone');
    expect(kindOf('con tôi 12 tuổi ngã cầu thang, chân gãy, chảy máu nhiều, ở nhà một mình')).toBe('injury');
  });

  it('a circumstance of the kind already chosen keeps it: a beating going on stays violence though the child is alone', () => {
    expect(kindOf('bố mẹ đi vắng, em ở nhà một mình, anh họ say rượu đang đánh em bằng gậy')).toBe('violence');
  });

  it('a danger mentioned only in the background does not name the kind', () => {
    // Last year's near-drowning is background; now the child is being beaten.
    expect(kindOf('năm ngoái bé suýt đuối nước ở ao. Giờ ông bố đang đánh bé bằng gậy, bé nằm im không nhúc nhích')).not.toBe('drowning');
  });

  it('the rules alone (no classifier) use the circumstances too, and a question stays a question', () => {
    expect(classifyTriageRulesOnly('con tôi vừa bị điện giật, nằm bất tỉnh').kind).toBe('burn');
    expect(classifyTriage('cách dạy con không nghịch ổ điện để khỏi bị điện giật').triage).toBe('question');
  });

  it('explains when the circumstance chose the kind', () => {
    expect(explainTriage('bé ngã xuống giếng, vừa kéo lên khỏi giếng, không thở, bị đập đầu chảy máu').why).toMatch(/context/);
  });

  it('a circumstance only replaces the kinds it lists, and the first that concerns the kind decides', () => {
    const ctx = [{ kind: 'drowning' as const, over: ['injury' as const], why: 'water' }];
    expect(inContext('injury', ctx)).toBe('drowning');
    expect(inContext('violence', ctx)).toBe('violence');
    expect(inContext('injury', undefined)).toBe('injury');
    const kept = [
      { kind: 'violence' as const, over: ['injury' as const], why: 'hitting now' },
      { kind: 'alone' as const, over: ['violence' as const], why: 'alone' },
    ];
    expect(inContext('violence', kept)).toBe('violence');
    expect(inContext('injury', kept)).toBe('violence');
  });
});
