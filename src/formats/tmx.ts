/**
 * TMX (Translation Memory eXchange, LISA/GALA TMX 1.4b; reads 1.1–1.4).
 *
 * Writing: `<tmx version="1.4">`, a header with every attribute the 1.4 DTD requires, one `<tu>` per link with
 * `<tuv xml:lang>` per non-empty side; a 1-2 link is one `<tu>` whose sides are the sentences joined (a space for
 * English, nothing for Chinese). Link id, score, status, sentence ids and the offsets where each joined sentence
 * starts are `<prop type="x-…">`, so bitext reads its own TMX back into the same links. Characters XML 1.0 cannot
 * carry are removed with a warning. Streaming writer for very large alignments.
 *
 * Reading: a SAX state machine (saxes via SafeXmlParser) that yields the header and then one unit at a time, so a
 * 1,000,000-unit file is read in bounded memory. `lang` (TMX 1.1–1.3) and `xml:lang`, per-unit srclang,
 * srclang="*all*", any number of languages per unit, inline markup (bpt/ept/ph/it/ut native codes are left out
 * of the plain text, hi keeps its text; `tagged` keeps the markup), props and notes. Segment text is kept exactly
 * (whitespace included: TMX §3.6 says seg content is significant).
 */
import { BitextError } from '../errors.js';
import { joinSentences, normalizeTag, primaryLanguage, regionalTag } from '../lang/tags.js';
import type { Alignment, AlignmentHeader, Diagnostic, Lang, Link, LinkSentence, LinkStatus } from '../model/types.js';
import { VERSION } from '../version.js';
import { ALIGNMENT_FORMAT, ALIGNMENT_VERSION, LINK_STATUSES, roundScore, type JsonlItem, type ParsedAlignment } from './jsonl.js';
import { DiagnosticLog, IdRegistry } from './registry.js';
import { SafeXmlParser, XmlTextCleaner, escapeXmlAttr, escapeXmlText, localName, xmlChunkDecoder } from './xml.js';

// ---------------------------------------------------------------------------------------------------------------
// Model

export interface TmxProp {
  type: string;
  value: string;
  lang?: string;
}

export interface TmxVariant {
  /** Language tag as written (xml:lang or lang), normalised casing ('eN-uS' → 'en-US'). */
  lang: string;
  /** Segment text without inline codes (bpt/ept/ph/it/ut content left out, hi/sub text kept inside hi only). */
  text: string;
  /** Segment content with inline markup kept as XML. Equal to escaped `text` when there is no markup. */
  tagged: string;
  /** Whether the segment had inline markup. */
  hasTags: boolean;
  props: TmxProp[];
  notes: string[];
  line: number;
}

export interface TmxUnit {
  tuid?: string;
  srclang?: string;
  attributes: Record<string, string>;
  props: TmxProp[];
  notes: string[];
  variants: TmxVariant[];
  /** Line of the `<tu>` start tag. */
  line: number;
}

export interface TmxHeader {
  /** `version` attribute of `<tmx>`. */
  version: string;
  attributes: Record<string, string>;
  srclang?: string;
  props: TmxProp[];
  notes: string[];
}

export interface TmxDocument {
  header: TmxHeader;
  units: TmxUnit[];
  diagnostics: Diagnostic[];
}

export type TmxItem = { type: 'header'; header: TmxHeader } | { type: 'unit'; unit: TmxUnit };

export interface TmxReadOptions {
  file?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// Reader

const CODE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut']);
const INLINE_ELEMENTS = new Set(['bpt', 'ept', 'ph', 'it', 'ut', 'hi', 'sub']);
const STRUCTURE = new Set(['tmx', 'header', 'body', 'tu', 'tuv', 'seg', 'prop', 'note']);

/** SAX handlers that turn TMX events into header/unit items pushed to `emit`. */
class TmxSax {
  private readonly stack: string[] = [];
  private header: TmxHeader | undefined;
  private headerEmitted = false;
  private unit: TmxUnit | undefined;
  private variant: TmxVariant | undefined;
  private textTarget: { kind: 'prop' | 'note'; type?: string; lang?: string; buf: string } | undefined;
  private inSeg = false;
  private codeDepth = 0;
  private segText = '';
  private segTagged = '';
  private segHasTags = false;
  private segSeen = false;
  sawRoot = false;
  closedRoot = false;
  unitCount = 0;
  readonly diagnostics = new DiagnosticLog();
  parser!: SafeXmlParser;

