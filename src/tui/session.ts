/**
 * The review screen's I/O edge: open an alignment file (and its crash journal), save it atomically, load the term
 * base from the glossary folder for the terms panel, and add reviewed term pairs to `glossary/reviewed.csv`.
 */
import path from 'node:path';
import { readBytes, sha256, writeFileAtomic, listFiles, fileExists } from '../io/files.js';
// Only the JSONL reader and writer are needed for the first screen of a .jsonl file; the other formats, the term base
// (with the OpenCC tables and the pinyin dictionary) and the glossary reader are imported when used: loading them
// costs more CPU than Ink itself once Ink is bundled (start-up of `bitext review`, bench/tui.bench.mjs).
import { AlignmentJsonlValidator, serializeAlignmentJsonl } from '../formats/jsonl.js';
import type { TermMatcher } from '../terms/index.js';
import { BitextError } from '../errors.js';
import { sameLanguage } from '../lang/tags.js';
import type { AlignmentHeader, Concept, Diagnostic, Finding, Link, TermBase } from '../model/types.js';
import { existsSync } from 'node:fs';
import { Journal, readJournal, writerAlive } from './journal.js';
import { runChecksOn } from './commands.js';
import { linkText } from './state.js';
import type { NewTermPair, ReviewSession, TermHit } from './ReviewApp.js';

export interface OpenOptions {
  /** The file's bytes, when the caller started reading it already (`bitext review` reads while Ink loads). */
  bytes?: Promise<Uint8Array>;
  /** Folder of the term base (default: glossary/ next to the working directory). */
  glossaryDir?: string;
  findings?: Finding[];
  /** Relative name shown to the user and written as term origin (default: the path as given). */
  displayName?: string;
  /** No crash journal (tests of the screen that do not need one). */
  noJournal?: boolean;
  /** The glossary folder as the user named it (messages). */
  glossaryDisplay?: string;
  /** Run `bitext check` on the file (in-process) for the findings panel, from this working folder. */
  checkFrom?: string;
}

/**
 * Links read before the screen first draws (a screen shows at most a few dozen; these cover paging down a while); the
 * rest are read in the background, so a 100,000-link file opens at once. Parsing is ~40 µs a link: 2,000 cost ~80 ms
 * of the first screen's CPU, 500 ~20 ms.
 */
export const FIRST_SCREEN_LINKS = 500;
/** Background reading: links handed to the screen at a time (each hand-over redraws the screen, ~25 ms)… */
const CHUNK_LINKS = 5000;
/** …parsed in slices this small, with a turn of the event loop between them, so that a key waits ~20 ms at most. */
const SLICE_LINKS = 500;

export interface OpenedSession extends ReviewSession {
  /** Problems reading the glossary, for the CLI to print before the screen opens. */
  diagnostics: Diagnostic[];
  journalPath?: string;
}

/** The file name review writes new term pairs to, inside the glossary folder. */
export const REVIEW_GLOSSARY = 'reviewed.csv';
const ioFormats = () => import('../io/formats.js');
let termsLib: typeof import('../terms/index.js') | undefined;
const loadTermsLib = async () => (termsLib ??= await import('../terms/index.js'));

/**
 * Incremental reader of a JSONL alignment held in memory as bytes: lines are cut on byte 0x0A, decoded as strict
 * UTF-8 (TextDecoder fatal) and validated by the formats area's AlignmentJsonlValidator, a chunk at a time.
 */
class IncrementalJsonl {
  private pos: number;
  private lineNo = 0;
  readonly validator: AlignmentJsonlValidator;
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  header: AlignmentHeader | undefined;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
  ) {
    this.validator = new AlignmentJsonlValidator(file);
    this.pos = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  }

  get done(): boolean {
    return this.pos >= this.bytes.length;
  }

  get fraction(): number {
    return this.bytes.length ? this.pos / this.bytes.length : 1;
  }

  /** Read up to `max` links (and the header first). */
  next(max: number): Link[] {
    const out: Link[] = [];
    const b = this.bytes;
    while (this.pos < b.length && out.length < max) {
      let nl = b.indexOf(0x0a, this.pos);
      if (nl < 0) nl = b.length;
      const start = this.pos;
      this.pos = nl + 1;
      this.lineNo++;
      let text: string;
      try {
        text = this.decoder.decode(b.subarray(start, nl));
      } catch {
        throw new BitextError('BAD_ENCODING', 'the alignment file is not valid UTF-8', { file: this.file, line: this.lineNo, hint: 'Alignment files are UTF-8; restore the file from version control.' });
      }
      if (text.endsWith('\r')) text = text.slice(0, -1);
      if (text.trim() === '') continue;
      if (!this.header) this.header = this.validator.readHeader(text, this.lineNo);
      else out.push(this.validator.readLink(text, this.lineNo));
    }
    if (this.done && !this.header) throw new BitextError('EMPTY_FILE', 'the alignment file is empty (no header line)', { file: this.file, line: 1, hint: 'Give a .jsonl file written by bitext align.' });
    return out;
  }
}

