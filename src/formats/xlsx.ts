/**
 * XLSX (Office Open XML spreadsheets) via exceljs — not npm `xlsx` 0.18.5, which carries CVE-2023-30533
 * (prototype pollution) and CVE-2024-22363 (ReDoS) with no fixed build on the npm registry.
 *
 * Bytes in, bytes out (no file system here). Before exceljs inflates anything, the ZIP central directory is read
 * (APPNOTE.TXT §4.3.12) and the declared uncompressed sizes and compression ratios are checked, so a zip bomb is
 * refused with XLSX_TOO_LARGE; the cell count is bounded as well. Formulas are read as their cached results.
 */
import type ExcelJS from 'exceljs';
import { BitextError } from '../errors.js';
import type { Alignment, Diagnostic, Lang, TermBase } from '../model/types.js';
import { alignmentToTable, tableToAlignment } from './alignment-table.js';
import type { ParsedAlignment } from './jsonl.js';
import { termBaseFromTable, termBaseToTable, type ParsedTermBase } from './termbase-table.js';

export interface XlsxLimits {
  /** Largest total uncompressed size of all parts (default 200 MB). */
  maxUncompressed?: number;
  /** Largest compression ratio of one part (default 200; zip bombs use thousands). */
  maxRatio?: number;
  /** Most cells in the sheet read (default 5,000,000). */
  maxCells?: number;
}

/** exceljs is loaded on first use: it is large, and most commands never touch a workbook. */
async function loadExcel(): Promise<typeof ExcelJS> {
  const mod = (await import('exceljs')) as unknown as { default?: typeof ExcelJS } & typeof ExcelJS;
  return mod.default ?? mod;
}

interface ZipEntry {
  name: string;
  compressed: number;
  uncompressed: number;
}

/** Entries of a ZIP central directory (no inflation). Throws XLSX_MALFORMED when the bytes are not a ZIP. */
export function zipEntries(bytes: Uint8Array, file?: string): ZipEntry[] {
  const notZip = () => new BitextError('XLSX_MALFORMED', 'this is not an .xlsx workbook (not a ZIP archive, or a truncated one)', { file, offset: 0, hint: 'Save the file from Excel/LibreOffice as .xlsx, or pass --from with the right format.' });
  if (bytes.length < 22 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) throw notZip();
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (cdOffset + cdSize > bytes.length) throw notZip();
  const entries: ZipEntry[] = [];
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || dv.getUint32(p, true) !== 0x02014b50) throw notZip();
    const compressed = dv.getUint32(p + 20, true);
    const uncompressed = dv.getUint32(p + 24, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLen));
    entries.push({ name, compressed, uncompressed });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function checkZip(bytes: Uint8Array, file: string | undefined, limits: XlsxLimits): void {
  const entries = zipEntries(bytes, file);
  const maxTotal = limits.maxUncompressed ?? 200 * 1024 * 1024;
  const maxRatio = limits.maxRatio ?? 200;
  let total = 0;
  for (const e of entries) {
    if (e.uncompressed === 0xffffffff || e.compressed === 0xffffffff) {
      throw new BitextError('XLSX_TOO_LARGE', `the workbook part ${e.name} is over 4 GB (ZIP64)`, { file, hint: 'Split the workbook or export it as CSV.' });
    }
    total += e.uncompressed;
    if (e.uncompressed > 1024 * 1024 && e.uncompressed / Math.max(1, e.compressed) > maxRatio) {
      throw new BitextError('XLSX_TOO_LARGE', `the workbook part ${e.name} expands ${Math.round(e.uncompressed / Math.max(1, e.compressed))} times (a zip bomb?)`, { file, hint: 'bitext refuses workbooks that inflate this much; export the sheet as CSV.' });
    }
  }
  if (total > maxTotal) {
    throw new BitextError('XLSX_TOO_LARGE', `the workbook expands to ${Math.round(total / 1048576)} MB (limit ${Math.round(maxTotal / 1048576)} MB)`, { file, hint: 'Export the sheet as CSV instead.' });
  }
  if (!entries.some((e) => e.name === '[Content_Types].xml') || !entries.some((e) => /^xl\/worksheets\/.+\.xml$/.test(e.name))) {
    throw new BitextError('XLSX_MALFORMED', 'this ZIP archive is not an .xlsx workbook (no worksheet)', { file, offset: 0, hint: 'Give an Excel .xlsx file (not .xls, .ods or .docx).' });
  }
}

function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'object') {
    if ('richText' in v && Array.isArray(v.richText)) return v.richText.map((r) => r.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellText((v as { result?: ExcelJS.CellValue }).result as ExcelJS.CellValue);
    if ('text' in v && typeof (v as { text: unknown }).text === 'string') return (v as { text: string }).text;
    if ('error' in v) return '';
  }
  return String(v);
}

