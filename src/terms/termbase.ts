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
  /** conceptId \0 lang \0 key → first occurrence */
  const inConcept = new Map<string, Seen>();
  /** lang \0 key → occurrences in distinct concepts */
  const global = new Map<string, Seen[]>();
  const conceptFieldFrom = new Map<string, Seen>();
  const loadedAt = new Map<Term, Seen>();
  const tagCache = new Map<string, string>();

  const diag = (code: string, message: string, file: string, line: number | undefined, severity: 'warning' | 'info' = 'warning') => {
    diagnostics.push({ code, message, severity, file, ...(line !== undefined ? { line } : {}) });
  };

  for (const { file, rows } of files) {
    for (const row of rows) {
      const text = (row.text ?? '').trim().replace(/\s+/g, ' ');
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
      for (const field of ['domain', 'definition', 'note'] as const) {
        const v = (field === 'note' ? row.conceptNote : row[field])?.trim();
        if (!v) continue;
        const fk = `${conceptId}\0${field}`;
        if (concept[field] === undefined) {
          concept[field] = v;
          conceptFieldFrom.set(fk, { file, line: row.line, conceptId, term });
        } else if (concept[field] !== v) {
          diag('CONCEPT_FIELD_CONFLICT', `concept ${conceptId} has ${field} "${v}" here but "${concept[field]}" at ${where(conceptFieldFrom.get(fk)!)}: kept the first`, file, row.line);
        }
      }

      const primary = primaryLanguage(lang);
      const key = termKey(text, primary);
      termKeyCache.set(term, key);
      const ck = `${conceptId}\0${primary}\0${key}`;
      const first = inConcept.get(ck);
      if (first) {
        if (first.term.status !== status) {
          diag('TERM_STATUS_CONFLICT', `term "${text}" (${primary}) of concept ${conceptId} is ${status} here but ${first.term.status} at ${where(first)}: kept ${first.term.status}`, file, row.line);
        } else {
          diag('TERM_DUPLICATE', `term "${text}" (${primary}) of concept ${conceptId} is already at ${where(first)}: skipped`, file, row.line);
        }
        continue;
      }
      const seen: Seen = { file, line: row.line, conceptId, term };
      inConcept.set(ck, seen);
      loadedAt.set(term, seen);
      concept.terms.push(term);

      const gk = `${primary}\0${key}`;
      const others = global.get(gk);
      if (others) {
        const other = others.find((o) => o.conceptId !== conceptId);
        if (other) {
          diag('TERM_IN_TWO_CONCEPTS', `term "${text}" (${primary}) is in concept ${conceptId} and also in concept ${other.conceptId} at ${where(other)}: merge the concepts or tell them apart`, file, row.line);
        }
        others.push(seen);
      } else global.set(gk, [seen]);
    }
  }

  for (const concept of concepts.values()) {
    const preferredByLang = new Map<string, number>();
    for (const t of concept.terms) {
      if (t.status === 'preferred') preferredByLang.set(primaryLanguage(t.lang), (preferredByLang.get(primaryLanguage(t.lang)) ?? 0) + 1);
    }
    for (const [lang, n] of preferredByLang) {
      if (n > 1) {
        const t = concept.terms.find((x) => x.status === 'preferred' && primaryLanguage(x.lang) === lang)!;
        diagnostics.push({
          code: 'TERM_MANY_PREFERRED',
          message: `concept ${concept.id} has ${n} preferred ${lang} terms; checks will accept any of them`,
          severity: 'info',
          file: loadedAt.get(t)!.file,
          ...(loadedAt.get(t)!.line !== undefined ? { line: loadedAt.get(t)!.line } : {}),
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
