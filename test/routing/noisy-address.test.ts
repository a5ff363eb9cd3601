// Addresses as people really send them: typed fast in a chat, copied from a form, read by OCR from a
// photo of a paper. The resolver reads what it can and, where the ward word is not clear, says so
// instead of sending the report to the commune named after the district or the city (issue 20).
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { tokenizeAddress } from '../../src/routing/address-text';
import { allowedEdits, distance } from '../../src/routing/fuzzy';
import { emptyMapIndex, type MapIndex } from '../../src/routing/map-index';
import { mapIndexFromFiles } from '../../src/routing/map-records';
import { resolveCommune } from '../../src/routing/resolve';

const MAP_DIR = fileURLToPath(new URL('../../content/map/', import.meta.url));
let index: MapIndex;
beforeAll(() => {
  index = mapIndexFromFiles(MAP_DIR);
});

const codeOf = (text: string): string | null => resolveCommune(text, index).commune?.code ?? null;
const candidatesOf = (text: string): string[] => resolveCommune(text, index).candidates.map((c) => c.code);
const words = (text: string): string[] => tokenizeAddress(text).map((t) => t.fold);

describe('words glued together by a hurried thumb or by OCR', () => {
  it('splits a unit word glued to the name, in CamelCase or in capitals', () => {
    expect(words('XãBù Gia Mập')).toEqual(['xa', 'bu', 'gia', 'map']);
    expect(words('TỉnhThái Nguyên')).toEqual(['tinh', 'thai', 'nguyen']);
    expect(words('P.AnKhánh')).toEqual(['p', 'an', 'khanh']);
    expect(words('T.PhốBuôn Ma Thuột')).toEqual(['t', 'pho', 'buon', 'ma', 'thuot']);
    expect(words('XPhước Vĩnh Đông')).toEqual(['x', 'phuoc', 'vinh', 'dong']);
  });

  it('keeps names with an apostrophe whole, and house numbers as they are', () => {
    expect(words("Ea H'Leo")).toEqual(['ea', 'hleo']);
    expect(words('45/2A Nơ Trang Long')).toEqual(['45/2a', 'no', 'trang', 'long']);
  });

  it('drops a stray digit inside a word and unglues digits from words', () => {
    expect(words('Ph1ú Lương')).toEqual(['phu', 'luong']);
    expect(words('Phường3')).toEqual(['phuong', '3']);
  });

  it('finds the ward once the words are apart', () => {
    expect(codeOf('XãBù Gia Mập, Bình Phước')).toBe('25222');
    expect(codeOf('TỉnhThái Nguyên, xã Phú Lương, huyện Phú Lương')).toBe('05611');
    expect(codeOf('số 5 P.AnKhánh, TP Thủ Đức, TPHCM')).toBe('27094');
    // Phường Tân Lợi of Buôn Ma Thuột, not the ward named after the city ("T.Phố" is "thành phố").
    expect(codeOf('12 Y Jut, P.Tân Lợi, T.PhốBuôn Ma Thuột, Đắk Lắk')).toBe('24133');
  });
});

describe('chat shorthand', () => {
  it('reads F as phường, glued to a number or to the name', () => {
    expect(codeOf('45/2 Nơ Trang Long, F7, Q.Bình Thạnh')).toBe('26944');
    // Mễ Trì was split between three wards: the reporter is asked which.
    expect(candidatesOf('Fmễ Trì, Nam Từ Liêm, Hà Nội')).toEqual(expect.arrayContaining(['00175', '00592', '00637']));
  });

  it('reads the initials of Hồ Chí Minh City districts, taken from their names', () => {
    expect(codeOf('22 Phan Đăng Lưu, P5, BT, TPHCM')).toBe('26905'); // Bình Thạnh
    expect(codeOf('P12 GV')).toBe('26882'); // Gò Vấp
    expect(codeOf('Phan Xích Long P2 PN HCM')).toBe('27058'); // Phú Nhuận
  });
});

describe('roads named with a number', () => {
  it('does not read "Đường tỉnh 4" or "Đường huyện 5" as a province or district', () => {
    expect(codeOf('Đường tỉnh 4, Xã Hòa Thạnh, Huyện Châu Thành, Tây Ninh')).toBe('25606');
    expect(codeOf('28 Đường huyện 5, Phường Tân Phú, Quận 7, TP HCM')).toBe('27487');
  });

  it('ignores national and provincial road codes', () => {
    expect(codeOf('Km 12 QL1A, xã Tân Phú Trung, huyện Củ Chi, TP HCM')).toBe('27553');
    expect(codeOf('ĐT741, xã Đồng Tiến, huyện Đồng Phú, Bình Phước')).toBe('25390');
  });
});