/** Read the first worksheet as rows of strings; `lines` are the 1-based row numbers. */
export async function readXlsx(bytes: Uint8Array, options: { file?: string; sheet?: string } & XlsxLimits = {}): Promise<{ records: string[][]; lines: number[]; sheet: string }> {
  const file = options.file;
  if (bytes.length === 0) throw new BitextError('EMPTY_FILE', 'the file is empty', { file, offset: 0 });
  checkZip(bytes, file, options);
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    throw new BitextError('XLSX_MALFORMED', `the workbook cannot be read (${(err as Error).message ?? 'damaged file'})`, { file, hint: 'Open and save it again in Excel or LibreOffice.' });
  }
  const ws = options.sheet ? wb.getWorksheet(options.sheet) : wb.worksheets[0];
  if (!ws) throw new BitextError('XLSX_MALFORMED', options.sheet ? `the workbook has no sheet "${options.sheet}"` : 'the workbook has no sheet', { file });
  const maxCells = options.maxCells ?? 5_000_000;
  if (ws.rowCount * Math.max(1, ws.columnCount) > maxCells) {
    throw new BitextError('XLSX_TOO_LARGE', `the sheet has ${ws.rowCount} rows × ${ws.columnCount} columns (limit ${maxCells} cells)`, { file, hint: 'Export the sheet as CSV instead.' });
  }
  const records: string[][] = [];
  const lines: number[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    const n = row.cellCount;
    for (let c = 1; c <= n; c++) cells.push(cellText(row.getCell(c).value));
    if (cells.every((c) => c.trim() === '')) return;
    records.push(cells);
    lines.push(rowNumber);
  });
  return { records, lines, sheet: ws.name };
}

/** Display width of a cell (CJK counts double), for column widths. */
function displayWidth(s: string): number {
  let w = 0;
  for (const line of s.split('\n')) {
    let lw = 0;
    for (const ch of line) lw += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]|[\u{20000}-\u{3fffd}]/u.test(ch) ? 2 : 1;
    w = Math.max(w, lw);
  }
  return w;
}

/** One sheet from rows (first = header, bold and frozen), readable column widths. Deterministic timestamps. */
export async function writeXlsx(records: readonly (readonly string[])[], options: { sheetName?: string; date?: Date } = {}): Promise<Uint8Array> {
  const Excel = await loadExcel();
  const wb = new Excel.Workbook();
  const date = options.date ?? new Date(0);
  wb.creator = 'bitext';
  wb.created = date;
  wb.modified = date;
  const ws = wb.addWorksheet(options.sheetName ?? 'Sheet1', { views: [{ state: 'frozen', ySplit: 1 }] });
  const ncol = Math.max(0, ...records.map((r) => r.length));
  const widths = new Array<number>(ncol).fill(8);
  for (const r of records) {
    ws.addRow([...r]);
    r.forEach((c, i) => (widths[i] = Math.max(widths[i], Math.min(80, displayWidth(c) + 2))));
  }
  widths.forEach((w, i) => {
    const col = ws.getColumn(i + 1);
    col.width = w;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
  if (records.length) ws.getRow(1).font = { bold: true };
  const buf = await wb.xlsx.writeBuffer();
  return fixZipTimestamps(new Uint8Array(buf as ArrayBuffer));
}

/**
 * Same input, same bytes: the ZIP writer stamps every part with the current time (MS-DOS date/time fields of the
 * local and central headers, APPNOTE §4.4.6). Set them all to 1980-01-01 00:00.
 */
export function fixZipTimestamps(bytes: Uint8Array): Uint8Array {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const DOS_DATE_1980 = (0 << 9) | (1 << 5) | 1;
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return bytes;
  const count = dv.getUint16(eocd + 10, true);
  let p = dv.getUint32(eocd + 16, true);
  for (let i = 0; i < count && p + 46 <= bytes.length && dv.getUint32(p, true) === 0x02014b50; i++) {
    dv.setUint16(p + 12, 0, true);
    dv.setUint16(p + 14, DOS_DATE_1980, true);
    const local = dv.getUint32(p + 42, true);
    if (local + 30 <= bytes.length && dv.getUint32(local, true) === 0x04034b50) {
      dv.setUint16(local + 10, 0, true);
      dv.setUint16(local + 12, DOS_DATE_1980, true);
    }
    p += 46 + dv.getUint16(p + 28, true) + dv.getUint16(p + 30, true) + dv.getUint16(p + 32, true);
  }
  return bytes;
}

export async function alignmentToXlsx(alignment: Alignment, options: { date?: Date } = {}): Promise<Uint8Array> {
  return writeXlsx(alignmentToTable(alignment), { sheetName: 'Alignment', date: options.date });
}

export async function xlsxToAlignment(bytes: Uint8Array, options: { file?: string; srcLang?: Lang; tgtLang?: Lang; sheet?: string } & XlsxLimits = {}): Promise<ParsedAlignment> {
  const t = await readXlsx(bytes, options);
  return tableToAlignment(t.records, t.lines, options);
}

export async function termBaseToXlsx(termBase: TermBase, options: { date?: Date } = {}): Promise<Uint8Array> {
  return writeXlsx(termBaseToTable(termBase), { sheetName: 'Glossary', date: options.date });
}

export async function xlsxToTermBase(bytes: Uint8Array, options: { file?: string; srcLang?: Lang; tgtLang?: Lang; sheet?: string } & XlsxLimits = {}): Promise<ParsedTermBase> {
  const t = await readXlsx(bytes, options);
  const r = termBaseFromTable(t.records, t.lines, options);
  return { ...r, diagnostics: r.diagnostics as Diagnostic[] };
}
