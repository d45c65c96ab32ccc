/**
 * The one error type of bitext. Every failure a user can cause (bad input file, bad option, missing file)
 * is a BitextError with a stable `code`, the file and position it concerns, a message a translator
 * understands and, where useful, a hint saying what to do. The CLI maps it to exit code 2 and one line on
 * stderr; anything else that escapes is a bug (exit 3).
 *
 * Codes are stable strings, UPPER_SNAKE, grouped by area. Add new ones to `ErrorCode` below.
 */
export type ErrorCode =
  // usage / files
  | 'USAGE'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNREADABLE'
  | 'FILE_UNWRITABLE'
  | 'FILE_EXISTS'
  | 'UNKNOWN_FORMAT'
  // decoding / documents
  | 'EMPTY_FILE'
  | 'BINARY_FILE'
  | 'BAD_ENCODING'
  | 'UNKNOWN_ENCODING'
  | 'LINE_TOO_LONG'
  | 'NO_TEXT_IN_LANGUAGE'
  | 'SAME_LANGUAGE'
  // formats
  | 'JSONL_MALFORMED'
  | 'JSONL_VERSION'
  | 'JSONL_DUPLICATE_ID'
  | 'JSONL_SENTENCE_REUSED'
  | 'XML_MALFORMED'
  | 'XML_UNSAFE'
  | 'TMX_MALFORMED'
  | 'TBX_MALFORMED'
  | 'CSV_MALFORMED'
  | 'XLSX_MALFORMED'
  | 'XLSX_TOO_LARGE'
  | 'ALIGN_MALFORMED'
  | 'WRONG_FORMAT'
  // term base / checks / config
  | 'GLOSSARY_INVALID'
  | 'TERM_DUPLICATE'
  | 'CONFIG_INVALID'
  | 'BASELINE_INVALID'
  // alignment / review
  | 'ALIGN_INPUT'
  | 'NOT_A_TTY'
  | 'INTERNAL';

export interface ErrorPosition {
  /** File the problem concerns (as the user named it). */
  file?: string;
  /** 1-based line number. */
  line?: number;
  /** 1-based column (in UTF-16 code units of the decoded line). */
  column?: number;
  /** 0-based byte or character offset, when no line is known. */
  offset?: number;
}

export interface BitextErrorOptions extends ErrorPosition {
  /** What the user can do about it, e.g. "Pass --encoding gb18030". */
  hint?: string;
  cause?: unknown;
}

export class BitextError extends Error {
  readonly code: ErrorCode;
  readonly file?: string;
  readonly line?: number;
  readonly column?: number;
  readonly offset?: number;
  readonly hint?: string;

  constructor(code: ErrorCode, message: string, options: BitextErrorOptions = {}) {
    super(message, options.cause !== undefined ? { cause: options.cause } : undefined);
    this.name = 'BitextError';
    this.code = code;
    this.file = options.file;
    this.line = options.line;
    this.column = options.column;
    this.offset = options.offset;
    this.hint = options.hint;
  }

  /** A copy of this error that names `file` (when a pure function raised it without knowing the file). */
  withFile(file: string): BitextError {
    if (this.file) return this;
    return new BitextError(this.code, this.message, { ...this.position(), file, hint: this.hint, cause: this.cause });
  }

  position(): ErrorPosition {
    return { file: this.file, line: this.line, column: this.column, offset: this.offset };
  }

  /** One line for a terminal: `file:line:col: message (CODE) — hint`. */
  toLine(): string {
    let where = '';
    if (this.file) {
      where = this.file;
      if (this.line !== undefined) where += `:${this.line}` + (this.column !== undefined ? `:${this.column}` : '');
      else if (this.offset !== undefined) where += ` (offset ${this.offset})`;
      where += ': ';
    }
    return `${where}${this.message} [${this.code}]${this.hint ? ` — ${this.hint}` : ''}`;
  }

  toJSON(): Record<string, unknown> {
    return { code: this.code, message: this.message, ...this.position(), hint: this.hint };
  }
}

export function isBitextError(e: unknown): e is BitextError {
  return e instanceof BitextError;
}

/** 1-based line and column of a character offset in `text`. */
export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let i = 0; i < end; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}