  constructor(
    private readonly file: string | undefined,
    private readonly emit: (item: TmxItem) => void,
  ) {}

  private where(): { file?: string; line: number; column: number } {
    return { file: this.file, line: this.parser.line, column: this.parser.column };
  }

  private emitHeader(): void {
    if (this.headerEmitted) return;
    this.headerEmitted = true;
    if (!this.header) {
      this.diagnostics.push({ code: 'TMX_NO_HEADER', message: 'the TMX file has no <header>', severity: 'warning', file: this.file });
      this.header = { version: '', attributes: {}, props: [], notes: [] };
    }
    this.emit({ type: 'header', header: this.header });
  }

  open(tag: { name: string; attributes: Record<string, string> }): void {
    const name = localName(tag.name);
    const attrs = tag.attributes;
    const parent = this.stack[this.stack.length - 1];
    this.stack.push(name);
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (name !== 'tmx') {
        throw new BitextError('WRONG_FORMAT', `this is not a TMX file (its root element is <${tag.name}>)`, { ...this.where(), hint: 'Give a .tmx translation memory, or pass --from with the right format.' });
      }
      const version = attrs.version ?? '';
      if (!/^1\.[1-4]/.test(version)) {
        this.diagnostics.push({ code: 'TMX_VERSION', message: `TMX version "${version}" is not 1.1–1.4; reading it as 1.4`, severity: 'info', file: this.file, line: this.parser.line });
      }
      this.header = { version, attributes: {}, props: [], notes: [] };
      return;
    }
    if (this.inSeg && STRUCTURE.has(name)) {
      throw new BitextError('TMX_MALFORMED', `<${tag.name}> inside a <seg>: the segment is not closed`, this.where());
    }
    if (this.inSeg) {
      if (INLINE_ELEMENTS.has(name)) {
        this.segHasTags = true;
        if (CODE_ELEMENTS.has(name)) this.codeDepth++;
      } else {
        this.diagnostics.push({ code: 'TMX_UNKNOWN_INLINE', message: `unknown element <${tag.name}> inside <seg>; its text is kept`, severity: 'warning', file: this.file, line: this.parser.line });
      }
      this.segTagged += `<${name}${Object.entries(attrs).map(([k, v]) => ` ${k}="${escapeXmlAttr(v)}"`).join('')}>`;
      return;
    }
    switch (name) {
      case 'header': {
        const h = this.header!;
        h.attributes = { ...attrs };
        const src = attrs.srclang;
        if (src) h.srclang = src === '*all*' ? src : normalizeTag(src);
        break;
      }
      case 'body':
        this.emitHeader();
        break;
      case 'tu': {
        if (this.unit) throw new BitextError('TMX_MALFORMED', '<tu> inside another <tu>', this.where());
        this.emitHeader();
        const u: TmxUnit = { attributes: { ...attrs }, props: [], notes: [], variants: [], line: this.parser.line };
        if (attrs.tuid !== undefined) u.tuid = attrs.tuid;
        if (attrs.srclang) u.srclang = attrs.srclang === '*all*' ? attrs.srclang : normalizeTag(attrs.srclang);
        this.unit = u;
        break;
      }
      case 'tuv': {
        if (!this.unit || this.variant) throw new BitextError('TMX_MALFORMED', this.variant ? '<tuv> inside another <tuv>' : '<tuv> outside a <tu>', this.where());
        const lang = attrs['xml:lang'] ?? attrs.lang ?? '';
        this.variant = { lang: lang ? normalizeTag(lang) : '', text: '', tagged: '', hasTags: false, props: [], notes: [], line: this.parser.line };
        this.segSeen = false;
        break;
      }
      case 'seg':
        if (!this.variant || this.segSeen) throw new BitextError('TMX_MALFORMED', this.variant ? 'a <tuv> with two <seg>' : '<seg> outside a <tuv>', this.where());
        this.inSeg = true;
        this.segSeen = true;
        this.codeDepth = 0;
        this.segText = '';
        this.segTagged = '';
        this.segHasTags = false;
        break;
      case 'prop':
      case 'note':
        this.textTarget = { kind: name, type: attrs.type, lang: attrs['xml:lang'] ?? attrs.lang, buf: '' };
        break;
      default:
        if (parent === 'tmx' || name === 'ude' || name === 'map') break;
        break;
    }
  }

