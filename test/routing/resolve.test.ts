// A citizen writes the address as they know it; resolveCommune finds the one current commune, or
// offers candidates when the text supports several, and never guesses silently.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapIndexFromFiles } from '../../src/routing/map-records';
import type { MapIndex } from '../../src/routing/map-index';
import { resolveCommune } from '../../src/routing/resolve';

const MAP_DIR = fileURLToPath(new URL('../../content/map/', import.meta.url));
let index: MapIndex;
beforeAll(() => {
  index = mapIndexFromFiles(MAP_DIR);
});

const codeOf = (text: string): string | null => resolveCommune(text, index).commune?.code ?? null;
const candidateCodes = (text: string): string[] => resolveCommune(text, index).candidates.map((c) => c.code);

describe('current addresses', () => {
  it('finds a ward by its new name with its province', () => {
    const result = resolveCommune('Phường Ba Đình, Thành phố Hà Nội', index);
    expect(result.commune).toEqual({ code: '00004', name: 'Phường Ba Đình', province_code: '01', province_name: 'Thành phố Hà Nội' });
    expect(result.candidates).toEqual([result.commune]);
    expect(result.via).toBe('current');
  });

  it('reads text typed without diacritics, in any case', () => {
    expect(codeOf('phuong ba dinh, ha noi')).toBe('00004');
    expect(codeOf('XA BAN BO, TINH LAI CHAU')).toBe('03424');
  });

  it('understands the usual abbreviations', () => {
    expect(codeOf('P. Ba Đình, TP. Hà Nội')).toBe('00004');
    expect(codeOf('X.Bản Bo, Lai Châu')).toBe('03424');
    expect(codeOf('P.Bến Thành, TP.HCM')).toBe('26743');
  });

  it('ignores house numbers, streets and hamlets', () => {
    expect(codeOf('Số 12 đường Lê Lợi, phường Bến Thành, TP. Hồ Chí Minh')).toBe('26743');
    expect(codeOf('thôn 3, xã Bản Bo, Lai Châu')).toBe('03424');
    expect(codeOf('Hẻm 45/2 Trần Hưng Đạo, khu phố 4, P. Ba Đình, Hà Nội')).toBe('00004');
  });

  it('does not take a hamlet named like another commune for the commune', () => {
    // Xã Bản Bo is in Lai Châu; "Ấp Bình Lư" names a hamlet here, not Xã Bình Lư.
    expect(codeOf('Ấp Bình Lư, xã Bản Bo, Lai Châu')).toBe('03424');
  });

  it('reads English names too', () => {
    expect(codeOf('Ba Dinh Ward, Hanoi')).toBe('00004');
  });
});

describe('old (pre-2025) addresses', () => {
  it('routes a commune of the abolished Tam Đường district to its new commune', () => {
    const result = resolveCommune('Xã Nà Tăm, huyện Tam Đường, tỉnh Lai Châu', index);
    expect(result.commune?.code).toBe('03424'); // merged into Xã Bản Bo
    expect(result.via).toBe('old');
  });

  it('reads "Xã Tam Đường, huyện Tam Đường, Lai Châu" as the old town of Tam Đường', () => {
    expect(codeOf('Xã Tam Đường, huyện Tam Đường, Lai Châu')).toBe('03390'); // now Xã Bình Lư
    expect(codeOf('TT. Tam Đường, H. Tam Đường, Lai Châu')).toBe('03390');
    expect(codeOf('thi tran tam duong huyen tam duong lai chau')).toBe('03390');
  });

  it('follows the old city of Long Khánh and the old city of Lạng Sơn', () => {
    expect(codeOf('Phường Xuân An, TP Long Khánh, Đồng Nai')).toBe('26080');
    expect(codeOf('tổ 5, phường Chi Lăng, thành phố Lạng Sơn')).toBe('05983');
  });

  it('maps Ninh Thuận addresses into Khánh Hòa', () => {
    const result = resolveCommune('Xã Phước Hậu, huyện Ninh Phước, tỉnh Ninh Thuận', index);
    expect(result.commune?.province_name).toBe('Tỉnh Khánh Hoà');
    expect(result.commune?.code).toBe('22873');
  });

  it('maps Sóc Trăng addresses into Cần Thơ city', () => {
    const result = resolveCommune('Phường 5, TP Sóc Trăng, Sóc Trăng', index);
    expect(result.commune?.province_code).toBe('92');
  });

  it('reads an island district that became a special zone', () => {
    expect(codeOf('Huyện Côn Đảo, Bà Rịa - Vũng Tàu')).toBe('26732');
  });

  it('prefers the old reading when the old district is written', () => {
    // Old Phường Ngọc Hà (quận Ba Đình) was split; today's Phường Ngọc Hà is only part of it.
    expect(codeOf('Phường Ngọc Hà, Hà Nội')).toBe('00008');
    const old = resolveCommune('Phường Ngọc Hà, quận Ba Đình, Hà Nội', index);
    expect(old.commune).toBeNull();
    expect(old.candidates.map((c) => c.code).sort()).toEqual(['00004', '00008']);
  });
});

