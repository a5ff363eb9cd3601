// `baove stats export`: a provincial office exports H1 2027 and opens the workbook; the numbers are the
// seeded cases counted in Vietnam time, steps never taken count as missed, and a commune sees "<5".
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapCommunes } from '../../src/db/schema';
import { runCli } from '../support/cli';
import { createTestDb, type TestDb } from '../support/db';
import { seedAnnexCases } from './seed';

let db: TestDb;
beforeAll(async () => {
  db = await createTestDb();
  await seedAnnexCases(db.db);
}, 60_000);
afterAll(() => db.cleanup());

async function readBook(file: string) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  /** The value in `col` (1-based) of the row whose first cell is `label`, on the sheet titled `sheet`. */
  const cell = (sheet: string, label: string, col = 2) => {
    const ws = wb.getWorksheet(sheet);
    if (!ws) throw new Error(`no sheet ${sheet}: ${wb.worksheets.map((w) => w.name).join(', ')}`);
    let found: ExcelJS.CellValue | undefined;
    ws.eachRow((row) => {
      if (row.getCell(1).value === label) found = row.getCell(col).value;
    });
    if (found === undefined) throw new Error(`no row "${label}" on ${sheet}`);
    return found;
  };
  return { wb, cell };
}

/** The annex is made after the period is over (the seeded cases are in 2027). */
const AFTER = '2027-08-01T08:00:00+07:00';

function exportAnnex(args: string[]) {
  const out = join(mkdtempSync(join(tmpdir(), 'baove-annex-')), 'phu-luc.xlsx');
  const r = runCli(['stats', 'export', '--from', '2027-01-01', '--to', '2027-06-30', '--at', AFTER, ...args, '--out', out], '', { DATABASE_URL: db.url, DEMO_DATA: 'false' });
  return { ...r, out };
}

describe('stats export', () => {
  it('writes the Hà Nội annex for H1 2027 with the numbers of the seeded cases, and prints one line', async () => {
    const r = exportAnnex(['--province', '01']);
    expect(r.status).toBe(0);
    expect(r.lines).toHaveLength(1);
    expect(r.lines[0]).toMatch(/Thành phố Hà Nội \(01\), 01\/01\/2027–30\/06\/2027, 4 vụ việc tiếp nhận/);

    const { wb, cell } = await readBook(r.out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(
      ['Thông tin chung', 'Tiếp nhận', 'Loại hình', 'Độ tuổi', 'Kênh', 'Thời hạn NĐ 56', 'Chuyển gửi - chuyển cấp', 'Đóng hồ sơ', 'Còn mở', 'Độ phủ', 'Theo xã, phường', 'Nhắc hạn - đã nộp'],
    );
    // Received: the 00:30 case of 1 January (31 December in UTC) is in, the 00:30 case of 1 July is out.
    expect(cell('Tiếp nhận', 'Tổng số tin báo tiếp nhận trong kỳ')).toBe(4);
    expect(cell('Tiếp nhận', 'Trong đó: khẩn cấp (trẻ đang gặp nguy hiểm)')).toBe(2);
    expect(cell('Tiếp nhận', 'Thời gian đến khi tiếp nhận, trung vị (giờ)')).toBe(3);
    expect(cell('Tiếp nhận', 'Tiếp nhận trong 1 giờ')).toBe(1);
    expect(cell('Tiếp nhận', 'Tiếp nhận sau 12 giờ')).toBe(1);
    expect(cell('Tiếp nhận', 'Chưa tiếp nhận đến cuối kỳ')).toBe(1);
    expect(cell('Độ tuổi', 'Dưới 6 tuổi')).toBe(1);
    expect(cell('Độ tuổi', 'Không rõ tuổi')).toBe(1);
    expect(cell('Kênh', 'Telegram')).toBe(2);
    expect(cell('Kênh', 'Zalo')).toBe(1);

    // Decree 56 clocks: applies, met, late, không thực hiện, overdue, missed (sum), running.
    const clocks = wb.getWorksheet('Thời hạn NĐ 56')!;
    const clockRow = (prefix: string) => {
      let values: unknown[] = [];
      clocks.eachRow((row) => {
        if (String(row.getCell(1).value).startsWith(prefix)) values = [2, 3, 4, 5, 6, 7, 8].map((c) => row.getCell(c).value);
      });
      return values;
    };
    expect(clockRow('Can thiệp khẩn cấp')).toEqual([2, 1, 1, 0, 0, 1, 0]);
    // A plan never made is never "met": closed without it = không thực hiện, open past the deadline = overdue.
    expect(clockRow('Kế hoạch')).toEqual([4, 1, 0, 1, 2, 3, 0]);
    expect(clockRow('Phê duyệt')).toEqual([4, 1, 0, 1, 2, 3, 0]);

    expect(cell('Chuyển gửi - chuyển cấp', 'Chuyển gửi: Công an')).toBe(1);
    expect(cell('Chuyển gửi - chuyển cấp', 'Chuyển sang địa bàn khác')).toBe(1);
    expect(cell('Chuyển gửi - chuyển cấp', 'Chuyển lên cấp trên (quá hạn hoặc không có người nhận)')).toBe(1);
    expect(cell('Đóng hồ sơ', 'Trẻ đã an toàn')).toBe(1);
    expect(cell('Đóng hồ sơ', 'Tin không có cơ sở')).toBe(1);
    expect(cell('Đóng hồ sơ', 'Tổng số hồ sơ đóng trong kỳ')).toBe(2);
    // Still open on 30 June: the late emergency, the unacknowledged case and the one from December.
    expect(cell('Còn mở', 'Vụ việc chưa đóng vào cuối kỳ (kể cả tiếp nhận từ kỳ trước)')).toBe(3);
    expect(cell('Còn mở', 'Trong đó: khẩn cấp')).toBe(1);

    const [hn] = await db.db.select({ n: sql<number>`count(*)` }).from(mapCommunes).where(eq(mapCommunes.provinceCode, '01'));
    expect(cell('Độ phủ', 'Tổng số xã/phường')).toBe(Number(hn!.n));
    // Per commune, small numbers are hidden.
    expect(cell('Theo xã, phường', 'Phường Ba Đình (00004)')).toBe('<5');
    expect(cell('Thông tin chung', 'Kỳ báo cáo')).toBe('từ 01/01/2027 đến 30/06/2027');
  }, 120_000);

  it('a commune annex writes counts of 1 to 4 as "<5"; the national one counts every province', async () => {
    const commune = await readBook(exportAnnex(['--commune', '00004']).out);
    expect(commune.cell('Tiếp nhận', 'Tổng số tin báo tiếp nhận trong kỳ')).toBe('<5');
    expect(commune.cell('Tiếp nhận', 'Thời gian đến khi tiếp nhận, trung vị (giờ)')).toBe('không công bố (dưới 5 vụ)');
    const national = exportAnnex([]);
    expect(national.lines[0]).toMatch(/Toàn quốc, .*5 vụ việc tiếp nhận/);
    expect((await readBook(national.out)).cell('Tiếp nhận', 'Tổng số tin báo tiếp nhận trong kỳ')).toBe(5);
  }, 120_000);

  it('refuses a bad date with the usage line and exit code 2', () => {
    const r = runCli(['stats', 'export', '--from', '2027-13-01', '--to', '2027-06-30', '--out', '/tmp/x.xlsx'], '', { DATABASE_URL: db.url, DEMO_DATA: 'false' });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('usage: stats export');
  });
});
