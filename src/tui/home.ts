/**
 * The home screen's I/O: what is in alignments/ and glossary/, and the actions (align a document, extract term
 * candidates, run the checks) as calls to the same code the CLI runs. `runHome` loops: home → review → home.
 */
import path from 'node:path';
import { promises as fsp } from 'node:fs';
import { createElement } from 'react';
import { listFiles } from '../io/files.js';
import type { Finding, Link } from '../model/types.js';
import { LOW_CONFIDENCE, isUnconfirmed } from './state.js';
import { loadTerms, addTermPair, REVIEW_GLOSSARY } from './session.js';
import { runCaptured, runChecksOn, firstLine, lastLine } from './commands.js';
import type { HomeOptions, TuiStreams } from './index.js';
import { HomeApp, type HomeResult } from './HomeApp.js';
import type { NewTermPair } from './ReviewApp.js';

export interface AlignmentInfo {
  /** Path relative to the working folder. */
  file: string;
  links?: number;
  unconfirmed?: number;
  low?: number;
  findings?: number;
  error?: string;
}

export interface TermBaseInfo {
  concepts: number;
  terms: number;
  files: number;
  error?: string;
}

export interface Candidate {
  zh: string;
  en: string;
  score: number;
  freq: number;
  example?: string;
}

/** What the home screen calls; an interface so the screen can be tested with fakes. */
export interface HomeBackend {
  cwd: string;
  alignmentsDir: string;
  glossaryDir: string;
  listAlignments(): Promise<string[]>;
  stats(file: string): Promise<AlignmentInfo>;
  termBase(): Promise<TermBaseInfo | undefined>;
  /** Documents that can be aligned (Markdown and text files in alignments/ and the working folder). */
  documents(): Promise<string[]>;
  /** Align one bilingual document or a pair; returns the alignment written and the command's summary. */
  align(files: string[]): Promise<{ output: string; summary: string }>;
  checks(files: string[]): Promise<{ findings: Finding[]; error?: string }>;
  candidates(file: string): Promise<{ list: Candidate[]; srcLang: string; tgtLang: string }>;
  addTerm(pair: NewTermPair, origin: string): Promise<string>;
}

const DOC_EXTS = ['.md', '.markdown', '.txt'];

export function homeBackend(o: HomeOptions): HomeBackend {
  const abs = (f: string) => path.resolve(o.cwd, f);
  const rel = (f: string) => path.relative(o.cwd, f) || f;
  const glossaryAbs = abs(o.glossaryDir);
  return {
    cwd: o.cwd,
    alignmentsDir: o.alignmentsDir,
    glossaryDir: o.glossaryDir,
    async listAlignments() {
      return (await listFiles(abs(o.alignmentsDir), ['.jsonl'])).map(rel);
    },
    async stats(file) {
      const info: AlignmentInfo = { file, links: 0, unconfirmed: 0, low: 0 };
      try {
        // The formats area is imported on use: `bitext review FILE` loads this module too, and needs none of it.
        for await (const item of (await import('../io/formats.js')).streamAlignmentFile(abs(file))) {
          if (item.type !== 'link') continue;
          const l = item.link;
          info.links!++;
          if (isUnconfirmed(l)) {
            info.unconfirmed!++;
            if (l.score < LOW_CONFIDENCE) info.low!++;
          }
        }
      } catch (err) {
        return { file, error: (err as Error).message };
      }
      return info;
    },
    async termBase() {
      try {
        const t = await loadTerms(glossaryAbs);
        if (!t) return undefined;
        return { concepts: t.termBase.concepts.length, terms: t.termBase.concepts.reduce((n, c) => n + c.terms.length, 0), files: t.files.length };
      } catch (err) {
        return { concepts: 0, terms: 0, files: 0, error: (err as Error).message };
      }
    },
    async documents() {
      const seen = new Set<string>();
      const out: string[] = [];
      for (const dir of [abs(o.alignmentsDir), o.cwd, path.join(o.cwd, 'docs')]) {
        for (const f of await listFiles(dir, DOC_EXTS)) {
          const r = rel(f);
          if (seen.has(r) || /^(README|CHANGELOG|LICENSE)/i.test(path.basename(f))) continue;
          seen.add(r);
          out.push(r);
        }
      }
      return out;
    },
    async align(files) {
      const base = path.basename(files[0]).replace(/\.[^.]+$/, '');
      let output = path.join(o.alignmentsDir, `${base}.jsonl`);
      for (let k = 2; await exists(abs(output)); k++) output = path.join(o.alignmentsDir, `${base}-${k}.jsonl`);
      const r = await runCaptured(['align', ...files, '-o', output], o.cwd);
      if (r.code !== 0) throw new Error(firstLine(r.stderr) || `bitext align exited with ${r.code}`);
      return { output, summary: lastLine(r.stderr) };
    },
    async checks(files) {
      return runChecksOn(files, o.cwd, (await exists(glossaryAbs)) ? o.glossaryDir : undefined);
    },
    async candidates(file) {
      const parsed = await (await import('../io/formats.js')).readAlignmentFile(abs(file));
      const { srcLang, tgtLang } = parsed.alignment.header;
      const terms = await loadTerms(glossaryAbs).catch(() => undefined);
      const { extractTerms } = await import('../terms/index.js');
      const { builtinLexicon } = await import('../align/index.js');
      const lexicon = await builtinLexicon().catch(() => undefined);
      const found = extractTerms(parsed.alignment.links as Link[], { srcLang, tgtLang, termBase: terms?.termBase, lexicon, top: 200 });
      const list = found.filter((c) => !c.known).map((c) => ({ zh: c.zh, en: c.en, score: c.score, freq: c.freq, example: c.examples[0] }));
      return { list, srcLang, tgtLang };
    },
    async addTerm(pair, origin) {
      const terms = await loadTerms(glossaryAbs).catch(() => undefined);
      const target = path.join(glossaryAbs, REVIEW_GLOSSARY);
      return addTermPair(target, pair, origin, terms?.matcher, rel(target));
    },
  };
}

async function exists(p: string): Promise<boolean> {
  try {
    await fsp.access(p);
    return true;
  } catch {
    return false;
  }
}

/** Home → (review → home)* until the user quits. */
export async function runHome(o: HomeOptions, streams?: TuiStreams): Promise<number> {
  const { fullScreen, runReview, defaultStreams } = await import('./index.js');
  const io = streams ?? defaultStreams();
  const backend = homeBackend(o);
  let message: string | undefined;
  let selected: string | undefined;
  for (;;) {
    let result = { kind: 'quit' } as HomeResult;
    await fullScreen(io, createElement(HomeApp, { backend, message, selected, onExit: (r: HomeResult) => (result = r) }));
    if (result.kind === 'quit') return 0;
    selected = result.file;
    try {
      const r = await runReview({ file: result.file, cwd: o.cwd, glossaryDir: o.glossaryDir, at: result.at, warn: o.warn }, io);
      message = r.saved ? `saved ${result.file}` : undefined;
    } catch (err) {
      message = `cannot review ${result.file}: ${(err as Error).message}`;
    }
  }
}