describe('when the text supports several communes', () => {
  it('offers every part of a split commune, and picks none', () => {
    const result = resolveCommune('Xã Hải Lạng, huyện Tiên Yên, tỉnh Quảng Ninh', index);
    expect(result.commune).toBeNull();
    expect(result.candidates.map((c) => c.code).sort()).toEqual(['06799', '06886', '06978']);
  });

  it('offers the communes of every province that has the name when no province is given', () => {
    const result = resolveCommune('Tân An', index);
    expect(result.commune).toBeNull();
    expect(result.candidates.length).toBeGreaterThan(1);
    expect(result.candidates.length).toBeLessThanOrEqual(8);
    expect(new Set(result.candidates.map((c) => c.province_code)).size).toBeGreaterThan(1);
    expect(result.candidates.every((c) => c.name.endsWith('Tân An'))).toBe(true);
  });

  it('narrows a shared name with the province', () => {
    const everywhere = candidateCodes('Xã Tân An');
    expect(everywhere.length).toBeGreaterThan(1);
    const result = resolveCommune('Xã Tân An, Tuyên Quang', index);
    expect(result.commune?.province_code).toBe('08');
  });

  it('offers the communes of a whole old district when only the district is written', () => {
    const result = resolveCommune('huyện Tam Đường, Lai Châu', index);
    expect(result.commune).toBeNull();
    expect(result.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(['03390', '03424', '03405']));
  });

  it('does not answer with a commune of another province than the one written', () => {
    const result = resolveCommune('Xã Bản Bo, Hà Nội', index);
    expect(result.commune).toBeNull();
    expect(result.candidates).toEqual([]);
  });

  it('answers nothing for text that names no place', () => {
    expect(resolveCommune('', index)).toEqual({ commune: null, candidates: [], via: 'none' });
    expect(resolveCommune('con tôi bị đánh', index).commune).toBeNull();
    expect(resolveCommune('12345 !!!', index).commune).toBeNull();
  });
});

describe('addresses as people type them in a chat', () => {
  it('reads "Phường 4" for a ward whose official name is in Roman numerals (Phường IV, Vị Thanh)', () => {
    expect(codeOf('phường 4, TP Vị Thanh, Hậu Giang')).toBe('31333');
    expect(codeOf('phường IV, Vị Thanh, Hậu Giang')).toBe('31333');
  });

  it('knows districts by the names people still use: Quận 2 for Thủ Đức, BMT for Buôn Ma Thuột', () => {
    const quan2 = resolveCommune('phuong an phu quan 2', index);
    expect(quan2.commune).toBeNull();
    expect(quan2.candidates.map((c) => c.code).sort()).toEqual(['27094', '27097']);
    expect(codeOf('xa Ea Tam tp BMT')).toBe('24169');
  });

  it('reads "Phan Rang" for the old city of Phan Rang-Tháp Chàm, offering both halves of a split ward', () => {
    const result = resolveCommune('P. Đông Hải, Phan Rang', index);
    expect(result.commune).toBeNull();
    expect(candidateCodes('P. Đông Hải, Phan Rang')).toEqual(expect.arrayContaining(['22780', '22888']));
  });

  it('forgives a unit word typed with a wrong vowel mark ("Phuờng 12")', () => {
    expect(codeOf('Phuờng 12 Quận Gò Vấp')).toBe('26882');
  });

  it('does not answer with a same-named ward in another province when the address ends with its district', () => {
    // Phường Quyết Thắng of Biên Hòa was merged away before 2025; the one in Thái Nguyên is not it.
    const result = resolveCommune('phường Quyết Thắng, Biên Hòa', index);
    expect(result.commune).toBeNull();
    expect(result.candidates.map((c) => c.province_code)).not.toContain('19');
  });

  it('reads two-letter province abbreviations shared by several provinces from the rest of the address', () => {
    expect(codeOf('Kp1 P.Tân Hiệp BH ĐN')).toBe('26017'); // Biên Hòa, Đồng Nai
    expect(codeOf('Hoa Bac Hoa Vang DN')).toBe('20194'); // Hòa Vang, Đà Nẵng
  });
});
