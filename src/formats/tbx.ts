/**
 * TBX term bases (TermBase eXchange).
 *
 * Reading (SAX, same safety as TMX): TBX v3 / ISO 30042:2019 `tbx/conceptEntry/langSec/termSec` in both styles —
 * DCA (`<termNote type="partOfSpeech">`) and DCT (namespaced `<min:partOfSpeech>`, `<basic:administrativeStatus>`) —
 * for the Basic, Core and Min dialects; TBX v2 / MARTIF (ISO 12200) `martif/termEntry/langSet/tig|ntig` as CAT
 * tools (MultiTerm, Lokalize, memoQ) still write it; the 2013 TBX-Min `entry/langGroup/termGroup`; and MultiTerm XML
 * (`mtf/conceptGrp/languageGrp/termGrp`, field labels such as "Definition", "Part of Speech", "Status").
 * Status: administrativeStatus (preferredTerm-admn-sts…), normativeAuthorization, usageStatus (TBX-Min:
 * preferred/admitted/notRecommended/obsolete) and termStatus are mapped to TermStatus ('forbidden' → deprecated).
 * Whitespace in term and note text is collapsed (pretty-printed files wrap long notes).
 *
 * Writing: TBX-Basic v3 (ISO 30042:2019, DCA style): subjectField, definition and note on the concept;
 * administrativeStatus, partOfSpeech, note and source (the term's origin) on each term.
 */
import { BitextError } from '../errors.js';
import { normalizeTag } from '../lang/tags.js';
import type { Concept, Diagnostic, Term, TermBase, TermStatus } from '../model/types.js';
import { VERSION } from '../version.js';
import { formatOrigin, normalizeTermStatus, parseOrigin, termRowsOf, type TermRow } from './termbase-table.js';
import { SafeXmlParser, XmlTextCleaner, escapeXmlAttr, escapeXmlText, localName } from './xml.js';

const CONCEPT = new Set(['conceptEntry', 'termEntry', 'entry', 'conceptGrp']);
const LANG = new Set(['langSec', 'langSet', 'langGroup', 'languageGrp']);
const TERMSEC = new Set(['termSec', 'tig', 'ntig', 'termGroup', 'termGrp']);
const ROOTS = new Set(['tbx', 'martif', 'TBX', 'mtf']);
/** Elements whose text content we read, by data category (DCA `type`) or element name (DCT / TBX-Min 2013). */
const FIELDS = new Set(['term', 'termNote', 'descrip', 'note', 'admin', 'partOfSpeech', 'administrativeStatus', 'normativeAuthorization', 'usageStatus', 'termStatus', 'subjectField', 'definition', 'source', 'customerSubset', 'context', 'termType', 'grammaticalGender', 'concept']);

/** Data-category names as tools spell them (DCA `type`, DCT element, MultiTerm field labels) → one key. */
const CATEGORY: Record<string, string> = {
  term: 'term', concept: 'concept',
  partofspeech: 'pos', pos: 'pos', wordclass: 'pos',
  administrativestatus: 'status', normativeauthorization: 'status', usagestatus: 'status', termstatus: 'status', status: 'status',
  subjectfield: 'domain', subject: 'domain', domain: 'domain', field: 'domain',
  definition: 'definition',
  source: 'source',
  note: 'note', comment: 'note', remark: 'note',
};

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** TBX status values → TermStatus (adds the TBX-specific words to normalizeTermStatus). */
function tbxStatus(value: string): TermStatus | undefined {
  const v = value.trim();
  const lower = v.toLowerCase();
  if (lower === 'notrecommended' || lower === 'not recommended') return 'deprecated';
  if (lower === 'deprecatedterm-admn-sts' || lower === 'forbidden' || lower === 'forbiddenterm-admn-sts') return 'deprecated';
  return normalizeTermStatus(v);
}

interface Frame {
  name: string;
  type?: string;
  buf: string;
  inDescripGrp: boolean;
}

