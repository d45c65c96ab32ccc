/**
 * The native alignment file: JSON Lines (https://jsonlines.org), one header line and then one link per line in
 * document order, so that a review shows up in `git diff` line by line.
 *
 * Line 1: `{"format":"bitext-alignment","version":1,"srcLang":…,"tgtLang":…,"sources":[…],"tool":{…}}`
 * Line n: `{"id":"L1","src":[{"id":"en.0","text":…}],"tgt":[…],"score":0.97,"status":"auto"}`
 *
 * Key order is fixed and optional keys are omitted, so the same alignment always gives the same bytes.
 * Reading validates every line (schema, duplicate link ids, a sentence used by two links) and reports the line.
 * The whole-text parser and the streaming iterator share one validator, so both accept exactly the same files.
 */
import { BitextError } from '../errors.js';
import type { Alignment, AlignmentHeader, Diagnostic, Link, LinkSentence, LinkStatus, SourceFileInfo } from '../model/types.js';
import { DiagnosticLog, IdRegistry } from './registry.js';

export const ALIGNMENT_FORMAT = 'bitext-alignment';
export const ALIGNMENT_VERSION = 1;
export const LINK_STATUSES: readonly LinkStatus[] = ['auto', 'confirmed', 'edited', 'rejected'];

/** Longest line the streaming reader accepts (a guard against a file that is not JSONL at all). */
export const MAX_JSONL_LINE_CHARS = 64 * 1024 * 1024;

export interface ParsedAlignment {
  alignment: Alignment;
  /** 1-based file line of each link, parallel to alignment.links */
  lines: number[];
  diagnostics: Diagnostic[];
}

export type JsonlItem = { type: 'header'; header: AlignmentHeader; line: number } | { type: 'link'; link: Link; line: number };

// ---------------------------------------------------------------------------------------------------------------
// Writing

/** Round a score to 4 decimals (what the file stores). */
export function roundScore(score: number): number {
  if (!Number.isFinite(score)) return 0;
  const r = Math.round(score * 10000) / 10000;
  return Object.is(r, -0) ? 0 : r;
}

function sentenceObject(s: LinkSentence): Record<string, unknown> {
  const o: Record<string, unknown> = { id: s.id, text: s.text };
  if (s.kind !== undefined) o.kind = s.kind;
  if (s.headingLevel !== undefined) o.headingLevel = s.headingLevel;
  if (s.start !== undefined) o.start = s.start;
  if (s.end !== undefined) o.end = s.end;
  if (s.line !== undefined) o.line = s.line;
  return o;
}

/** One link as one JSON line (no newline). Key order fixed: id, src, tgt, score, status, note. */
export function serializeLinkJsonl(link: Link): string {
  const o: Record<string, unknown> = {
    id: link.id,
    src: link.src.map(sentenceObject),
    tgt: link.tgt.map(sentenceObject),
    score: roundScore(link.score),
    status: link.status,
  };
  if (link.note !== undefined) o.note = link.note;
  return JSON.stringify(o);
}

/** The header line (no newline). Fixed keys first in a fixed order, then any extra keys in their own order. */
export function serializeHeaderJsonl(header: AlignmentHeader): string {
  const o: Record<string, unknown> = {
    format: ALIGNMENT_FORMAT,
    version: header.version ?? ALIGNMENT_VERSION,
    srcLang: header.srcLang,
    tgtLang: header.tgtLang,
    sources: (header.sources ?? []).map((s) => {
      const so: Record<string, unknown> = { role: s.role, file: s.file };
      if (s.sha256 !== undefined) so.sha256 = s.sha256;
      return so;
    }),
    tool: { name: header.tool?.name ?? 'bitext', version: header.tool?.version ?? '' },
  };
  for (const [k, v] of Object.entries(header)) {
    if (!(k in o) && v !== undefined) o[k] = v;
  }
  return JSON.stringify(o);
}

export function serializeAlignmentJsonl(alignment: Alignment): string {
  const parts = [serializeHeaderJsonl(alignment.header)];
  for (const link of alignment.links) parts.push(serializeLinkJsonl(link));
  return parts.join('\n') + '\n';
}

