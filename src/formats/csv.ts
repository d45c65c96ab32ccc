/**
 * CSV/TSV tables on csv-parse / csv-stringify (RFC 4180 quoting), with what spreadsheets and CAT tools do to
 * such files: a UTF-8 BOM, a delimiter that may be comma, semicolon (European Excel) or tab, quoted newlines,
 * CRLF, ragged rows, and unquoted TSV (OmegaT glossaries) where a `"` is an ordinary character.
 *
 * Formula injection (OWASP "CSV injection"): a cell that starts with = + - @ (or TAB/CR) is run as a formula when
 * the file is opened in Excel. `excelSafe` prefixes such cells with an apostrophe; the reader removes that
 * apostrophe again when it is followed by one of those characters, so excelSafe files round-trip.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { BitextError } from '../errors.js';

export type CsvDelimiter = ',' | '\t' | ';';

export interface CsvTable {
  /** Records (header row included when there is one), cells as strings. */
  records: string[][];
  /** 1-based line where each record starts, parallel to records. */
  lines: number[];
  delimiter: string;
}

/** Pick the delimiter (tab, semicolon, comma) that occurs most consistently in the first lines, outside quotes. */
export function detectDelimiter(text: string): CsvDelimiter {
  const candidates: CsvDelimiter[] = ['\t', ';', ','];
  const lines: string[] = [];
  let cur = '';
  let inQuote = false;
  for (let i = 0; i < text.length && lines.length < 20; i++) {
    const c = text[i];
    if (c === '"') inQuote = !inQuote;
    if (c === '\n' && !inQuote) {
      if (cur.trim()) lines.push(cur);
      cur = '';
    } else cur += c;
  }
  if (cur.trim() && lines.length < 20) lines.push(cur);
  let best: CsvDelimiter = ',';
  let bestScore = 0;
  for (const d of candidates) {
    const counts = lines.map((l) => {
      let n = 0;
      let q = false;
      for (const c of l) {
        if (c === '"') q = !q;
        else if (c === d && !q) n++;
      }
      return n;
    });
    const withIt = counts.filter((n) => n > 0).length;
    if (withIt === 0) continue;
    // Lines that contain the delimiter, weighted by how consistent the count is (a real delimiter repeats).
    const first = counts[0];
    const consistent = counts.filter((n) => n === first).length;
    const score = withIt * 2 + consistent + (d === '\t' ? 0.5 : 0);
    if (score > bestScore) {
      bestScore = score;
      best = d;
    }
  }
  return best;
}