  close(tag: { name: string }): void {
    const name = localName(tag.name);
    this.stack.pop();
    if (this.inSeg && name !== 'seg') {
      if (CODE_ELEMENTS.has(name)) this.codeDepth--;
      this.segTagged += `</${name}>`;
      return;
    }
    switch (name) {
      case 'seg': {
        this.inSeg = false;
        const v = this.variant;
        if (!v) break;
        v.text = this.segText;
        v.tagged = this.segTagged;
        v.hasTags = this.segHasTags;
        break;
      }
      case 'tuv': {
        const v = this.variant;
        this.variant = undefined;
        if (!v || !this.unit) break;
        if (!this.segSeen) this.diagnostics.push({ code: 'TMX_NO_SEG', message: 'a <tuv> has no <seg>; read as empty', severity: 'warning', file: this.file, line: v.line });
        if (!v.lang) {
          this.diagnostics.push({ code: 'TMX_NO_LANG', message: 'a <tuv> has no xml:lang; skipped', severity: 'warning', file: this.file, line: v.line });
          break;
        }
        this.unit.variants.push(v);
        break;
      }
      case 'tu': {
        const u = this.unit;
        this.unit = undefined;
        if (!u) break;
        this.unitCount++;
        this.emit({ type: 'unit', unit: u });
        break;
      }
      case 'prop':
      case 'note': {
        const t = this.textTarget;
        this.textTarget = undefined;
        if (!t) break;
        const owner = this.variant ?? this.unit ?? this.header;
        if (!owner) break;
        if (t.kind === 'note') owner.notes.push(t.buf);
        else {
          const p: TmxProp = { type: t.type ?? '', value: t.buf };
          if (t.lang) p.lang = t.lang;
          owner.props.push(p);
        }
        break;
      }
      case 'tmx':
        this.emitHeader();
        this.closedRoot = true;
        break;
      default:
        break;
    }
  }

  text(text: string): void {
    if (this.inSeg) {
      if (this.codeDepth === 0) this.segText += text;
      this.segTagged += escapeXmlText(text);
    } else if (this.textTarget) this.textTarget.buf += text;
  }

  finish(): void {
    if (!this.sawRoot) {
      throw new BitextError('EMPTY_FILE', 'the TMX file has no XML content', { file: this.file, line: 1, hint: 'The file is empty or not XML.' });
    }
    if (!this.closedRoot) throw new BitextError('TMX_MALFORMED', 'the TMX file ends before </tmx> (truncated?)', this.where());
  }
}

function makeTmxParser(file: string | undefined, emit: (item: TmxItem) => void): { sax: TmxSax; xml: SafeXmlParser } {
  const sax = new TmxSax(file, emit);
  const xml = new SafeXmlParser(
    { open: (t) => sax.open(t), close: (t) => sax.close(t), text: (t) => sax.text(t) },
    { file, code: 'TMX_MALFORMED', what: 'the TMX file' },
  );
  sax.parser = xml;
  return { sax, xml };
}

/** Read a whole TMX text. Throws BitextError (TMX_MALFORMED/XML_UNSAFE/WRONG_FORMAT/EMPTY_FILE) with line and column. */
export function readTmx(text: string, options: TmxReadOptions = {}): TmxDocument {
  let header: TmxHeader | undefined;
  const units: TmxUnit[] = [];
  const { sax, xml } = makeTmxParser(options.file, (item) => {
    if (item.type === 'header') header = item.header;
    else units.push(item.unit);
  });
  if (text.trim() === '') throw new BitextError('EMPTY_FILE', 'the TMX file is empty', { file: options.file, line: 1 });
  xml.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  xml.close();
  sax.finish();
  return { header: header!, units, diagnostics: sax.diagnostics.finish() };
}

/**
 * Streaming TMX reader: bytes (or already decoded strings) in, header then units out, in bounded memory.
 * Encoding sniffed from the bytes (BOM / UTF-16 pattern / UTF-8), never from the XML declaration.
 * `diagnostics` (optional) receives the non-fatal problems as they are found.
 */