/** Chunks of the file for large alignments (feed to writeFileAtomic). */
export function* serializeAlignmentJsonlChunks(alignment: Alignment, linksPerChunk = 1000): Generator<string> {
  yield serializeHeaderJsonl(alignment.header) + '\n';
  let buf: string[] = [];
  for (const link of alignment.links) {
    buf.push(serializeLinkJsonl(link));
    if (buf.length >= linksPerChunk) {
      yield buf.join('\n') + '\n';
      buf = [];
    }
  }
  if (buf.length) yield buf.join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

const LINK_KEYS = new Set(['id', 'src', 'tgt', 'score', 'status', 'note']);

/** Rank of each key in the order the writer uses (no prototype, so "__proto__" and "constructor" are unknown). */
function keyRanks(keys: string[]): Record<string, number> {
  const r = Object.create(null) as Record<string, number>;
  keys.forEach((k, i) => (r[k] = i + 1));
  return r;
}
const LINK_KEY_RANK = keyRanks(['id', 'src', 'tgt', 'score', 'status', 'note']);
const SENTENCE_KEY_RANK = keyRanks(['id', 'text', 'kind', 'headingLevel', 'start', 'end', 'line']);

/** Are all own keys of `o` known ones, each at most once, in the canonical order? (JSON.parse objects: own keys only.) */
function canonicalKeys(o: object, ranks: Record<string, number>): boolean {
  let last = 0;
  for (const k in o) {
    const r = ranks[k];
    if (r === undefined || r <= last) return false;
    last = r;
  }
  return true;
}
const HINT_FIX = 'Fix the line (or restore the file from version control) and try again.';

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** JSON.parse with the error mapped to JSONL_MALFORMED at the line (and column when Node tells the position). */
function parseJsonLine(text: string, line: number, file: string | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    const column = m ? Number(m[1]) + 1 : undefined;
    const truncated = !text.trimEnd().endsWith('}');
    throw new BitextError('JSONL_MALFORMED', truncated ? 'this line is not complete JSON (the file may be truncated)' : 'this line is not valid JSON', {
      file,
      line,
      column,
      hint: HINT_FIX,
    });
  }
}

/**
 * Validates lines one at a time; keeps only the sets needed for the cross-line checks (link ids, sentence ids per
 * side), so memory grows with the number of ids, never with the text.
 */
export class AlignmentJsonlValidator {
  private readonly file: string | undefined;
  private readonly linkIds = new IdRegistry();
  private readonly srcIds = new IdRegistry();
  private readonly tgtIds = new IdRegistry();
  readonly log = new DiagnosticLog();
  header: AlignmentHeader | undefined;

  /** Non-fatal problems found so far (at most 50 per kind, then one summary line). */
  get diagnostics(): Diagnostic[] {
    return this.log.finish();
  }

  constructor(file?: string) {
    this.file = file;
  }

  private fail(message: string, line: number, hint = HINT_FIX): never {
    throw new BitextError('JSONL_MALFORMED', message, { file: this.file, line, hint });
  }

