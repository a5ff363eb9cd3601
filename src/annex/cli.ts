// `baove stats export --from DATE --to DATE [--province CODE] [--commune CODE] --out FILE.xlsx`:
// writes the case annex for that period and scope, and prints a one-line summary. `--at ISO` sets the
// moment the annex is made (default: now), as `reminders due --at` does.
import { writeFile } from 'node:fs/promises';
import { fill } from '../core/messages';
import type { Db } from '../db/db';
import { formatVi } from '../reminders/dates';
import { isYmd, type AnnexScope } from './build';
import { caseAnnex } from './load';
import { annexText } from './messages';

const USAGE = 'usage: stats export --from 2027-01-01 --to 2027-06-30 [--province 01] [--commune 00004] [--at ISO] --out FILE.xlsx';

export async function statsCommand(args: string[], deps: { db: Db; tz: string; at: Date }, out: (l: string) => void, err: (l: string) => void): Promise<number> {
  if (args[0] !== 'export') {
    err(USAGE);
    return 2;
  }
  const opts: Record<string, string> = {};
  const rest = args.slice(1);
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const m = /^--(from|to|province|commune|out|at)(?:=(.*))?$/.exec(a);
    const value = m ? (m[2] ?? rest[++i]) : undefined;
    if (!m || value === undefined) {
      err(`stats: unknown or incomplete argument "${a}"\n${USAGE}`);
      return 2;
    }
    opts[m[1]!] = value;
  }
  const { from, to, province, commune, out: file } = opts;
  const at = opts.at === undefined ? deps.at : new Date(opts.at);
  if (Number.isNaN(at.getTime())) {
    err(`stats: --at takes a date and time such as 2027-07-01T08:00:00+07:00\n${USAGE}`);
    return 2;
  }
  if (!from || !to || !file || !isYmd(from) || !isYmd(to) || from > to) {
    err(`stats: --from and --to must be dates (YYYY-MM-DD, from ≤ to) and --out is required\n${USAGE}`);
    return 2;
  }
  if (province !== undefined && !/^\d{2}$/.test(province)) {
    err(`stats: --province takes a 2-digit code\n${USAGE}`);
    return 2;
  }
  if (commune !== undefined && !/^\d{5}$/.test(commune)) {
    err(`stats: --commune takes a 5-digit code\n${USAGE}`);
    return 2;
  }
  const scope: AnnexScope = commune ? { level: 'commune', code: commune } : province ? { level: 'province', code: province } : { level: 'national' };
  const annex = await caseAnnex(deps.db, { scope, from, to, tz: deps.tz, at });
  const { annexWorkbook } = await import('./xlsx');
  await writeFile(file, await annexWorkbook(annex));
  out(fill(annexText.summary, { file, scope: annex.scopeLabel, from: formatVi(from), to: formatVi(to), total: annex.totals.received, sheets: annex.tables.length }));
  return 0;
}
