/**
 * Building one concept-oriented term base (TBX-style: concept → terms per language with a status) from the rows of
 * several glossary files, and reporting what a curator should fix: the same term twice in a concept, conflicting
 * statuses, one term in two concepts, several preferred terms for one language, rows without a term or concept.
 */
import type { Concept, Diagnostic, Lang, Term, TermBase, TermStatus } from '../model/types.js';
import { isScriptioContinua, normalizeTag, primaryLanguage } from '../lang/tags.js';
import { normalizeCharText, wordKey } from './normalize.js';
import { normalizeTermStatus, parseOrigin } from '../formats/termbase-table.js';

/**
 * One row of a glossary file (one term), as the glossary readers of src/formats return it (`TermRow`).
 * Declared structurally here so that the term base does not depend on a reader.
 */
export interface TermRowLike {
  concept: string;
  lang: Lang;
  text: string;
  status?: string;
  pos?: string;
  domain?: string;
  definition?: string;
  note?: string;
  /** Where the term was seen: "file#linkId", "file:line" or "file". */
  source?: string;
  /** The concept's own note (TBX), when the reader gives it. */
  conceptNote?: string;
  /** 1-based line of the row in its file. */
  line?: number;
}

/** A status as written by a curator or another tool → bitext's status; undefined when unknown. Empty → admitted. */
export function parseTermStatus(value: string | undefined): TermStatus | undefined {
  if ((value ?? '').trim() === '') return 'admitted';
  return normalizeTermStatus(value);
}

/** The key two terms are "the same term" on: normalised as the matcher does (case, plural, hyphens, traditional). */
export function termKey(text: string, lang: Lang): string {
  return isScriptioContinua(lang) ? normalizeCharText(text).replace(/\s+/g, '') : wordKey(text);
}

/** Keys computed while merging, reused by compileTermBase for the same Term objects. */
export const termKeyCache = new WeakMap<Term, string>();

interface Seen {
  file: string;
  line?: number;
  conceptId: string;
  term: Term;
}

/** A term's first occurrence in its concept, by primary language and key. */
interface SeenInConcept extends Seen {
  primary: string;
  key: string;
}

const CONCEPT_FIELDS = ['domain', 'definition', 'note'] as const;

function where(s: { file: string; line?: number }): string {
  return s.line !== undefined ? `${s.file}:${s.line}` : s.file;
}

/**
 * Merge the rows of several glossary files into one term base. Concepts keep the order in which they first appear;
 * a concept may be spread over several files. Problems are returned as diagnostics with file and line.
 */