  /** Validate the first line. */
  readHeader(text: string, line = 1): AlignmentHeader {
    const v = parseJsonLine(text, line, this.file);
    if (!isObject(v) || v.format !== ALIGNMENT_FORMAT) {
      throw new BitextError('WRONG_FORMAT', 'this is not a bitext alignment file (the first line must be its header)', {
        file: this.file,
        line,
        hint: 'Give a .jsonl file written by bitext align, or pass --from to name the format.',
      });
    }
    if (typeof v.version !== 'number' || !Number.isInteger(v.version)) this.fail('the header has no valid "version"', line);
    if (v.version !== ALIGNMENT_VERSION) {
      throw new BitextError('JSONL_VERSION', `this alignment file has format version ${v.version}; this bitext reads version ${ALIGNMENT_VERSION}`, {
        file: this.file,
        line,
        hint: v.version > ALIGNMENT_VERSION ? 'Update bitext to read it.' : 'Re-run bitext align to write the file again.',
      });
    }
    for (const k of ['srcLang', 'tgtLang'] as const) {
      if (typeof v[k] !== 'string' || (v[k] as string).trim() === '') this.fail(`the header has no "${k}" (a language tag such as "en" or "zh")`, line);
    }
    let sources: SourceFileInfo[] = [];
    if (v.sources !== undefined) {
      if (!Array.isArray(v.sources)) this.fail('"sources" in the header must be a list', line);
      sources = v.sources.map((s, i) => {
        if (!isObject(s) || typeof s.file !== 'string' || !['src', 'tgt', 'bilingual'].includes(s.role as string)) {
          this.fail(`source ${i + 1} in the header needs "role" (src, tgt or bilingual) and "file"`, line);
        }
        if (s.sha256 !== undefined && typeof s.sha256 !== 'string') this.fail(`"sha256" of source ${i + 1} must be a string`, line);
        const out: SourceFileInfo = { role: s.role as SourceFileInfo['role'], file: s.file };
        if (s.sha256 !== undefined) out.sha256 = s.sha256 as string;
        return out;
      });
    }
    let tool = { name: 'bitext', version: '' };
    if (v.tool !== undefined) {
      if (!isObject(v.tool) || typeof v.tool.name !== 'string' || typeof v.tool.version !== 'string') this.fail('"tool" in the header must be {"name": …, "version": …}', line);
      tool = { name: v.tool.name as string, version: v.tool.version as string };
    }
    const header: AlignmentHeader = { format: ALIGNMENT_FORMAT, version: v.version, srcLang: v.srcLang as string, tgtLang: v.tgtLang as string, sources, tool };
    for (const [k, val] of Object.entries(v)) {
      if (k === '__proto__') continue;
      if (!(k in header)) header[k] = val;
    }
    this.header = header;
    return header;
  }

  /**
   * A sentence object as JSON.parse gave it can be used as is when its keys are known ones in the canonical order
   * (what bitext writes): then no copy is made. Otherwise `sentence` copies the known keys.
   */
  private sentences(list: unknown[], side: 'src' | 'tgt', line: number): LinkSentence[] {
    let out: LinkSentence[] | undefined;
    for (let i = 0; i < list.length; i++) {
      const s = this.sentence(list[i], side, i, line);
      if (out) out.push(s);
      else if (s !== list[i]) {
        out = list.slice(0, i) as LinkSentence[];
        out.push(s);
      }
    }
    return out ?? (list as LinkSentence[]);
  }

  private sentence(s: unknown, side: 'src' | 'tgt', i: number, line: number): LinkSentence {
    const where = `${side} sentence ${i + 1}`;
    if (!isObject(s)) this.fail(`${where} must be an object with "id" and "text"`, line);
    if (typeof s.id !== 'string' || s.id === '') this.fail(`${where} has no "id"`, line);
    if (typeof s.text !== 'string') this.fail(`${where} (${s.id}) has no "text"`, line);
    const out: LinkSentence = { id: s.id, text: s.text };
    if (s.kind !== undefined) {
      if (s.kind !== 'sentence' && s.kind !== 'heading') this.fail(`${where} (${s.id}): "kind" must be "sentence" or "heading"`, line);
      out.kind = s.kind;
    }
    if (s.headingLevel !== undefined) {
      if (!Number.isInteger(s.headingLevel) || (s.headingLevel as number) < 1 || (s.headingLevel as number) > 6) this.fail(`${where} (${s.id}): "headingLevel" must be 1–6`, line);
      out.headingLevel = s.headingLevel as number;
    }
    for (const k of ['start', 'end', 'line'] as const) {
      if (s[k] === undefined) continue;
      const n = s[k];
      if (!Number.isInteger(n) || (n as number) < (k === 'line' ? 1 : 0)) this.fail(`${where} (${s.id}): "${k}" must be a whole number${k === 'line' ? ' ≥ 1' : ' ≥ 0'}`, line);
      out[k] = n as number;
    }
    if (out.start !== undefined && out.end !== undefined && out.end < out.start) this.fail(`${where} (${s.id}): "end" is before "start"`, line);
    return canonicalKeys(s, SENTENCE_KEY_RANK) ? (s as unknown as LinkSentence) : out;
  }

  /** Each sentence id belongs to one link. */
  private claimSentences(list: readonly LinkSentence[], side: 'source' | 'target', seen: IdRegistry, line: number): void {
    for (let i = 0; i < list.length; i++) {
      const id = list[i].id;
      const p = seen.claim(id, line);
      if (p !== undefined) {
        throw new BitextError('JSONL_SENTENCE_REUSED', `${side} sentence "${id}" is in two links (lines ${p} and ${line})`, {
          file: this.file,
          line,
          hint: 'A sentence belongs to exactly one link: merge the two links or remove the sentence from one of them.',
        });
      }
    }
  }