/** Strip the apostrophe excelSafe writing added in front of = + - @ TAB CR. */
export function unneutralizeCell(cell: string): string {
  return /^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

/** Prefix cells that a spreadsheet would run as a formula with an apostrophe. */
export function neutralizeCell(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function csvError(err: unknown, file: string | undefined): BitextError {
  const e = err as { code?: string; message?: string; lines?: number };
  let message = 'the table cannot be read as CSV';
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') message = 'a quoted cell is never closed (the file may be truncated)';
  else if (e.code === 'CSV_INVALID_CLOSING_QUOTE') message = 'a quote inside a cell is not doubled ("")';
  else if (e.message) message = `the table cannot be read as CSV: ${e.message.replace(/^[^:]*: /, '')}`;
  return new BitextError('CSV_MALFORMED', message, { file, line: e.lines, hint: 'Save the file again from the spreadsheet as CSV UTF-8, or check the quotes on that line.' });
}

/**
 * Fast path for a well-formed RFC 4180 table (records split on '\n', a quoted cell starts and ends at the cell's
 * edges, quotes inside doubled): the same records and lines as csv-parse below, several times faster on large
 * glossaries. Returns undefined at the first irregular quote (a quote inside an unquoted cell, text after a closing
 * quote, a quote never closed): csv-parse then reads the whole table with its relaxed rules and error messages.
 */
function parseWellFormed(body: string, delimiter: string, lineShift: number): { records: string[][]; lines: number[] } | undefined {
  const records: string[][] = [];
  const lines: number[] = [];
  const n = body.length;
  const D = delimiter.charCodeAt(0);
  let pos = 0;
  let line = 1;
  /** Per column: the last and the last-but-one distinct unquoted values. */
  const recent1: Array<string | undefined> = [];
  const recent2: Array<string | undefined> = [];
  const scratch: string[] = [];
  while (pos < n) {
    const startLine = line;
    /** Cells of this record so far, in `scratch` (copied out at the end at their exact number). */
    let k = 0;
    let blank = true;
    for (;;) {
      let cell: string;
      if (body.charCodeAt(pos) === 34) {
        // Quoted cell.
        let value = '';
        let from = pos + 1;
        for (;;) {
          const q = body.indexOf('"', from);
          if (q < 0) return undefined;
          for (let k = body.indexOf('\n', from); k >= 0 && k < q; k = body.indexOf('\n', k + 1)) line++;
          if (body.charCodeAt(q + 1) === 34) {
            value += body.slice(from, q + 1);
            from = q + 2;
            continue;
          }
          value += body.slice(from, q);
          pos = q + 1;
          break;
        }
        const c = pos < n ? body.charCodeAt(pos) : 10;
        if (c !== D && c !== 10) return undefined;
        cell = value;
      } else {
        let end = pos;
        for (; end < n; end++) {
          const c = body.charCodeAt(end);
          if (c === D || c === 10) break;
          if (c === 34) return undefined;
        }
        // A value repeated down its column (language, status, domain, the concept id of consecutive rows) is the
        // same string object as in one of the column's last two distinct values: no new string per row for it, and
        // its hash is computed once when the term base maps it.
        const len = end - pos;
        const col = k;
        const p1 = recent1[col];
        const p2 = recent2[col];
        if (len === 0) cell = '';
        else if (p1 !== undefined && p1.length === len && body.startsWith(p1, pos)) cell = p1;
        else if (p2 !== undefined && p2.length === len && body.startsWith(p2, pos)) {
          cell = p2;
          recent2[col] = p1;
          recent1[col] = p2;
        } else {
          cell = body.slice(pos, end);
          recent2[col] = p1;
          recent1[col] = cell;
        }
        pos = end;
      }
      if (cell.charCodeAt(0) === 39) cell = unneutralizeCell(cell);
      scratch[k++] = cell;
      if (blank && cell.trim() !== '') blank = false;
      if (pos < n && body.charCodeAt(pos) === D) {
        pos++;
        continue;
      }
      // End of record ('\n' or end of text).
      pos++;
      line++;
      break;
    }
    if (blank) continue;
    records.push(scratch.slice(0, k));
    lines.push(startLine + lineShift);
  }
  return { records, lines };
}

/** Read a delimited table. Throws CSV_MALFORMED with the line for broken quoting. */
export function parseCsvTable(text: string, options: { file?: string; delimiter?: string } = {}): CsvTable {
  const file = options.file;
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.indexOf('\r') >= 0) body = body.replace(/\r\n?/g, '\n');
  // Excel's "sep=;" first line names the delimiter; it is not data.
  const sep = /^sep=(.)\n/i.exec(body);
  let lineShift = 0;
  if (sep) {
    body = body.slice(sep[0].length);
    lineShift = 1;
  }
  const delimiter = options.delimiter ?? (sep ? sep[1] : detectDelimiter(body));
  const fast = delimiter.length === 1 && delimiter !== '"' && delimiter !== '\n' ? parseWellFormed(body, delimiter, lineShift) : undefined;
  if (fast) return { records: fast.records, lines: fast.lines, delimiter };
  const run = (quote: string | null | false) =>
    parse(body, {
      delimiter,
      quote: quote as string,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      raw: true,
      info: true,
      record_delimiter: '\n',
    }) as unknown as Array<{ record: string[]; raw: string; info: { lines: number } }>;
  let out: Array<{ record: string[]; raw: string; info: { lines: number } }>;
  try {
    out = run('"');
  } catch (err) {
    // Unquoted TSV (OmegaT, many scripts): a `"` is literal text. Retry without quoting before giving up.
    if (delimiter !== '\t') throw csvError(err, file);
    try {
      out = run(null);
    } catch (err2) {
      throw csvError(err2, file);
    }
  }
  const records: string[][] = [];
  const lines: number[] = [];
  for (const r of out) {
    const raw = r.raw.replace(/^\n+/, '').replace(/\n$/, '');
    let inner = 0;
    for (let i = 0; i < raw.length; i++) if (raw.charCodeAt(i) === 10) inner++;
    const cells = r.record.map((c) => unneutralizeCell(c));
    if (cells.every((c) => c.trim() === '')) continue;
    records.push(cells);
    lines.push(r.info.lines - inner + lineShift);
  }
  return { records, lines, delimiter };
}

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Start with a UTF-8 BOM so that Excel opens the file as UTF-8. */
  bom?: boolean;
  /** Neutralise cells that start with = + - @ (formula injection) by prefixing an apostrophe. */
  excelSafe?: boolean;
  /** Line end: '\n' (default, diff-friendly) or '\r\n'. */
  eol?: '\n' | '\r\n';
}

export function stringifyCsvTable(records: readonly (readonly string[])[], options: CsvWriteOptions = {}): string {
  const rows = options.excelSafe ? records.map((r) => r.map(neutralizeCell)) : (records as string[][]);
  const text = stringify(rows, { delimiter: options.delimiter ?? ',', record_delimiter: options.eol === '\r\n' ? 'windows' : 'unix', quoted_match: /^\s|\s$/ });
  return (options.bom ? '\ufeff' : '') + text;
}