export async function openReviewSession(file: string, options: OpenOptions = {}): Promise<OpenedSession> {
  const bytes = await (options.bytes ?? readBytes(file));
  const diagnostics: Diagnostic[] = [];
  // JSONL (the native file) is read incrementally; TMX, CSV/TSV, XLSX and .align files through the formats area, whole.
  const format = /\.jsonl$/i.test(file) ? 'jsonl' : ((await ioFormats()).alignmentFormatOf(file) ?? 'jsonl');
  let reader: IncrementalJsonl | undefined;
  let firstLinks: Link[];
  let header: AlignmentHeader;
  if (format === 'jsonl') {
    reader = new IncrementalJsonl(bytes, file);
    firstLinks = reader.next(FIRST_SCREEN_LINKS);
    header = reader.header!;
  } else {
    const parsed = await (await ioFormats()).readAlignmentFile(file);
    firstLinks = parsed.alignment.links;
    header = parsed.alignment.header;
    diagnostics.push(...parsed.diagnostics);
  }
  let sha = '';

  let journal: Journal | undefined;
  /** Once every link is read: the file's hash, and whether an earlier journal can be restored. */
  const finishOpen = (s: OpenedSession) => {
    sha = sha256(bytes);
    if (options.noJournal) return;
    journal = new Journal(file, sha);
    s.journalPath = journal.path;
    s.journal = { append: (e) => journal!.append(e), discard: () => journal!.discard() };
    const old = readJournal(file);
    if (old && writerAlive(old.header)) {
      // Another review of this file is running: do not offer (or delete) its journal.
      s.notice = `warning: this file is open in another bitext review (process ${old.header.pid}); edits made in both will conflict`;
      journal = undefined;
      s.journal = undefined;
      s.journalPath = undefined;
      return;
    }
    if (old && old.entries.length > 0) {
      if (old.header.sha256 === sha) s.pending = old;
      else {
        const aside = journal.setAside();
        s.notice = `an old journal did not match this file (it changed since); kept as ${path.basename(aside)}`;
      }
    } else if (old) journal.discard();
  };

  const glossaryDir = options.glossaryDir ?? 'glossary';
  let matcher: TermMatcher | undefined;
  /** Read the term base once; its problems go to `into` (the diagnostics printed before the screen, or a notice). */
  let termsRead: Promise<void> | undefined;
  const readTerms = (into: Diagnostic[]) =>
    (termsRead ??= loadTerms(glossaryDir).then(
      (terms) => {
        if (!terms) return;
        into.push(...terms.diagnostics);
        matcher = terms.matcher;
        session.termsFor = (link) => termHits(matcher!, link, header.srcLang, header.tgtLang);
      },
      (err: unknown) => {
        into.push({ code: 'GLOSSARY_UNREADABLE', message: `terms panel off: ${(err as Error).message}`, severity: 'warning' });
      },
    ));
  // A large JSONL file (read in the background) does not wait for the term base either: reading the glossary and
  // compiling its matcher cost ~300 ms of CPU (OpenCC tables, the repository's glossary), more than the whole first
  // screen otherwise; it is read right after the first frame, before the rest of the file.
  const deferTerms = reader !== undefined && !reader.done;
  const lateDiagnostics: Diagnostic[] = [];
  let overwriteChanged = false;
  let termWrites: Promise<void> = Promise.resolve();

  const session: OpenedSession = {
    file: options.displayName ?? file,
    header,
    links: firstLinks,
    findings: options.findings,
    diagnostics,
    async save(links: Link[]) {
      // Someone else changed the file since we read it: refuse once, overwrite on a second ctrl-s.
      let onDisk: string | undefined;
      try {
        onDisk = sha256(await readBytes(file));
      } catch {
        onDisk = undefined;
      }
      if (onDisk !== undefined && onDisk !== sha && !overwriteChanged) {
        overwriteChanged = true;
        throw new BitextError('FILE_EXISTS', 'the file changed on disk since it was opened; press ctrl-s again to overwrite it with your version');
      }
      if (format === 'jsonl') {
        const out = serializeAlignmentJsonl({ header, links });
        await writeFileAtomic(file, out);
        sha = sha256(out);
      } else {
        await (await ioFormats()).writeAlignmentFile(file, { header, links });
        sha = sha256(await readBytes(file));
      }
      overwriteChanged = false;
      journal?.reset(sha);
    },
    check: options.checkFrom
      ? () => runChecksOn([file], options.checkFrom!, existsSync(glossaryDir) ? glossaryDir : undefined)
      : undefined,
    termsFor: undefined,
    addTerm(pair: NewTermPair) {
      // One glossary write at a time: each reads, extends and rewrites reviewed.csv.
      const run = termWrites.then(async () => {
        // The term base decides whether the pair joins a known concept: never write before it is read.
        await readTerms(lateDiagnostics);
        const target = path.join(glossaryDir, REVIEW_GLOSSARY);
        const written = await addTermPair(target, pair, options.displayName ?? file, matcher, path.join(options.glossaryDisplay ?? glossaryDir, REVIEW_GLOSSARY));
        const reloaded = await loadTerms(glossaryDir).catch(() => undefined);
        if (reloaded) {
          matcher = reloaded.matcher;
          session.termsFor = (link) => termHits(matcher!, link, header.srcLang, header.tgtLang);
        }
        return written;
      });
      termWrites = run.then(
        () => undefined,
        () => undefined,
      );
      return run;
    },
  };
  if (!deferTerms) await readTerms(diagnostics);
  if (!reader || reader.done) {
    if (reader) diagnostics.push(...reader.validator.diagnostics);
    finishOpen(session);
  } else {
    session.loadRest = async (onChunk) => {
      // Let the first frame reach the terminal before the first chunk (Ink writes frames from a timer).
      await new Promise((resolve) => setTimeout(resolve, 50));
      await readTerms(lateDiagnostics);
      let chunk: Link[] = [];
      while (!reader!.done) {
        await new Promise((resolve) => setImmediate(resolve));
        for (const link of reader!.next(SLICE_LINKS)) chunk.push(link);
        if (chunk.length >= CHUNK_LINKS || reader!.done) {
          if (!onChunk(chunk, reader!.fraction)) return;
          chunk = [];
        }
      }
      finishOpen(session);
      // Problems of the glossary read after the first frame: shown in the status line (the screen is up by now).
      const late = lateDiagnostics.filter((d) => d.severity !== 'info');
      if (late.length > 0) {
        const d = late[0];
        const text = `${d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : ''}${d.message}${late.length > 1 ? ` (and ${late.length - 1} more)` : ''}`;
        session.notice = session.notice ? `${session.notice}; ${text}` : text;
      }
    };
  }
  return session;
}