  /** Validate one link line. */
  readLink(text: string, line: number): Link {
    const v = parseJsonLine(text, line, this.file);
    if (!isObject(v)) this.fail('a link line must be a JSON object', line);
    if (typeof v.id !== 'string' || v.id === '') this.fail('the link has no "id"', line);
    if (!Array.isArray(v.src)) this.fail(`link ${v.id}: "src" must be a list of sentences`, line);
    if (!Array.isArray(v.tgt)) this.fail(`link ${v.id}: "tgt" must be a list of sentences`, line);
    if (typeof v.score !== 'number' || !Number.isFinite(v.score) || v.score < 0 || v.score > 1) this.fail(`link ${v.id}: "score" must be a number from 0 to 1`, line);
    if (!LINK_STATUSES.includes(v.status as LinkStatus)) this.fail(`link ${v.id}: "status" must be one of ${LINK_STATUSES.join(', ')} (got ${JSON.stringify(v.status)})`, line);
    if (v.note !== undefined && typeof v.note !== 'string') this.fail(`link ${v.id}: "note" must be text`, line);
    const id = v.id;
    const prev = this.linkIds.claim(id, line);
    if (prev !== undefined) {
      throw new BitextError('JSONL_DUPLICATE_ID', `link id "${id}" is used twice (lines ${prev} and ${line})`, {
        file: this.file,
        line,
        hint: 'Give each link its own id; re-run bitext align if the file was edited by hand.',
      });
    }
    const src = this.sentences(v.src, 'src', line);
    const tgt = this.sentences(v.tgt, 'tgt', line);
    this.claimSentences(src, 'source', this.srcIds, line);
    this.claimSentences(tgt, 'target', this.tgtIds, line);
    if (src.length === 0 && tgt.length === 0) {
      this.log.push({ code: 'JSONL_EMPTY_LINK', message: `link ${id} has no sentence on either side`, severity: 'warning', file: this.file, line });
    }
    // The parsed object is the link when it has the known keys in the canonical order and its sentences were kept.
    if (src === v.src && tgt === v.tgt && canonicalKeys(v, LINK_KEY_RANK)) return v as unknown as Link;
    for (const k of Object.keys(v)) {
      if (!LINK_KEYS.has(k)) this.log.push({ code: 'JSONL_UNKNOWN_KEY', message: `link ${id}: unknown field "${k}" is ignored (it will not be written back)`, severity: 'info', file: this.file, line });
    }
    const link: Link = { id, src, tgt, score: v.score, status: v.status as LinkStatus };
    if (v.note !== undefined) link.note = v.note as string;
    return link;
  }
}

function noHeader(file: string | undefined): BitextError {
  return new BitextError('EMPTY_FILE', 'the alignment file is empty (no header line)', { file, line: 1, hint: 'Give a .jsonl file written by bitext align.' });
}

/** Parse a whole JSONL alignment text. Throws BitextError on the first invalid line. */
export function parseAlignmentJsonl(text: string, options: { file?: string } = {}): ParsedAlignment {
  const file = options.file;
  const v = new AlignmentJsonlValidator(file);
  let header: AlignmentHeader | undefined;
  const links: Link[] = [];
  const lines: number[] = [];
  let pos = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let lineNo = 0;
  let blankSince = 0;
  while (pos < text.length) {
    let nl = text.indexOf('\n', pos);
    if (nl < 0) nl = text.length;
    let lineText = text.slice(pos, nl);
    if (lineText.endsWith('\r')) lineText = lineText.slice(0, -1);
    pos = nl + 1;
    lineNo++;
    if (lineText.trim() === '') {
      if (!blankSince) blankSince = lineNo;
      continue;
    }
    if (blankSince) {
      v.log.push({ code: 'JSONL_BLANK_LINE', message: `blank line ${blankSince} skipped`, severity: 'info', file, line: blankSince });
      blankSince = 0;
    }
    if (!header) {
      if (lineNo !== 1) v.log.push({ code: 'JSONL_BLANK_LINE', message: 'blank lines before the header skipped', severity: 'info', file, line: 1 });
      header = v.readHeader(lineText, lineNo);
    } else {
      links.push(v.readLink(lineText, lineNo));
      lines.push(lineNo);
    }
  }
  if (!header) throw noHeader(file);
  return { alignment: { header, links }, lines, diagnostics: v.log.finish() };
}

