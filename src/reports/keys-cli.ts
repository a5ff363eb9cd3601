// `baove keys rotate [--batch N]` (Node CLI only): re-seals every sealed value under DATA_KEY, reading
// old values with DATA_KEY_PREVIOUS. Exit 0 when every value now opens with DATA_KEY alone, 1 when some
// value opens with no key (each is named on stderr), 2 on a usage error.
import type { Db } from '../db/db';
import type { Sealer } from '../ground/crypto';
import { DEFAULT_BATCH_SIZE, rotateSealedData, type TableSummary } from './key-rotation';

const USAGE = 'cách dùng: keys rotate [--batch N]   (DATA_KEY = khoá mới, DATA_KEY_PREVIOUS = khoá cũ, cách nhau bằng dấu phẩy)';

export async function keysCommand(
  args: string[],
  /** Opened only once the arguments are valid: a usage error touches no database. */
  open: () => Promise<{ db: Db; current: Sealer; previous: readonly Sealer[] }>,
  out: (l: string) => void,
  err: (l: string) => void,
): Promise<number> {
  const [sub, ...rest] = args;
  const batchAt = rest.indexOf('--batch');
  const batchSize = batchAt >= 0 ? Number(rest[batchAt + 1]) : DEFAULT_BATCH_SIZE;
  const unknown = rest.filter((a, i) => i !== batchAt && i !== batchAt + 1);
  if (sub !== 'rotate' || !Number.isInteger(batchSize) || batchSize < 1 || unknown.length) {
    err(USAGE);
    return 2;
  }
  const deps = await open();
  if (!deps.previous.length) out('DATA_KEY_PREVIOUS trống: chỉ kiểm tra rằng mọi giá trị đều mở được bằng DATA_KEY.');
  const summary = await rotateSealedData(deps.db, { current: deps.current, previous: deps.previous }, {
    batchSize,
    onProgress: (p) => out(`${p.table}: ${n(p.done)}/${n(p.total)} hàng, đã niêm phong lại ${n(p.resealed)} giá trị`),
    onUnreadable: (u) => err(`không khoá nào mở được: bảng ${u.table}, hàng ${u.id}, cột ${u.column} (giữ nguyên)`),
  });
  const total = (k: keyof Omit<TableSummary, 'table'>) => summary.tables.reduce((sum, t) => sum + t[k], 0);
  out(
    `Xong: ${n(total('values'))} giá trị trong ${summary.tables.length} bảng; niêm phong lại ${n(total('resealed'))}, ` +
      `đã dùng khoá hiện tại ${n(total('alreadyCurrent'))}, không mở được ${n(total('unreadable'))}.`,
  );
  if (total('changedMeanwhile')) out(`${n(total('changedMeanwhile'))} giá trị đổi trong lúc chạy; hãy chạy lại lệnh.`);
  if (summary.unreadable.length) {
    err(`${n(summary.unreadable.length)} giá trị không khoá nào mở được; hãy kiểm tra chúng (danh sách ở trên) trước khi bỏ DATA_KEY_PREVIOUS.`);
    return 1;
  }
  if (total('changedMeanwhile')) return 1;
  out('Mọi giá trị mở được bằng DATA_KEY; có thể bỏ DATA_KEY_PREVIOUS.');
  return 0;
}

const n = (x: number) => x.toLocaleString('vi-VN');