export async function* iterateTmx(source: AsyncIterable<string | Uint8Array>, options: TmxReadOptions & { diagnostics?: Diagnostic[] } = {}): AsyncGenerator<TmxItem> {
  const queue: TmxItem[] = [];
  const { sax, xml } = makeTmxParser(options.file, (item) => queue.push(item));
  const decode = xmlChunkDecoder(options.file);
  let first = true;
  let any = false;
  for await (const chunk of source) {
    let s = typeof chunk === 'string' ? chunk : decode(chunk, false);
    if (first && s.length) {
      if (s.charCodeAt(0) === 0xfeff) s = s.slice(1);
      first = false;
    }
    if (s.trim()) any = true;
    if (s) xml.write(s);
    while (queue.length) yield queue.shift()!;
  }
  const tail = decode(new Uint8Array(0), true);
  if (tail) {
    if (tail.trim()) any = true;
    xml.write(tail);
  }
  if (!any) throw new BitextError('EMPTY_FILE', 'the TMX file is empty', { file: options.file, line: 1 });
  xml.close();
  sax.finish();
  while (queue.length) yield queue.shift()!;
  if (options.diagnostics) options.diagnostics.push(...sax.diagnostics.finish());
}

// ---------------------------------------------------------------------------------------------------------------
// TMX → alignment

export interface TmxToAlignmentOptions {
  /** Language to read as source (matched exactly, then on the primary language). Default: header srclang, else the first language of the first unit. */
  srcLang?: Lang;
  tgtLang?: Lang;
  file?: string;
  /** Use the segment with its inline markup as the sentence text (default: plain text, tags flattened with a warning). */
  keepTags?: boolean;
}

function propValue(props: TmxProp[], type: string): string | undefined {
  return props.find((p) => p.type === type)?.value;
}

function pickVariant(variants: TmxVariant[], lang: Lang, other: Lang | undefined): TmxVariant[] {
  const exact = variants.filter((v) => v.lang.toLowerCase() === lang.toLowerCase());
  if (exact.length) return exact;
  const p = primaryLanguage(lang);
  // en-US ↔ en-GB: when both sides share a primary language only exact tags can tell them apart.
  if (other && primaryLanguage(other) === p) return [];
  return variants.filter((v) => primaryLanguage(v.lang) === p);
}

/** Split a joined side back into its sentences using the x-*-breaks offsets bitext writes. */
function splitSide(text: string, ids: string[] | undefined, breaks: string | undefined): string[] {
  if (!ids || ids.length <= 1) return [text];
  if (!breaks) return [text];
  const offs = breaks.split(/\s+/).filter(Boolean).map(Number);
  if (offs.length !== ids.length - 1 || offs.some((n, i) => !Number.isInteger(n) || n <= 0 || n > text.length || (i > 0 && n < offs[i - 1]))) return [text];
  const parts: string[] = [];
  let prev = 0;
  for (const o of offs) {
    parts.push(text.slice(prev, o));
    prev = o;
  }
  parts.push(text.slice(prev));
  // Separators were written as one space at the end of each part (space-separated languages).
  return parts.map((p, i) => (i < parts.length - 1 && p.endsWith(' ') ? p.slice(0, -1) : p));
}

/** Turns TMX units into links one at a time (used by the whole-file and the streaming reader). */
export class TmxAlignmentBuilder {
  srcLang: Lang | undefined;
  tgtLang: Lang | undefined;
  header: AlignmentHeader | undefined;
  readonly diagnostics = new DiagnosticLog();
  private readonly linkIds = new IdRegistry();
  private readonly sentIds = { src: new IdRegistry(), tgt: new IdRegistry() };
  private readonly counters = { src: 0, tgt: 0 };
  private n = 0;
  private readonly extraLangs = new Map<string, number>();
  private flattened = 0;
  private tmxHeader: TmxHeader | undefined;

  constructor(private readonly options: TmxToAlignmentOptions = {}) {
    this.srcLang = options.srcLang;
    this.tgtLang = options.tgtLang;
  }

  setHeader(h: TmxHeader): void {
    this.tmxHeader = h;
    if (!this.srcLang && h.srclang && h.srclang !== '*all*') this.srcLang = h.srclang;
  }