export function mergeTermBases(files: Array<{ file: string; rows: TermRowLike[] }>): { termBase: TermBase; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const concepts = new Map<string, Concept>();
  /** conceptId → first occurrence of each term (by primary language and key); few per concept, searched in order. */
  const inConcept = new Map<string, SeenInConcept[]>();
  /** primary language → key → occurrences in distinct concepts */
  const global = new Map<string, Map<string, Seen[]>>();
  /** field → conceptId → where the concept's value was set. */
  const conceptFieldFrom = { domain: new Map<string, Seen>(), definition: new Map<string, Seen>(), note: new Map<string, Seen>() };
  const tagCache = new Map<string, string>();
  const primaryCache = new Map<string, string>();
  const primaryOf = (lang: string): string => {
    let p = primaryCache.get(lang);
    if (p === undefined) primaryCache.set(lang, (p = primaryLanguage(lang)));
    return p;
  };


  const diag = (code: string, message: string, file: string, line: number | undefined, severity: 'warning' | 'info' = 'warning') => {
    diagnostics.push({ code, message, severity, file, ...(line !== undefined ? { line } : {}) });
  };

  for (const { file, rows } of files) {
    for (const row of rows) {
      let text = (row.text ?? '').trim();
      if (/[^\S ]| {2}/.test(text)) text = text.replace(/\s+/g, ' ');
      const conceptId = (row.concept ?? '').trim();
      const rawLang = (row.lang ?? '').trim();
      if (!text) {
        if (conceptId || rawLang) diag('TERM_EMPTY', `row has no term text${conceptId ? ` (concept ${conceptId})` : ''}: skipped`, file, row.line);
        continue;
      }
      if (!conceptId) {
        diag('TERM_NO_CONCEPT', `term "${text}" has no concept id: skipped (fill the concept column)`, file, row.line);
        continue;
      }
      if (!rawLang) {
        diag('TERM_NO_LANG', `term "${text}" has no language: skipped (fill the lang column, e.g. zh or en)`, file, row.line);
        continue;
      }
      let lang = tagCache.get(rawLang);
      if (lang === undefined) tagCache.set(rawLang, (lang = normalizeTag(rawLang)));
      let status = parseTermStatus(row.status);
      if (!status) {
        diag('TERM_BAD_STATUS', `term "${text}" has an unknown status "${row.status}": read as admitted (use preferred, admitted, deprecated or superseded)`, file, row.line);
        status = 'admitted';
      }
      const term: Term = { lang, text, status };
      if (row.pos?.trim()) term.pos = row.pos.trim();
      if (row.note?.trim()) term.note = row.note.trim();
      const origin = row.source ? parseOrigin(row.source) : undefined;
      if (origin) term.origin = origin;

      let concept = concepts.get(conceptId);
      if (!concept) {
        concept = { id: conceptId, terms: [] };
        concepts.set(conceptId, concept);
      }
      for (const field of CONCEPT_FIELDS) {
        const v = (field === 'note' ? row.conceptNote : row[field])?.trim();
        if (!v) continue;
        if (concept[field] === undefined) {
          concept[field] = v;
          conceptFieldFrom[field].set(conceptId, { file, line: row.line, conceptId, term });
        } else if (concept[field] !== v) {
          diag('CONCEPT_FIELD_CONFLICT', `concept ${conceptId} has ${field} "${v}" here but "${concept[field]}" at ${where(conceptFieldFrom[field].get(conceptId)!)}: kept the first`, file, row.line);
        }
      }

      const primary = primaryOf(lang);
      const key = termKey(text, primary);
      termKeyCache.set(term, key);
      let seenHere = inConcept.get(conceptId);
      if (!seenHere) inConcept.set(conceptId, (seenHere = []));
      const first = seenHere.find((x) => x.key === key && x.primary === primary);
      if (first) {
        if (first.term.status !== status) {
          diag('TERM_STATUS_CONFLICT', `term "${text}" (${primary}) of concept ${conceptId} is ${status} here but ${first.term.status} at ${where(first)}: kept ${first.term.status}`, file, row.line);
        } else {
          diag('TERM_DUPLICATE', `term "${text}" (${primary}) of concept ${conceptId} is already at ${where(first)}: skipped`, file, row.line);
        }
        continue;
      }
      const seen: SeenInConcept = { file, line: row.line, conceptId, term, primary, key };
      seenHere.push(seen);
      concept.terms.push(term);

      let byKey = global.get(primary);
      if (!byKey) global.set(primary, (byKey = new Map()));
      const others = byKey.get(key);
      if (others) {
        const other = others.find((o) => o.conceptId !== conceptId);
        if (other) {
          diag('TERM_IN_TWO_CONCEPTS', `term "${text}" (${primary}) is in concept ${conceptId} and also in concept ${other.conceptId} at ${where(other)}: merge the concepts or tell them apart`, file, row.line);
        }
        others.push(seen);
      } else byKey.set(key, [seen]);
    }
  }

  for (const concept of concepts.values()) {
    const preferredByLang = new Map<string, number>();
    for (const t of concept.terms) {
      if (t.status === 'preferred') preferredByLang.set(primaryOf(t.lang), (preferredByLang.get(primaryOf(t.lang)) ?? 0) + 1);
    }
    for (const [lang, n] of preferredByLang) {
      if (n > 1) {
        const t = concept.terms.find((x) => x.status === 'preferred' && primaryOf(x.lang) === lang)!;
        // Where the term was loaded: its entry among the concept's first occurrences (same order as concept.terms).
        const at = inConcept.get(concept.id)!.find((x) => x.term === t)!;
        diagnostics.push({
          code: 'TERM_MANY_PREFERRED',
          message: `concept ${concept.id} has ${n} preferred ${lang} terms; checks will accept any of them`,
          severity: 'info',
          file: at.file,
          ...(at.line !== undefined ? { line: at.line } : {}),
        });
      }
    }
  }
  return { termBase: { concepts: [...concepts.values()] }, diagnostics };
}

/** Preferred (else admitted, else any non-deprecated) terms of a concept in a language. */
export function preferredTerms(concept: Concept, lang: Lang): Term[] {
  const p = primaryLanguage(lang);
  const inLang = concept.terms.filter((t) => primaryLanguage(t.lang) === p);
  for (const want of [['preferred'], ['admitted'], ['superseded']] as TermStatus[][]) {
    const found = inLang.filter((t) => want.includes(t.status));
    if (found.length) return found;
  }
  return [];
}

/** Stable, readable concept id from a term: "Silk Road e-commerce" → "silk-road-e-commerce". */
export function conceptIdFor(text: string): string {
  const slug = text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 60).replace(/-+$/, '') || 'concept';
}