class TbxSax {
  readonly concepts: Concept[] = [];
  readonly diagnostics: Diagnostic[] = [];
  parser!: SafeXmlParser;
  sawRoot = false;
  closedRoot = false;
  private rootLang: string | undefined;
  private concept: Concept | undefined;
  private conceptLine = 0;
  private lang: string | undefined;
  private term: (Partial<Term> & { notes: string[]; line: number; statusGiven: boolean }) | undefined;
  private field: Frame | undefined;
  private descripGrpDepth = 0;
  private inLang = false;
  private termElement = '';
  private n = 0;
  private readonly ids = new Set<string>();
  /** Line of the termSec/tig of each term read (for TermRow.line). */
  readonly termLines = new Map<Term, number>();

  constructor(private readonly file: string | undefined) {}

  private where() {
    return { file: this.file, line: this.parser.line, column: this.parser.column };
  }

  open(tag: { name: string; attributes: Record<string, string> }): void {
    const name = localName(tag.name);
    const a = tag.attributes;
    if (!this.sawRoot) {
      this.sawRoot = true;
      if (!ROOTS.has(name)) {
        throw new BitextError('WRONG_FORMAT', `this is not a TBX or MultiTerm XML file (its root element is <${tag.name}>)`, { ...this.where(), hint: 'Give a .tbx term base, or pass --from with the right format.' });
      }
      const rl = a['xml:lang'] ?? a.lang;
      if (rl) this.rootLang = normalizeTag(rl);
      return;
    }
    if (this.field) {
      // Inline markup inside a field (hi, foreign…): its text is part of the field.
      return;
    }
    if (name === 'descripGrp') {
      this.descripGrpDepth++;
      return;
    }
    if (CONCEPT.has(name)) {
      this.n++;
      let id = a.id ?? `c${this.n}`;
      if (this.ids.has(id)) {
        this.diagnostics.push({ code: 'TBX_DUPLICATE_ID', message: `concept id "${id}" is used twice; renamed`, severity: 'warning', file: this.file, line: this.parser.line });
        id = `${id}~${this.n}`;
      }
      this.ids.add(id);
      this.concept = { id, terms: [] };
      this.conceptLine = this.parser.line;
      return;
    }
    if (name === 'language' && this.inLang) {
      // MultiTerm XML: <languageGrp><language type="English" lang="EN-US"/>…
      const l = a.lang ?? a['xml:lang'];
      if (l) this.lang = normalizeTag(l);
      return;
    }
    if (LANG.has(name)) {
      this.inLang = true;
      const l = a['xml:lang'] ?? a.lang;
      if (name === 'languageGrp' && !l) {
        this.lang = undefined;
        return;
      }
      if (!l) this.diagnostics.push({ code: 'TBX_NO_LANG', message: `<${name}> has no xml:lang; the file language ${this.rootLang ?? '(none)'} is used`, severity: 'warning', file: this.file, line: this.parser.line });
      this.lang = l ? normalizeTag(l) : this.rootLang;
      return;
    }
    if (TERMSEC.has(name)) {
      // A termGrp inside an ntig belongs to the ntig's term.
      if (this.term) return;
      this.term = { notes: [], line: this.parser.line, statusGiven: false };
      this.termElement = name;
      return;
    }
    if (FIELDS.has(name)) {
      this.field = { name, type: a.type, buf: '', inDescripGrp: this.descripGrpDepth > 0 };
    }
  }

  private setConcept(key: 'domain' | 'definition', value: string): void {
    if (!this.concept || !value) return;
    if (this.concept[key] === undefined) this.concept[key] = value;
    else if (key === 'domain' && this.concept.domain !== value) this.concept.domain += `; ${value}`;
  }

