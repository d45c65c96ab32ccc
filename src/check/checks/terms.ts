/**
 * Term compliance against the term base (the matcher of src/terms: Aho–Corasick, CJK matched on characters, English with
 * the term base's inflection rules). term-missing: a source term occurs and none of its concept's approved
 * (preferred/admitted) target terms occurs in the target. term-forbidden: a deprecated/superseded term of a concept is
 * used in the target (and is not an approved term of another concept matched there).
 */
import type { Concept, Lang, TermStatus } from '../../model/types.js';
import type { Check, CheckContext, CheckTermMatch, FindingDraft, PreparedLink } from '../types.js';
import { sameLanguage } from '../../lang/tags.js';

const APPROVED = (s: TermStatus) => s === 'preferred' || s === 'admitted';

function approvedTargets(concept: Concept | undefined, lang: Lang): string[] {
  if (!concept) return [];
  const ts = concept.terms.filter((t) => sameLanguage(t.lang, lang) && APPROVED(t.status));
  ts.sort((a, b) => (a.status === b.status ? 0 : a.status === 'preferred' ? -1 : 1));
  return ts.map((t) => t.text);
}

function hasTargetTerms(concept: Concept | undefined, lang: Lang): boolean | undefined {
  if (!concept) return undefined;
  return concept.terms.some((t) => sameLanguage(t.lang, lang) && APPROVED(t.status));
}

interface Cache { p?: PreparedLink; src: CheckTermMatch[]; tgt: CheckTermMatch[] }
const cache = new WeakMap<CheckContext, Cache>();

/** Both sides' matches, computed once per link for the two term checks. */
/** Does the term base have forbidden (deprecated/superseded) terms in this language? Cached per concepts map. */
const forbiddenIn = new WeakMap<object, Map<string, boolean>>();
function hasForbidden(ctx: CheckContext, lang: Lang): boolean {
  if (!ctx.concepts) return true;
  let byLang = forbiddenIn.get(ctx.concepts);
  if (!byLang) forbiddenIn.set(ctx.concepts, (byLang = new Map()));
  let v = byLang.get(lang);
  if (v === undefined) {
    v = false;
    for (const c of ctx.concepts.values()) if (c.terms.some((t) => !APPROVED(t.status) && sameLanguage(t.lang, lang))) { v = true; break; }
    byLang.set(lang, v);
  }
  return v;
}

function matches(p: PreparedLink, ctx: CheckContext): Cache {
  let c = cache.get(ctx);
  if (c && c.p === p) return c;
  const m = ctx.matcher!;
  const src = p.src ? m.find(p.src, p.srcLang) : [];
  // The target is scanned only when needed: a source term to look for, or forbidden terms to catch.
  // Every match is kept there, nested ones too (an approved term inside a longer term still counts as used).
  const tgt = p.tgt && (src.length > 0 || hasForbidden(ctx, p.tgtLang)) ? m.find(p.tgt, p.tgtLang, { overlapping: true }) : [];
  c = { p, src, tgt };
  cache.set(ctx, c);
  return c;
}

function quoteList(xs: string[]): string {
  const q = xs.slice(0, 3).map((x) => `"${x}"`);
  return q.length <= 1 ? q.join('') : q.slice(0, -1).join(', ') + ' or ' + q[q.length - 1];
}

export const termMissing: Check = {
  id: 'term-missing',
  title: 'Term not translated as the term base says',
  description: 'A source term of the term base occurs in the link, and none of its approved target terms (preferred or admitted) occurs in the translation. Use the approved term, or add the translation used here to the term base.',
  group: 'terms',
  defaultSeverity: 'warning',
  needsTermBase: true,
  link(p, ctx) {
    if (!ctx.matcher || p.src.trim() === '' || p.tgt.trim() === '') return undefined;
    const { src, tgt } = matches(p, ctx);
    if (src.length === 0) return undefined;
    // Concepts with an approved term in the target (a plain scan for a sentence's few matches), and those reported.
    let approvedIds: Set<string> | undefined;
    const inTarget = (id: string) => {
      if (tgt.length <= 16) return tgt.some((t) => t.conceptId === id && APPROVED(t.term.status));
      approvedIds ??= new Set(tgt.filter((t) => APPROVED(t.term.status)).map((t) => t.conceptId));
      return approvedIds.has(id);
    };
    let out: FindingDraft[] | undefined;
    const seen = new Set<string>();
    for (const m of src) {
      if (m.term.status === 'deprecated' || m.term.status === 'superseded' || !sameLanguage(m.term.lang, p.srcLang)) continue;
      if (seen.has(m.conceptId) || inTarget(m.conceptId)) continue;
      const concept = ctx.concepts?.get(m.conceptId);
      if (hasTargetTerms(concept, p.tgtLang) === false) continue;
      seen.add(m.conceptId);
      const want = approvedTargets(concept, p.tgtLang);
      const forbidden = tgt.find((t) => t.conceptId === m.conceptId);
      (out ??= []).push({
        message:
          `"${m.term.text}" should be translated as ${want.length ? quoteList(want) : 'its approved term'}` +
          (forbidden ? `, not "${p.tgt.slice(forbidden.start, forbidden.end)}"` : ''),
        srcSpan: [m.start, m.end],
        ...(forbidden ? { tgtSpan: [forbidden.start, forbidden.end] as [number, number] } : {}),
        data: { concept: m.conceptId, term: m.term.text, expected: want },
      });
    }
    return out;
  },
};

export const termForbidden: Check = {
  id: 'term-forbidden',
  title: 'Forbidden term used',
  description: 'The translation uses a term the term base marks deprecated or superseded (forbidden). Replace it with the preferred term.',
  group: 'terms',
  defaultSeverity: 'error',
  needsTermBase: true,
  link(p, ctx) {
    if (!ctx.matcher || p.tgt.trim() === '') return undefined;
    const { tgt } = matches(p, ctx);
    // Usually every term found in the target is approved: nothing to report, nothing to build.
    if (!tgt.some((m) => !APPROVED(m.term.status))) return undefined;
    const approvedHere = new Set(tgt.filter((m) => APPROVED(m.term.status)).map((m) => m.term.text.toLowerCase()));
    const out: FindingDraft[] = [];
    for (const m of tgt) {
      if (APPROVED(m.term.status) || !sameLanguage(m.term.lang, p.tgtLang)) continue;
      if (approvedHere.has(m.term.text.toLowerCase())) continue;
      // Inside a longer approved match (e.g. a forbidden "AI" inside an approved "AI Act"): not a use of the term.
      if (tgt.some((o) => o !== m && APPROVED(o.term.status) && o.start <= m.start && o.end >= m.end && o.end - o.start > m.end - m.start)) continue;
      const want = approvedTargets(ctx.concepts?.get(m.conceptId), p.tgtLang);
      out.push({
        message: `"${p.tgt.slice(m.start, m.end)}" is a ${m.term.status} term` + (want.length ? `: use ${quoteList(want)}` : ''),
        tgtSpan: [m.start, m.end],
        data: { concept: m.conceptId, term: m.term.text, status: m.term.status, expected: want },
      });
    }
    return out;
  },
};