  private decideLangs(unit: TmxUnit): void {
    if (!this.srcLang) this.srcLang = unit.srclang && unit.srclang !== '*all*' ? unit.srclang : unit.variants[0]?.lang;
    if (!this.tgtLang && this.srcLang) {
      const src = this.srcLang;
      const other =
        unit.variants.find((v) => primaryLanguage(v.lang) !== primaryLanguage(src)) ??
        unit.variants.find((v) => v.lang.toLowerCase() !== src.toLowerCase());
      if (other) this.tgtLang = other.lang;
    }
  }

  /** The alignment header (built when the languages are known). */
  buildHeader(): AlignmentHeader {
    if (this.header) return this.header;
    const h = this.tmxHeader;
    const src = this.srcLang ?? 'en';
    const tgt = this.tgtLang ?? 'zh';
    const own = h ? propValue(h.props, 'x-bitext-header') : undefined;
    if (own) {
      try {
        const parsed = JSON.parse(own) as AlignmentHeader;
        if (parsed && parsed.format === ALIGNMENT_FORMAT && typeof parsed.srcLang === 'string' && typeof parsed.tgtLang === 'string' && primaryLanguage(parsed.srcLang) === primaryLanguage(src) && primaryLanguage(parsed.tgtLang) === primaryLanguage(tgt)) {
          this.header = parsed;
          return parsed;
        }
      } catch {
        /* not ours: build one */
      }
    }
    this.header = {
      format: ALIGNMENT_FORMAT,
      version: ALIGNMENT_VERSION,
      srcLang: src,
      tgtLang: tgt,
      sources: this.options.file ? [{ role: 'bilingual', file: this.options.file }] : [],
      tool: { name: h?.attributes.creationtool ?? 'unknown', version: h?.attributes.creationtoolversion ?? '' },
    };
    return this.header;
  }

  private sentences(side: 'src' | 'tgt', lang: Lang, variants: TmxVariant[], unit: TmxUnit): LinkSentence[] {
    if (variants.length === 0) return [];
    if (variants.length > 1) {
      this.diagnostics.push({ code: 'TMX_DUPLICATE_LANG', message: `unit has ${variants.length} ${lang} variants; the first is used`, severity: 'warning', file: this.options.file, line: unit.line });
    }
    const v = variants[0];
    if (v.hasTags && !this.options.keepTags) this.flattened++;
    const text = this.options.keepTags ? v.tagged : v.text;
    const idsProp = propValue(unit.props, `x-${side}-ids`);
    let ids = idsProp ? idsProp.split(/\s+/).filter(Boolean) : undefined;
    const texts = splitSide(text, ids, propValue(unit.props, `x-${side}-breaks`));
    if (ids && ids.length > 1 && texts.length === 1) {
      // The segment was edited since bitext wrote it: keep it as one sentence under the first id.
      this.diagnostics.push({ code: 'TMX_SENTENCES_MERGED', message: `the ${side === 'src' ? 'source' : 'target'} sentences ${ids.join(', ')} cannot be split again; read as one sentence`, severity: 'info', file: this.options.file, line: unit.line });
      ids = [ids[0]];
    }
    if (!ids || ids.length !== texts.length || ids.some((id) => this.sentIds[side].has(id)) || new Set(ids).size !== ids.length) ids = undefined;
    const out: LinkSentence[] = [];
    texts.forEach((t, i) => {
      let id = ids?.[i];
      if (!id) {
        do id = `${primaryLanguage(lang)}.${this.counters[side]++}`;
        while (this.sentIds[side].has(id));
      }
      this.sentIds[side].add(id);
      out.push({ id, text: t });
    });
    return out;
  }