describe('a ward misspelt by a letter or two', () => {
  it('is found within the district written when it is clearly the nearest', () => {
    expect(codeOf('P.Tân Lợii, TP.Buôn Ma Thuột')).toBe('24133');
    expect(codeOf('P.Đằng Gian, Ngô Quyền, Hải Phòng')).toBe('11359');
    expect(codeOf('xa Hoa Phongg huyen Hoa Vang Da Nang')).toBe('20320');
  });

  it('is asked about when two wards are as near', () => {
    // "Mỹ Thoo": Phường Mỹ Tho and Xã Mỹ Thọ are both one letter away.
    const r = resolveCommune('P.Mỹ Thoo, Đồng Tháp', index);
    expect(r.commune).toBeNull();
    expect(r.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(['28261', '30076']));
  });

  it('allows more edits for longer names, never for short ones, and counts a changed first letter twice', () => {
    expect(allowedEdits('lang'.length)).toBe(0);
    expect(allowedEdits('tanloi'.length)).toBe(1);
    expect(allowedEdits('hoaphongbac'.length)).toBe(2);
    expect(distance('linhtrungg', 'linhtrung')).toBe(1);
  });

  it('is never matched fuzzily from a partial map (a database lookup), only offered', () => {
    const partial = emptyMapIndex();
    expect(resolveCommune('P.Tân Lợii, TP.Buôn Ma Thuột', partial).commune).toBeNull();
  });
});

describe('the district or city name never stands in for a ward word it could not read', () => {
  it('asks instead of answering with the ward named after the district', () => {
    // Liễu Giai, garbled: it used to go to Phường Ba Đình with confidence.
    const r = resolveCommune('P. Lểu Gjai, Ba Đình, Hà Nội', index);
    expect(r.commune).toBeNull();
    expect(r.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(['00004', '00008']));
  });

  it('asks when a ward word stands before a bare district name', () => {
    expect(codeOf('X.Phú Bìnhh, Thái Nguyên')).toBeNull();
    expect(candidatesOf('X.Phú Bìnhh, Thái Nguyên')[0]).toBe('05908');
  });

  it('still answers when the ward named after the district is what was written', () => {
    expect(codeOf('Phường Buôn Ma Thuột, tỉnh Đắk Lắk')).toBe('24133');
    expect(codeOf('Xã Hòa Vang, TP Đà Nẵng')).toBe('20320');
  });

  it('does not take a longer ward for its first word ("Láng Hạa" is not Phường Láng)', () => {
    expect(codeOf('P. Láng Hạa, Đống Đa, Hà Nội')).toBeNull();
  });
});

describe('a written province bounds the answer', () => {
  it('offers only communes of the province written, even glued to its unit word', () => {
    const r = resolveCommune('Xã Tân Thành, TỉnhLong An', index);
    expect(r.commune).toBeNull();
    expect(r.candidates.length).toBeGreaterThan(1);
    for (const c of r.candidates) expect(c.province_code).toBe('80'); // Long An is now part of Tây Ninh
  });

  it('does not treat a lone name that is also a province as a bound', () => {
    expect(candidatesOf('Thái Bình')).toEqual(expect.arrayContaining(['02494', '06616', '13225']));
  });
});

describe('diacritics alone do not decide between two provinces', () => {
  it('asks when a commune elsewhere differs only by its marks and no province is written', () => {
    // Xã Hải Lạng (Quảng Ninh) and Xã Hải Lăng (Quảng Trị): a slipped mark would send the report away.
    const r = resolveCommune('Tổ 13, Xã Hải Lạng', index);
    expect(r.commune).toBeNull();
    expect(r.candidates.map((c) => c.code)).toEqual(expect.arrayContaining(['06886', '19702']));
  });

  it('answers once the province is written', () => {
    expect(codeOf('Tổ 13, Xã Hải Lạng, Quảng Ninh')).toBe('06886');
  });

  it('counts two swapped letters as one slip', () => {
    expect(distance('hoalco', 'hoaloc')).toBe(1);
    expect(codeOf('135/19 X. Quiớ Điền T.Vĩnh Long')).toBe('29191');
  });

  it('reads "xa" typed without its mark at the start of a part as the unit word', () => {
    expect(codeOf('xa Bắc Mê Tuyên Quang')).toBe('00991');
  });
});

describe('a ward name written alone', () => {
  it('asks when an old commune of the same name elsewhere is nearly as likely', () => {
    // Today's Xã Long Định is in Đồng Tháp; people still write the old Xã Long Định of Tây Ninh and Vĩnh Long.
    const r = resolveCommune('xã Long Định', index);
    expect(r.commune).toBeNull();
    expect(r.candidates[0]?.code).toBe('28543');
    expect(r.candidates.length).toBeGreaterThan(1);
  });

  it('does not let a garbled province fall away and leave the ward to another province', () => {
    expect(codeOf('Phuong Tran Phu, Quang NNgai')).toBeNull();
  });

  it('answers once the province is written', () => {
    expect(codeOf('xã Long Định, Đồng Tháp')).toBe('28543');
  });
});