/** Read every glossary file (.csv/.tsv) of a folder into one term base and compile the matcher. */
export async function loadTerms(dir: string): Promise<{ termBase: TermBase; matcher: TermMatcher; diagnostics: Diagnostic[]; files: string[] } | undefined> {
  // A missing or empty folder (the usual case without a term base) costs no import ('' : any name).
  if ((await listFiles(dir, [''])).length === 0) return undefined;
  const [{ GLOSSARY_EXTS, readGlossaryFiles }, { compileTermBase }] = await Promise.all([import('../io/glossary.js'), loadTermsLib()]);
  const files = await listFiles(dir, GLOSSARY_EXTS);
  if (files.length === 0) return undefined;
  const read = await readGlossaryFiles(files);
  return { termBase: read.termBase, matcher: compileTermBase(read.termBase), diagnostics: [...read.parsed.flatMap((p) => p.diagnostics), ...read.mergeDiagnostics], files };
}

/** The terms found in a link, each with its preferred equivalents and whether the other side contains one. */
export function termHits(matcher: TermMatcher, link: Link, srcLang: string, tgtLang: string): TermHit[] {
  // A matcher comes from loadTerms, which loaded the terms module.
  if (!termsLib) throw new Error('termHits before loadTerms');
  const { preferredTerms } = termsLib;
  const srcMatches = matcher.find(linkText(link, 'src'), srcLang);
  const tgtMatches = matcher.find(linkText(link, 'tgt'), tgtLang);
  const srcConcepts = new Set(srcMatches.map((m) => m.conceptId));
  const tgtConcepts = new Set(tgtMatches.map((m) => m.conceptId));
  const hits: TermHit[] = [];
  const seen = new Set<string>();
  for (const [side, list, otherLang, otherConcepts] of [
    ['src', srcMatches, tgtLang, tgtConcepts],
    ['tgt', tgtMatches, srcLang, srcConcepts],
  ] as const) {
    for (const m of list) {
      const key = `${side}\u0000${m.conceptId}\u0000${m.term.text}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const concept = matcher.concepts.get(m.conceptId);
      const equivalents = concept ? preferredTerms(concept, otherLang).map((t) => t.text) : [];
      hits.push({ side, text: m.text, conceptId: m.conceptId, status: m.term.status, equivalents, missingOther: equivalents.length > 0 && !otherConcepts.has(m.conceptId) });
    }
  }
  return hits;
}

/**
 * Add a term pair to a glossary CSV (created with the native columns when missing). When the term base already has a
 * concept with one of the two terms, the other term joins that concept (a concept may be spread over files); when a
 * concept has both, nothing is added (only the status is updated if the concept lives in this file). Otherwise a new
 * concept, its id made from the English (else source) term and unique in the term base. Returns what was done.
 */
export async function addTermPair(file: string, pair: NewTermPair, origin: string, matcher?: TermMatcher, display = file): Promise<string> {
  const [{ readTermBaseFile, writeTermBaseFile }, { conceptIdFor }] = await Promise.all([ioFormats(), loadTermsLib()]);
  let termBase: TermBase = { concepts: [] };
  if (await fileExists(file)) termBase = (await readTermBaseFile(file)).termBase;
  const where = display;
  const source = { file: origin, link: pair.link };
  const has = (c: Concept, lang: string, text: string) => c.terms.find((t) => sameLanguage(t.lang, lang) && t.text === text);
  // The same pair already in this file: only update the status.
  for (const c of termBase.concepts) {
    const s = has(c, pair.srcLang, pair.src);
    const t = has(c, pair.tgtLang, pair.tgt);
    if (s && t) {
      s.status = pair.status;
      t.status = pair.status;
      await writeTermBaseFile(file, termBase);
      return `${where} (status of concept ${c.id} updated)`;
    }
  }
  const srcIn = matcher ? matcher.lookup(pair.src, pair.srcLang).map((h) => h.conceptId) : [];
  const tgtIn = matcher ? matcher.lookup(pair.tgt, pair.tgtLang).map((h) => h.conceptId) : [];
  const both = srcIn.find((id) => tgtIn.includes(id));
  if (both) throw new Error(`the pair is already in the term base (concept ${both})`);
  const joinId = srcIn[0] ?? tgtIn[0];
  if (joinId) {
    // One of the terms is known: add the other to its concept.
    const [lang, text] = srcIn[0] ? [pair.tgtLang, pair.tgt] : [pair.srcLang, pair.src];
    let c = termBase.concepts.find((x) => x.id === joinId);
    if (!c) {
      c = { id: joinId, terms: [] };
      termBase.concepts.push(c);
    }
    c.terms.push({ lang, text, status: pair.status, origin: source });
    await writeTermBaseFile(file, termBase);
    return `${where} (added to concept ${joinId})`;
  }
  const taken = new Set(termBase.concepts.map((c) => c.id));
  if (matcher) for (const id of matcher.concepts.keys()) taken.add(id);
  const english = pair.srcLang.startsWith('en') ? pair.src : pair.tgtLang.startsWith('en') ? pair.tgt : pair.src;
  const base = conceptIdFor(english);
  let id = base;
  for (let k = 2; taken.has(id); k++) id = `${base}-${k}`;
  termBase.concepts.push({
    id,
    terms: [
      { lang: pair.srcLang, text: pair.src, status: pair.status, origin: source },
      { lang: pair.tgtLang, text: pair.tgt, status: pair.status, origin: source },
    ],
  });
  await writeTermBaseFile(file, termBase);
  return where;
}
