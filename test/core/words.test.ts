// Plain words stand for slash commands, with or without diacritics, and nothing else is taken for one.
import { describe, expect, it } from 'vitest';
import { plainCommand } from '../../src/core/words';

describe('plain words', () => {
  it('reads "huỷ", "hủy", "huy" and "Huỷ." as cancel', () => {
    for (const w of ['huỷ', 'hủy', 'huy', 'Huỷ.', 'HUỶ BỎ', 'thôi']) expect(plainCommand(w)).toEqual({ name: 'huy', arg: '' });
  });
  it('reads "báo tin", "xem tình trạng BV-…", "menu", a bare reference', () => {
    expect(plainCommand('Báo tin')).toEqual({ name: 'baotin', arg: '' });
    expect(plainCommand('bao tin')).toEqual({ name: 'baotin', arg: '' });
    expect(plainCommand('xem tình trạng')).toEqual({ name: 'status', arg: '' });
    expect(plainCommand('xem tinh trang bv-7k3q9m')).toEqual({ name: 'status', arg: 'bv-7k3q9m' });
    expect(plainCommand('menu')).toEqual({ name: 'menu', arg: '' });
    expect(plainCommand('BV-7K3Q9M')).toEqual({ name: 'status', arg: 'BV-7K3Q9M' });
    expect(plainCommand('BV-7K3Q9M', { officer: true })).toEqual({ name: 'case', arg: 'BV-7K3Q9M' });
  });
  it('leaves questions and answers alone', () => {
    for (const w of ['tình trạng của con tôi rất tệ', 'báo tin cho ai khi con bị đánh', 'huy hiệu', 'đúng', 'không', '12 Quán Thánh']) {
      expect(plainCommand(w)).toBeNull();
    }
    expect(plainCommand('địa chỉ 12 Quán Thánh', { inStep: true })).toBeNull();
    expect(plainCommand('địa chỉ 12 Quán Thánh')).toEqual({ name: 'diachi', arg: '12 Quán Thánh' });
  });
  it('reads a greeting as the welcome and a thank-you as thanks, in the language they were said in, only outside a step', () => {
    for (const w of ['xin chào', 'Xin chao!', 'chào bạn', 'alo']) expect(plainCommand(w)).toEqual({ name: 'chao', arg: '' });
    expect(plainCommand('hello')).toEqual({ name: 'chao', arg: 'en' });
    for (const w of ['cảm ơn', 'cam on nhieu', 'ok', 'dạ']) expect(plainCommand(w)).toEqual({ name: 'camon', arg: '' });
    expect(plainCommand('Thank you!')).toEqual({ name: 'camon', arg: 'en' });
    // Inside a step "ok" or "dạ" may be the answer; a greeting with a question is a question.
    expect(plainCommand('ok', { inStep: true })).toBeNull();
    expect(plainCommand('chào bạn, con tôi bị ngã')).toBeNull();
  });
});
