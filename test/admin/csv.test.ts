// The statistics CSV opened in a spreadsheet: a cell that starts like a formula is shown as text.
import { describe, expect, it } from 'vitest';
import { csvField } from '../../src/admin/stats';

describe('statistics CSV cells', () => {
  it('neutralise text starting with = + - @, tab or carriage return', () => {
    expect(csvField('=HYPERLINK("http://evil","x")')).toBe(`"'=HYPERLINK(""http://evil"",""x"")"`);
    expect(csvField('+84 912')).toBe("'+84 912");
    expect(csvField('-1+1')).toBe("'-1+1");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
  });
  it('leave ordinary cells and numbers alone', () => {
    expect(csvField('Phường Ba Đình')).toBe('Phường Ba Đình');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('2026-11-25T03:00:00.000Z')).toBe('2026-11-25T03:00:00.000Z');
    expect(csvField(null)).toBe('');
  });
});