/**
 * Streaming reader: yields the header, then each link as its line is read. Bytes are decoded as UTF-8 (BOM
 * skipped); memory holds one line plus the id sets. Same validation as parseAlignmentJsonl.
 */
export async function* iterateAlignmentJsonl(source: AsyncIterable<string | Uint8Array>, options: { file?: string; diagnostics?: Diagnostic[] } = {}): AsyncGenerator<JsonlItem> {
  for await (const batch of iterateAlignmentJsonlBatches(source, options)) yield* batch;
}

/**
 * `iterateAlignmentJsonl` one chunk of the source at a time: the items of the lines completed by each chunk, in an
 * array (a reader of a million links then takes one asynchronous step per chunk, not per link). On an invalid line
 * the items before it are yielded first, then the error is thrown, as the item reader does.
 */
export async function* iterateAlignmentJsonlBatches(source: AsyncIterable<string | Uint8Array>, options: { file?: string; diagnostics?: Diagnostic[] } = {}): AsyncGenerator<JsonlItem[]> {
  const file = options.file;
  const v = new AlignmentJsonlValidator(file);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let rest = '';
  let lineNo = 0;
  let sawHeader = false;
  let first = true;
  let byteOffset = 0;

  const handle = (raw: string): JsonlItem | undefined => {
    lineNo++;
    let t = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (first) {
      if (t.charCodeAt(0) === 0xfeff) t = t.slice(1);
      first = false;
    }
    if (t.trim() === '') return undefined;
    if (!sawHeader) {
      sawHeader = true;
      return { type: 'header', header: v.readHeader(t, lineNo), line: lineNo };
    }
    return { type: 'link', link: v.readLink(t, lineNo), line: lineNo };
  };

  const decode = (chunk: string | Uint8Array, stream: boolean): string => {
    if (typeof chunk === 'string') return chunk;
    try {
      const s = decoder.decode(chunk, { stream });
      byteOffset += chunk.length;
      return s;
    } catch {
      throw new BitextError('BAD_ENCODING', 'the alignment file is not valid UTF-8', { file, line: lineNo + 1, offset: byteOffset, hint: 'Alignment files are UTF-8; restore the file from version control.' });
    }
  };

  for await (const chunk of source) {
    rest += decode(chunk, true);
    let start = 0;
    let nl: number;
    const batch: JsonlItem[] = [];
    let failure: unknown;
    try {
      while ((nl = rest.indexOf('\n', start)) >= 0) {
        const item = handle(rest.slice(start, nl));
        start = nl + 1;
        if (item) batch.push(item);
      }
    } catch (err) {
      failure = err;
    }
    if (batch.length) yield batch;
    if (failure !== undefined) throw failure;
    rest = rest.slice(start);
    if (rest.length > MAX_JSONL_LINE_CHARS) {
      throw new BitextError('LINE_TOO_LONG', `line ${lineNo + 1} is longer than ${MAX_JSONL_LINE_CHARS} characters: this is not an alignment file`, { file, line: lineNo + 1 });
    }
  }
  rest += decode(new Uint8Array(0), false);
  if (rest.length) {
    const item = handle(rest);
    if (item) yield [item];
  }
  if (!sawHeader) throw noHeader(file);
  if (options.diagnostics) options.diagnostics.push(...v.log.finish());
}

/** Read a whole stream into a ParsedAlignment (diagnostics included). */
export async function collectAlignmentJsonl(source: AsyncIterable<string | Uint8Array>, options: { file?: string } = {}): Promise<ParsedAlignment> {
  const diagnostics: Diagnostic[] = [];
  let header: AlignmentHeader | undefined;
  const links: Link[] = [];
  const lines: number[] = [];
  for await (const item of iterateAlignmentJsonl(source, { ...options, diagnostics })) {
    if (item.type === 'header') header = item.header;
    else {
      links.push(item.link);
      lines.push(item.line);
    }
  }
  return { alignment: { header: header!, links }, lines, diagnostics };
}