  /** The link for one unit (undefined when the unit has neither language). */
  unit(unit: TmxUnit): { link: Link; line: number } | undefined {
    this.decideLangs(unit);
    this.buildHeader();
    const src = this.srcLang!;
    const tgt = this.tgtLang ?? '';
    const srcVs = pickVariant(unit.variants, src, tgt || undefined);
    const tgtVs = tgt ? pickVariant(unit.variants, tgt, src) : [];
    for (const v of unit.variants) {
      if (!srcVs.includes(v) && !tgtVs.includes(v)) this.extraLangs.set(v.lang, (this.extraLangs.get(v.lang) ?? 0) + 1);
    }
    if (srcVs.length === 0 && tgtVs.length === 0) {
      this.diagnostics.push({ code: 'TMX_UNIT_SKIPPED', message: `unit has no ${src} or ${tgt || 'target'} segment; skipped`, severity: 'warning', file: this.options.file, line: unit.line });
      return undefined;
    }
    if (srcVs.length === 0 || tgtVs.length === 0) {
      this.diagnostics.push({ code: 'TMX_ONE_SIDED', message: `unit has only a ${srcVs.length ? src : tgt} segment; read as a one-sided link`, severity: 'info', file: this.options.file, line: unit.line });
    }
    this.n++;
    let id = propValue(unit.props, 'x-link-id') ?? unit.tuid ?? `L${this.n}`;
    if (!id || this.linkIds.has(id)) {
      let k = this.n;
      while (this.linkIds.has(`L${k}`)) k++;
      id = `L${k}`;
    }
    this.linkIds.add(id);
    const scoreProp = propValue(unit.props, 'x-score');
    const score = scoreProp !== undefined && Number.isFinite(Number(scoreProp)) && Number(scoreProp) >= 0 && Number(scoreProp) <= 1 ? Number(scoreProp) : 1;
    const statusProp = propValue(unit.props, 'x-status') as LinkStatus | undefined;
    const status: LinkStatus = statusProp && LINK_STATUSES.includes(statusProp) ? statusProp : scoreProp === undefined ? 'confirmed' : 'auto';
    const link: Link = { id, src: this.sentences('src', src, srcVs, unit), tgt: this.sentences('tgt', tgt || 'und', tgtVs, unit), score, status };
    if (unit.notes.length) link.note = unit.notes.join('\n');
    return { link, line: unit.line };
  }

  /** Summary warnings (third languages, flattened tags) once the file is read. */
  finish(): Diagnostic[] {
    for (const [lang, count] of [...this.extraLangs].sort()) {
      this.diagnostics.push({ code: 'TMX_EXTRA_LANGUAGE', message: `${count} segment(s) in ${lang} are not ${this.srcLang} or ${this.tgtLang} and were left out`, severity: 'warning', file: this.options.file });
    }
    if (this.flattened) {
      this.diagnostics.push({ code: 'TMX_TAGS_FLATTENED', message: `inline tags (formatting codes) in ${this.flattened} segment(s) were dropped; use --keep-tags to keep them as text`, severity: 'warning', file: this.options.file });
    }
    return this.diagnostics.finish();
  }
}

/** A TMX document as a bitext alignment (two of its languages), with diagnostics for what was left out. */
export function tmxToAlignment(doc: TmxDocument, options: TmxToAlignmentOptions = {}): ParsedAlignment {
  const b = new TmxAlignmentBuilder(options);
  b.setHeader(doc.header);
  const links: Link[] = [];
  const lines: number[] = [];
  for (const u of doc.units) {
    const r = b.unit(u);
    if (r) {
      links.push(r.link);
      lines.push(r.line);
    }
  }
  const header = b.buildHeader();
  return { alignment: { header, links }, lines, diagnostics: [...doc.diagnostics, ...b.finish()] };
}

/** Parse a TMX text straight to an alignment. */
export function parseTmxAlignment(text: string, options: TmxToAlignmentOptions = {}): ParsedAlignment {
  return tmxToAlignment(readTmx(text, { file: options.file }), options);
}

/** Streaming TMX → alignment items (header first, emitted when the first unit fixes the languages). */
export async function* iterateTmxAlignment(source: AsyncIterable<string | Uint8Array>, options: TmxToAlignmentOptions & { diagnostics?: Diagnostic[] } = {}): AsyncGenerator<JsonlItem> {
  const b = new TmxAlignmentBuilder(options);
  let headerSent = false;
  for await (const item of iterateTmx(source, { file: options.file, diagnostics: options.diagnostics })) {
    if (item.type === 'header') {
      b.setHeader(item.header);
      continue;
    }
    const r = b.unit(item.unit);
    if (!headerSent) {
      headerSent = true;
      yield { type: 'header', header: b.buildHeader(), line: 1 };
    }
    if (r) yield { type: 'link', link: r.link, line: r.line };
  }
  if (!headerSent) yield { type: 'header', header: b.buildHeader(), line: 1 };
  const d = b.finish();
  if (options.diagnostics) options.diagnostics.push(...d);
}

