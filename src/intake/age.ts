// The child's age band: from a button payload or a typed answer such as "7", "7 tuổi", "3 tháng".
import { fold } from '../knowledge/text';

export const AGE_BANDS = ['0-5', '6-10', '11-15', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

export function isAgeBand(v: string): v is AgeBand {
  return (AGE_BANDS as readonly string[]).includes(v);
}

/** A band, 'too-old' for 16 and over (the Children Law covers under-16s), or null when unreadable. */
export function parseAge(text: string): AgeBand | 'too-old' | null {
  const t = fold(text).trim();
  if (/^(khong ro|khong biet|chua ro|khong chac|unknown|not sure|\?)$/.test(t)) return 'unknown';
  const m = /(\d{1,3})\s*(thang|month)?/.exec(t);
  if (!m) return null;
  const n = Number(m[1]);
  if (m[2]) return n < 72 ? '0-5' : n < 132 ? '6-10' : n < 192 ? '11-15' : 'too-old';
  if (n <= 5) return '0-5';
  if (n <= 10) return '6-10';
  if (n <= 15) return '11-15';
  return 'too-old';
}