  private fieldDone(f: Frame): void {
    const value = collapse(f.buf);
    const raw = f.name === 'termNote' || f.name === 'descrip' || f.name === 'admin' ? (f.type ?? '') : f.name;
    const cat = CATEGORY[raw.toLowerCase().replace(/[\s_-]+/g, '')] ?? '';
    const t = this.term;
    switch (cat) {
      case 'term':
        if (t) t.text = value;
        break;
      case 'concept':
        // MultiTerm XML: <conceptGrp><concept>17</concept>…: the entry number is the concept id.
        if (this.concept && value && !t && !this.ids.has(value) && /^c\d+$/.test(this.concept.id)) {
          this.ids.delete(this.concept.id);
          this.concept.id = value;
          this.ids.add(value);
        }
        break;
      case 'pos':
        if (t && value) t.pos = value;
        break;
      case 'status': {
        if (!t) break;
        const s = tbxStatus(value);
        if (s) {
          // administrativeStatus wins over usageStatus when both are given.
          if (!t.statusGiven || raw === 'administrativeStatus') t.status = s;
          t.statusGiven = true;
        } else if (value) this.diagnostics.push({ code: 'TBX_STATUS', message: `unknown ${raw} "${value}"`, severity: 'warning', file: this.file, line: this.parser.line });
        break;
      }
      case 'domain':
        this.setConcept('domain', value);
        break;
      case 'definition':
        this.setConcept('definition', value);
        break;
      case 'source':
        if (t && !f.inDescripGrp && value) t.origin = parseOrigin(value);
        break;
      case 'note':
        if (!value) break;
        if (t) t.notes.push(value);
        else if (this.concept) this.concept.note = this.concept.note ? `${this.concept.note}\n${value}` : value;
        break;
      default:
        break;
    }
  }

  close(tag: { name: string }): void {
    const name = localName(tag.name);
    if (this.field) {
      if (name !== this.field.name) return;
      const f = this.field;
      this.field = undefined;
      this.fieldDone(f);
      return;
    }
    if (name === 'descripGrp') {
      this.descripGrpDepth--;
      return;
    }
    if (TERMSEC.has(name)) {
      if (name !== this.termElement) return;
      const t = this.term;
      this.term = undefined;
      if (!t || !this.concept) return;
      if (!t.text) {
        this.diagnostics.push({ code: 'TBX_EMPTY_TERM', message: 'a term entry has no term text; skipped', severity: 'warning', file: this.file, line: t.line });
        return;
      }
      const lang = this.lang;
      if (!lang) {
        this.diagnostics.push({ code: 'TBX_NO_LANG', message: `term "${t.text}" has no language; skipped`, severity: 'warning', file: this.file, line: t.line });
        return;
      }
      const c = this.concept;
      const status: TermStatus = t.status ?? (c.terms.some((x) => x.lang === lang) ? 'admitted' : 'preferred');
      const term: Term = { lang, text: t.text, status };
      if (t.pos) term.pos = t.pos;
      if (t.notes.length) term.note = t.notes.join('\n');
      if (t.origin) term.origin = t.origin;
      c.terms.push(term);
      this.termLines.set(term, t.line);
      return;
    }
    if (LANG.has(name)) {
      this.lang = undefined;
      this.inLang = false;
      return;
    }
    if (CONCEPT.has(name)) {
      const c = this.concept;
      this.concept = undefined;
      if (!c) return;
      if (c.terms.length === 0) this.diagnostics.push({ code: 'TBX_EMPTY_CONCEPT', message: `concept ${c.id} has no terms`, severity: 'info', file: this.file, line: this.conceptLine });
      this.concepts.push(c);
      return;
    }
    if (ROOTS.has(name)) this.closedRoot = true;
  }

  text(s: string): void {
    if (this.field) this.field.buf += s;
  }
}

