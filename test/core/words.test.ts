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
});
