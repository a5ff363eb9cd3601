// Emergency triage on the real phrase lists in content/triage.yaml: every emergency is caught,
// and ordinary questions about frightening topics are not mistaken for one.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { triageSchema } from '../../src/knowledge/schema';
import { createDetector } from '../../src/triage/detect';

const rules = triageSchema.parse(parse(readFileSync(new URL('../../content/triage.yaml', import.meta.url), 'utf8')));
const detector = createDetector(rules);

const emergencies: Array<[string, string]> = [
  ['bo no dang danh con toi', 'violence_now'],
  ['Chú nó đang cầm dao dọa chém cháu', 'violence_now'],
  ['my neighbour is beating his son right now', 'violence_now'],
  ['ai do vua bat coc con toi', 'abduction'],
  ['Con tôi bị bắt cóc rồi, họ đòi tiền chuộc', 'abduction'],
  ['my daughter was kidnapped', 'abduction'],
  ['con gai toi bi hiep dam', 'sexual_assault'],
  ['Cháu tôi vừa bị thằng hàng xóm xâm hại', 'sexual_assault'],
  ['my son was raped', 'sexual_assault'],
  ['con toi di hoc chua ve, khong tim thay con dau', 'missing_now'],
  ['Bé nhà tôi mất tích từ chiều qua', 'missing_now'],
  ['my child is missing', 'missing_now'],
  ['con gai toi noi khong muon song nua', 'suicide'],
  ['Con tôi đang định uống thuốc ngủ tự tử', 'suicide'],
  ['my daughter wants to kill herself', 'suicide'],
  ['be nga cau thang bat tinh roi', 'severe_injury'],
  ['Con bị bỏng nặng, chảy nhiều máu', 'severe_injury'],
  ['my toddler is not breathing', 'severe_injury'],
  ['be dang chim duoi ao', 'drowning_now'],
  ['con tôi vừa bị đuối nước', 'drowning_now'],
  ['cuu voi', 'danger_now'],
];

const ordinary = [
  'lam sao day con phong tranh xam hai',
  'dau hieu tre bi danh',
  'Dấu hiệu trẻ bị xâm hại tình dục là gì?',
  'phong chong bat coc tre em the nao',
  'nếu con bị bắt cóc thì con nên làm gì',
  'day con lam gi khi bi lac',
  'cach so cuu tre bi duoi nuoc',
  'dau hieu tre co y dinh tu tu',
  'làm sao biết con đang bị bắt nạt ở trường',
  'con dang hoc lop 5 hay bi ban trong lop trêu',
  'con bi bat nat o truong',
  'có nên đăng ảnh con lên facebook không',
  'tong dai tu van tre em so may',
  'bao tin an danh duoc khong',
  'phat hien con tu rach tay thi nen noi gi',
  'tre bi hiep dam co can uong thuoc phong hiv',
  'how do I know if my child is being abused',
  'how to prevent drowning',
  'con toi khong muon di hoc',
  'danh gia muc do nguy hiem cua vu viec the nao',
];

describe('emergency triage', () => {
  it.each(emergencies)('"%s" is an emergency (%s)', (text, kind) => {
    expect(detector.detect(text)).toEqual({ emergency: true, kind });
  });

  it.each(ordinary)('"%s" is an ordinary question', (text) => {
    expect(detector.detect(text)).toEqual({ emergency: false, kind: null });
  });

  it('a cry for help overrides general wording', () => {
    expect(detector.detect('Cứu với! Làm sao bây giờ, con tôi bị bố nó đánh').emergency).toBe(true);
  });

  it('typed with diacritics, a word must match as written ("đăng ảnh" is not "đang")', () => {
    expect(detector.detect('đăng ảnh con bị đánh lên mạng có sao không').emergency).toBe(false);
  });

  it('names the guides an emergency kind points to', () => {
    expect(detector.topicsFor('missing_now')[0]).toBe('tre-di-lac-mat-tich');
  });
});