// ---------------------------------------------------------------------------------------------------------------
// Writer

export interface TmxWriteOptions {
  /** Creation date written on the header and units (default: now). Pass one for reproducible output. */
  date?: Date;
  /** TMX language tags (default: regional tags of the alignment languages, e.g. en-US, zh-CN). */
  srcLang?: Lang;
  tgtLang?: Lang;
  creationTool?: string;
  creationToolVersion?: string;
  adminLang?: string;
  datatype?: string;
  /** Write link id/score/status/sentence ids as props (default true). */
  props?: boolean;
  /**
   * For a translation memory: leave out rejected links and links with an empty side (they are not translations).
   * Off by default so that bitext's own TMX keeps every link.
   */
  translationsOnly?: boolean;
}

/** `YYYYMMDDThhmmssZ` (TMX 1.4 §3.2 date format, UTC). */
export function tmxDate(d: Date): string {
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  return `${p(d.getUTCFullYear(), 4)}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}T${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}Z`;
}

interface TmxWriteState {
  src: string;
  tgt: string;
  srcAttr: string;
  tgtAttr: string;
  date: string;
  props: boolean;
  cleaner: XmlTextCleaner;
}

function writeState(header: AlignmentHeader, options: TmxWriteOptions, diagnostics: Diagnostic[]): TmxWriteState {
  const src = regionalTag(options.srcLang ?? header.srcLang);
  const tgt = regionalTag(options.tgtLang ?? header.tgtLang);
  return {
    src,
    tgt,
    srcAttr: escapeXmlAttr(src),
    tgtAttr: escapeXmlAttr(tgt),
    date: tmxDate(options.date ?? new Date()),
    props: options.props ?? true,
    cleaner: new XmlTextCleaner(diagnostics),
  };
}

export function tmxPrologue(header: AlignmentHeader, options: TmxWriteOptions = {}, diagnostics: Diagnostic[] = []): string {
  const st = writeState(header, options, diagnostics);
  const attrs: Array<[string, string]> = [
    ['creationtool', options.creationTool ?? 'bitext'],
    ['creationtoolversion', options.creationToolVersion ?? VERSION],
    ['segtype', 'sentence'],
    ['o-tmf', 'bitext-alignment'],
    ['adminlang', options.adminLang ?? 'en-US'],
    ['srclang', st.src],
    ['datatype', options.datatype ?? 'plaintext'],
    ['creationdate', st.date],
  ];
  const headerJson = JSON.stringify(header);
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n' +
    `  <header ${attrs.map(([k, v]) => `${k}="${escapeXmlAttr(v)}"`).join(' ')}>\n` +
    `    <prop type="x-bitext-header">${escapeXmlText(st.cleaner.clean(headerJson, 'the header'))}</prop>\n` +
    '  </header>\n  <body>\n'
  );
}

export const TMX_EPILOGUE = '  </body>\n</tmx>\n';

/** One side of a link as one segment: texts joined (space or nothing by language) and the offsets where each sentence after the first starts. */
function sideSeg(texts: string[], lang: Lang): { text: string; breaks: string } {
  if (texts.length === 1) return { text: texts[0], breaks: '' };
  const text = joinSentences(texts, lang);
  let total = 0;
  for (const t of texts) total += t.length;
  const sep = text.length > total ? 1 : 0;
  const breaks: number[] = [];
  let pos = 0;
  for (let i = 0; i < texts.length - 1; i++) {
    pos += texts[i].length + sep;
    breaks.push(pos);
  }
  return { text, breaks: breaks.join(' ') };
}

