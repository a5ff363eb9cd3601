// Vietnamese lunar dates → solar dates, through @dqcai/vn-lunar (Hồ Ngọc Đức's algorithm for UTC+7).
// Chosen over lunar-javascript / lunar-typescript (Chinese calendar, UTC+8: Tết 2030 comes out as
// 3 Feb instead of Vietnam's 2 Feb) and over amlich (same algorithm, but a 2013 CommonJS 0.0.2
// without types). vn-lunar agrees with amlich(timeZone 7) on every day from 2026 to 2035.
import { getSolarDate } from '@dqcai/vn-lunar';
import { ymd, type Ymd } from './dates';

const cache = new Map<string, Ymd>();

/** The solar date of lunar `day`/`month` in the lunar year numbered `year` (Vietnamese calendar). */
export function lunarToSolar(year: number, month: number, day: number, leap = false): Ymd {
  const key = `${year}-${month}-${day}-${leap ? 1 : 0}`;
  let hit = cache.get(key);
  if (!hit) {
    const s = getSolarDate(day, month, year, leap);
    if (!s || !s.year || !s.month || !s.day) throw new Error(`no solar date for lunar ${day}/${month}/${year}`);
    hit = ymd(s.year, s.month, s.day);
    cache.set(key, hit);
  }
  return hit;
}
