// The small readers behind the intake: phone numbers, ages and case references as people type them.
import { describe, expect, it } from 'vitest';
import { parseAge } from '../../src/intake/age';
import { normalizeVietnamesePhone } from '../../src/intake/phone';
import { newCaseRef, parseCaseRef } from '../../src/cases/ref';

describe('Vietnamese phone numbers', () => {
  it.each([
    ['0912345678', '0912345678'],
    ['0912 345 678', '0912345678'],
    ['+84 912 345 678', '0912345678'],
    ['84-389-123-456', '0389123456'],
    ['(024) 3826 1234', '02438261234'],
    ['0702.123.456', '0702123456'],
  ])('accepts %s', (input, expected) => expect(normalizeVietnamesePhone(input)).toBe(expected));

  it.each(['12345', '0112345678', '091234567', '09123456789', '0612345678', 'không có', '+1 202 555 0100'])('rejects %s', (input) =>
    expect(normalizeVietnamesePhone(input)).toBeNull(),
  );
});

describe('child age', () => {
  it.each([
    ['7', '6-10'],
    ['7 tuoi', '6-10'],
    ['khoảng 4 tuổi', '0-5'],
    ['18 tháng', '0-5'],
    ['15', '11-15'],
    ['không rõ', 'unknown'],
    ['16', 'too-old'],
    ['bé lắm', null],
  ])('reads %s as %s', (input, band) => expect(parseAge(input)).toBe(band));
});

describe('case references', () => {
  it('are BV- and six characters that cannot be misread', () => {
    for (let i = 0; i < 200; i++) expect(newCaseRef()).toMatch(/^BV-[2-9A-HJKMNP-TW-Z]{6}$/);
  });
  it('are read the way people type them', () => {
    expect(parseCaseRef('bv-7k3q9m')).toBe('BV-7K3Q9M');
    expect(parseCaseRef('BV 7K3Q9M')).toBe('BV-7K3Q9M');
    expect(parseCaseRef('BV-7K3Q9O')).toBeNull(); // O is not in the alphabet
    expect(parseCaseRef('hello')).toBeNull();
  });
});
