/**
 * Reading a term base that lives in several files (the glossary/ folder): read each file with its format's reader and
 * merge the rows into one concept-oriented term base. The commands (check, terms) and the review app report the
 * diagnostics in their own words; this is the one place that reads and merges.
 */
import { readTermBaseFile } from './formats.js';
import { mergeTermBases, type TermRowLike } from '../terms/index.js';
import type { Diagnostic, TermBase } from '../model/types.js';

/** Files of a glossary folder that are read as term-base files. */
export const GLOSSARY_EXTS = ['.csv', '.tsv', '.tab', '.tbx', '.xlsx', '.txt'];

export interface GlossaryRead {
  termBase: TermBase;
  /** Per file, in the order given: the name used in the merge, its rows and the reader's diagnostics. */
  parsed: Array<{ path: string; file: string; rows: TermRowLike[]; diagnostics: Diagnostic[] }>;
  /** Duplicates, conflicting statuses, one term in two concepts… (files named by `nameOf`). */
  mergeDiagnostics: Diagnostic[];
}

/** Read and merge term-base files; `nameOf` gives the name a file has in merge diagnostics and origins. */
export async function readGlossaryFiles(files: string[], nameOf: (file: string) => string = (f) => f): Promise<GlossaryRead> {
  const parsed: GlossaryRead['parsed'] = [];
  for (const f of files) {
    const p = await readTermBaseFile(f);
    parsed.push({ path: f, file: nameOf(f), rows: p.rows, diagnostics: p.diagnostics });
  }
  const merged = mergeTermBases(parsed.map((p) => ({ file: p.file, rows: p.rows })));
  return { termBase: merged.termBase, parsed, mergeDiagnostics: merged.diagnostics };
}