/** Read a TBX term base (v3 Basic/Core/Min in DCA or DCT style, v2 MARTIF, 2013 TBX-Min). */
export function readTbx(text: string, options: { file?: string } = {}): { termBase: TermBase; diagnostics: Diagnostic[]; rows: TermRow[] } {
  const file = options.file;
  if (text.trim() === '') throw new BitextError('EMPTY_FILE', 'the TBX file is empty', { file, line: 1 });
  const sax = new TbxSax(file);
  const xml = new SafeXmlParser({ open: (t) => sax.open(t), close: (t) => sax.close(t), text: (t) => sax.text(t) }, { file, code: 'TBX_MALFORMED', what: 'the TBX file' });
  sax.parser = xml;
  xml.write(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  xml.close();
  if (!sax.sawRoot) throw new BitextError('EMPTY_FILE', 'the TBX file has no XML content', { file, line: 1 });
  if (!sax.closedRoot) throw new BitextError('TBX_MALFORMED', 'the TBX file ends before its root element is closed (truncated?)', { file, line: xml.line, column: xml.column });
  const termBase = { concepts: sax.concepts };
  return { termBase, diagnostics: sax.diagnostics, rows: termRowsOf(termBase, (t) => sax.termLines.get(t) ?? 0) };
}

export interface TbxWriteOptions {
  /** Language of the file (root xml:lang), default 'en'. */
  lang?: string;
  diagnostics?: Diagnostic[];
}

const ADMIN_STATUS: Record<TermStatus, string> = {
  preferred: 'preferredTerm-admn-sts',
  admitted: 'admittedTerm-admn-sts',
  deprecated: 'deprecatedTerm-admn-sts',
  superseded: 'supersededTerm-admn-sts',
};

/** Write a TBX-Basic (ISO 30042:2019, DCA style) document. Deterministic. */
export function writeTbx(termBase: TermBase, options: TbxWriteOptions = {}): string {
  const cleaner = new XmlTextCleaner(options.diagnostics ?? []);
  const t = (s: string, where: string) => escapeXmlText(cleaner.clean(s, where));
  const a = (s: string, where: string) => escapeXmlAttr(cleaner.clean(s, where));
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<tbx type="TBX-Basic" style="dca" xml:lang="${a(options.lang ?? 'en', 'the header')}" xmlns="urn:iso:std:iso:30042:ed-2">`,
    '  <tbxHeader>',
    '    <fileDesc>',
    `      <sourceDesc><p>Written by bitext ${escapeXmlText(VERSION)}</p></sourceDesc>`,
    '    </fileDesc>',
    '  </tbxHeader>',
    '  <text>',
    '    <body>',
  ];
  for (const c of termBase.concepts) {
    const w = `concept ${c.id}`;
    out.push(`      <conceptEntry id="${a(c.id, w)}">`);
    if (c.domain) out.push(`        <descrip type="subjectField">${t(c.domain, w)}</descrip>`);
    if (c.definition) out.push(`        <descrip type="definition">${t(c.definition, w)}</descrip>`);
    // One <note> per line: readers collapse whitespace inside a note and join several notes with a newline.
    if (c.note) for (const line of c.note.split('\n')) out.push(`        <note>${t(line, w)}</note>`);
    const langs: string[] = [];
    for (const term of c.terms) if (!langs.includes(term.lang)) langs.push(term.lang);
    for (const lang of langs) {
      out.push(`        <langSec xml:lang="${a(lang, w)}">`);
      for (const term of c.terms.filter((x) => x.lang === lang)) {
        out.push('          <termSec>');
        out.push(`            <term>${t(term.text, w)}</term>`);
        if (term.pos) out.push(`            <termNote type="partOfSpeech">${t(term.pos, w)}</termNote>`);
        out.push(`            <termNote type="administrativeStatus">${ADMIN_STATUS[term.status] ?? ADMIN_STATUS.admitted}</termNote>`);
        if (term.note) for (const line of term.note.split('\n')) out.push(`            <note>${t(line, w)}</note>`);
        if (term.origin) out.push(`            <admin type="source">${t(formatOrigin(term.origin), w)}</admin>`);
        out.push('          </termSec>');
      }
      out.push('        </langSec>');
    }
    out.push('      </conceptEntry>');
  }
  out.push('    </body>', '  </text>', '</tbx>', '');
  return out.join('\n');
}