function tmxUnit(link: Link, st: TmxWriteState): string {
  const cleaner = st.cleaner;
  const where = link.id;
  const clean = (t: string) => cleaner.clean(t, `link ${where}`);
  const c = (t: string) => escapeXmlText(clean(t));
  const srcTexts = link.src.map((x) => clean(x.text));
  const tgtTexts = link.tgt.map((x) => clean(x.text));
  const src = srcTexts.length ? sideSeg(srcTexts, st.src) : undefined;
  const tgt = tgtTexts.length ? sideSeg(tgtTexts, st.tgt) : undefined;
  const id = c(link.id);
  let out = `    <tu tuid="${escapeXmlAttr(clean(link.id))}" creationdate="${st.date}">\n`;
  if (st.props) {
    out += `      <prop type="x-link-id">${id}</prop>\n      <prop type="x-score">${roundScore(link.score)}</prop>\n      <prop type="x-status">${c(link.status)}</prop>\n`;
    if (src) out += `      <prop type="x-src-ids">${c(link.src.map((s) => s.id).join(' '))}</prop>\n`;
    if (src?.breaks) out += `      <prop type="x-src-breaks">${src.breaks}</prop>\n`;
    if (tgt) out += `      <prop type="x-tgt-ids">${c(link.tgt.map((s) => s.id).join(' '))}</prop>\n`;
    if (tgt?.breaks) out += `      <prop type="x-tgt-breaks">${tgt.breaks}</prop>\n`;
  }
  if (link.note !== undefined) out += `      <note>${c(link.note)}</note>\n`;
  if (src) out += `      <tuv xml:lang="${st.srcAttr}"><seg>${escapeXmlText(src.text)}</seg></tuv>\n`;
  if (tgt) out += `      <tuv xml:lang="${st.tgtAttr}"><seg>${escapeXmlText(tgt.text)}</seg></tuv>\n`;
  return out + '    </tu>\n';
}

/** Links with no sentence at all cannot be a `<tu>` (it needs one `<tuv>`): they are left out with a warning. */
function writable(link: Link, diagnostics: Diagnostic[], options: TmxWriteOptions): boolean {
  if (options.translationsOnly && (link.status === 'rejected' || !link.src.length || !link.tgt.length)) {
    diagnostics.push({ code: 'TMX_NOT_A_TRANSLATION', message: `link ${link.id} is ${link.status === 'rejected' ? 'rejected' : 'one-sided'} and is left out of the translation memory`, severity: 'info' });
    return false;
  }
  if (link.src.length || link.tgt.length) return true;
  diagnostics.push({ code: 'TMX_EMPTY_LINK', message: `link ${link.id} has no sentence and is not written`, severity: 'warning' });
  return false;
}

/** TMX text chunks for an alignment, one chunk per ~`unitsPerChunk` units (for atomic streaming writes). */
export function* writeTmxChunks(header: AlignmentHeader, links: Iterable<Link>, options: TmxWriteOptions = {}, diagnostics: Diagnostic[] = [], unitsPerChunk = 500): Generator<string> {
  const st = writeState(header, options, diagnostics);
  yield tmxPrologue(header, options, diagnostics);
  let buf = '';
  let n = 0;
  for (const link of links) {
    if (!writable(link, diagnostics, options)) continue;
    buf += tmxUnit(link, st);
    if (++n >= unitsPerChunk) {
      yield buf;
      buf = '';
      n = 0;
    }
  }
  yield buf + TMX_EPILOGUE;
}

/** Same as writeTmxChunks for links that arrive asynchronously (e.g. streamed from a JSONL file). */
export async function* writeTmxStream(header: AlignmentHeader, links: AsyncIterable<Link> | Iterable<Link>, options: TmxWriteOptions = {}, diagnostics: Diagnostic[] = [], unitsPerChunk = 500): AsyncGenerator<string> {
  const st = writeState(header, options, diagnostics);
  yield tmxPrologue(header, options, diagnostics);
  let buf = '';
  let n = 0;
  for await (const link of links) {
    if (!writable(link, diagnostics, options)) continue;
    buf += tmxUnit(link, st);
    if (++n >= unitsPerChunk) {
      yield buf;
      buf = '';
      n = 0;
    }
  }
  yield buf + TMX_EPILOGUE;
}

/** The whole TMX text of an alignment plus what could not be written as is. */
export function writeTmx(alignment: Alignment, options: TmxWriteOptions = {}): { text: string; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const text = [...writeTmxChunks(alignment.header, alignment.links, options, diagnostics)].join('');
  return { text, diagnostics: dedupeDiagnostics(diagnostics) };
}

/** Collapse repeated identical diagnostics (the prologue is built twice by the chunk writer). */
export function dedupeDiagnostics(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = JSON.stringify(d);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
