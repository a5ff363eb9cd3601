// Abuse that happened or keeps happening, told by a parent, a neighbour or the child, is a
// disclosure: not "danger now", and not a question to answer with a prevention leaflet.
import { describe, expect, it } from 'vitest';
import { classifyTriage, classifyTriageRulesOnly } from '../../src/triage';

describe('a disclosure of abuse', () => {
  it('a mother tells that a relative keeps touching her 5-year-old', () => {
    expect(classifyTriage('người họ hàng cứ hay sờ vào vùng kín con gái 5 tuổi nhà tôi')).toMatchObject({
      triage: 'disclosure',
      kind: 'sexual_abuse',
      voice: 'adult',
    });
  });

  it('a teenager tells of abuse years ago: a disclosure, even with "giờ" and "rồi" in it', () => {
    expect(classifyTriage('hồi lớp 3 em bị ông hàng xóm xâm hại, giờ em lớp 8 rồi mà vẫn sợ')).toMatchObject({
      triage: 'disclosure',
      kind: 'sexual_abuse',
      voice: 'child',
    });
  });

  it('a neighbour tells of a child beaten again and again', () => {
    expect(classifyTriage('nhà đối diện ngày nào cũng đánh thằng bé, người nó đầy vết bầm')).toMatchObject({
      triage: 'disclosure',
      kind: 'violence',
    });
  });

  it('a neighbour who hears the beating every night tells of a repeat: a disclosure, though "nghe tiếng" alone would say now', () => {
    expect(classifyTriage('đêm nào tôi cũng nghe tiếng con bé nhà bên bị mẹ nó đánh, khóc thét')).toMatchObject({
      triage: 'disclosure',
      kind: 'violence',
    });
    // Heard now, or a firm "đang" after the repeat, is still danger.
    expect(classifyTriage('nhà bên đang đánh con bé, tôi nghe tiếng khóc thét')).toMatchObject({ triage: 'danger', kind: 'violence' });
    expect(classifyTriage('bé nhà bên hay bị bố đánh, giờ đang nghe tiếng khóc thét')).toMatchObject({ triage: 'danger', kind: 'violence' });
  });

  it('"vừa gọi điện báo", "sáng nay… tâm sự": the time of the telling is not a danger cue, so a repeat told today is a disclosure', () => {
    expect(classifyTriage('cô chủ nhiệm vừa gọi điện báo bé kể bị chú bảo vệ sờ vào chỗ kín nhiều lần')).toMatchObject({
      triage: 'disclosure',
      kind: 'sexual_abuse',
    });
    expect(classifyTriage('sáng nay cháu tâm sự là bố dượng hay đánh cháu bằng thắt lưng')).toMatchObject({ triage: 'disclosure', kind: 'violence' });
    // Said of the act itself, "vừa" is still danger now.
    expect(classifyTriage('chú bảo vệ vừa sờ vào chỗ kín bé, bé đang khóc')).toMatchObject({ triage: 'danger', kind: 'sexual_abuse' });
  });

  it('abuse told as over or since then ("hôm nọ", "từ năm 11 tuổi", "lúc em 9 tuổi") is a disclosure, not danger now', () => {
    expect(classifyTriageRulesOnly('bé kể bố dượng hay lấy thắt lưng quất, hôm nọ chảy máu mũi')).toMatchObject({ triage: 'disclosure', kind: 'violence' });
    expect(classifyTriageRulesOnly('em bị chú ruột xâm hại từ năm 11 tuổi, giờ em 15 rồi')).toMatchObject({ triage: 'disclosure', kind: 'sexual_abuse' });
    expect(classifyTriageRulesOnly('lúc em 9 tuổi ông hàng xóm sờ soạng em, em chưa kể với ai')).toMatchObject({ triage: 'disclosure', kind: 'sexual_abuse' });
  });

  it('"đang" in a clause of when it keeps happening ("hay… lúc cháu đang ngủ") does not make a repeat danger now', () => {
    expect(classifyTriageRulesOnly('con kể dượng hay vào phòng sờ soạng lúc con đang ngủ')).toMatchObject({ triage: 'disclosure', kind: 'sexual_abuse' });
    expect(classifyTriageRulesOnly('dượng đang sờ soạng con bé trong phòng')).toMatchObject({ triage: 'danger', kind: 'sexual_abuse' });
  });

  it('a child tells, in teen-code, of being beaten at home', () => {
    expect(classifyTriage('ba tui hay lấy roi mây quất tui')).toMatchObject({ triage: 'disclosure', kind: 'violence', voice: 'child' });
  });

  it('in English, a disclosure is recognised too (never "out of scope")', () => {
    expect(classifyTriage('my daughter told me her swimming coach touches her')).toMatchObject({
      triage: 'disclosure',
      kind: 'sexual_abuse',
      lang: 'en',
    });
  });

  it('neglect, online grooming and child labour are disclosures of their own kind', () => {
    expect(classifyTriage('bố mẹ nó bỏ mặc mấy đứa nhỏ, tụi nhỏ phải đi xin ăn')).toMatchObject({ triage: 'disclosure', kind: 'neglect' });
    expect(classifyTriage('có người lạ trên facebook cứ nhắn tin gạ gẫm con gái tôi')).toMatchObject({ triage: 'disclosure', kind: 'online' });
    expect(classifyTriage('cháu 11 tuổi bị chủ bắt làm ở lò gạch, không được trả lương')).toMatchObject({ triage: 'disclosure', kind: 'labour' });
  });

  it('rape told by the child is danger, even when it keeps happening', () => {
    expect(classifyTriage('bố dượng hay ép em quan hệ khi mẹ đi làm')).toMatchObject({ triage: 'danger', kind: 'sexual_abuse' });
  });
});
