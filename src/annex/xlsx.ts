// The annex as an .xlsx workbook (exceljs): one sheet per table, Vietnamese headings, dates already
// written in Vietnam time. Node only: imported dynamically so the Worker bundle never carries exceljs.
import ExcelJS from 'exceljs';
import type { Annex } from './build';
import { annexText } from './messages';

/** Sheet names: at most 31 characters, none of : \ / ? * [ ]. */
function sheetName(title: string, used: Set<string>): string {
  let name = title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 31).trim();
  for (let i = 2; used.has(name); i++) name = `${name.slice(0, 28)} ${i}`;
  used.add(name);
  return name;
}

export async function annexWorkbook(annex: Annex): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'BảoVệ';
  wb.title = `${annex.title} — ${annex.scopeLabel}`;
  const used = new Set<string>();
  for (const table of annex.tables) {
    const ws = wb.addWorksheet(sheetName(annexText.sheets[table.id] ?? table.title, used), { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
    ws.addRow([`${annex.title} — ${annex.scopeLabel}`]).font = { bold: true };
    ws.addRow([table.title]).font = { bold: true, size: 13 };
    const head = ws.addRow(table.head);
    head.font = { bold: true };
    head.eachCell((c) => {
      c.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
      c.border = { bottom: { style: 'thin' } };
    });
    for (const row of table.rows) ws.addRow(row);
    if (table.note) {
      ws.addRow([]);
      ws.addRow([table.note]).font = { italic: true };
    }
    ws.columns.forEach((col, i) => {
      col.width = i === 0 ? 58 : 18;
      col.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  const buf = await wb.xlsx.writeBuffer();
  return new Uint8Array(buf as ArrayBuffer);
}
