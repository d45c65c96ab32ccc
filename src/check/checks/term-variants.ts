/**
 * Inconsistent terminology without a term base: one source term rendered two ways across the corpus, e.g. 人工智能 as
 * "artificial intelligence" in some links and "AI" in others.
 *
 * Method (no dictionary needed): (1) find acronyms in the English side (AI, WTO, RCEP) and their spelled-out forms —
 * word sequences whose initials spell the acronym, function words allowed inside ("Friends of E-commerce for
 * Development" → FED); (2) for each acronym/long-form pair used in different links, look for the CJK n-gram shared by
 * those links' other side: it must occur in links of both forms, cover most of them (≥ 80%) and be specific to them
 * (≥ 70% of the links that contain it use one of the two forms). That n-gram is the term rendered two ways.
 * A link that uses both forms (a definition "… (AI)") counts for neither.
 * Corpus check: keeps the links of the first 100,000 (or 40 M characters) in memory.
 */
import type { Check, FindingDraft, PreparedLink } from '../types.js';
import { isScriptioContinua } from '../../lang/tags.js';

const MAX_LINKS = 100_000;
const MAX_CHARS = 40_000_000;
const FUNCTION_WORDS = new Set(['of', 'and', 'for', 'the', 'on', 'in', 'to', 'a', 'an', 'with', 'de', 'at', 'by']);
const ROMAN = /^[IVXLCDM]+$/;
/** The CJK term must occur in this share of the links using either form… */
const MIN_COVER = 0.8;
/** …and this share of its occurrences must be in those links. */
const MIN_SPECIFIC = 0.7;

interface Rec { p: Pick<PreparedLink, 'line' | 'file' | 'src' | 'tgt'> & { link: { id: string } }; cjk: string; en: string; enIsTarget: boolean }
interface State { recs: Rec[]; chars: number; truncated: boolean }
interface Tok { text: string; start: number; end: number }

function tokens(text: string): Tok[] {
  const out: Tok[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ text: m[0].replace(/['’]s$/, ''), start: m.index, end: m.index + m[0].length });
  return out;
}

function hasTwoCapitals(text: string): boolean {
  let prev = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const cap = c >= 0x41 && c <= 0x5a;
    if (cap && prev) return true;
    prev = cap;
  }
  return false;
}

function isAcronym(t: string): boolean {
  return t.length >= 2 && t.length <= 6 && /^[A-Z]+$/.test(t) && !ROMAN.test(t);
}

interface Occ { rec: number; start: number; end: number; surface: string }

/** Long forms: content words whose initials spell an acronym in `acronyms`; function words allowed between them. */
function longForms(toks: Tok[], text: string, acronyms: Set<string>, maxLen: number, found: (acr: string, o: Omit<Occ, 'rec'>) => void): void {
  for (let i = 0; i < toks.length; i++) {
    const first = toks[i].text;
    if (FUNCTION_WORDS.has(first.toLowerCase()) || isAcronym(first) || !/^\p{L}/u.test(first) || first.length < 2 || /ly$/i.test(first)) continue;
    let initials = '';
    for (let j = i; j < toks.length && initials.length < maxLen; j++) {
      const w = toks[j].text;
      if (j > i && FUNCTION_WORDS.has(w.toLowerCase())) continue;
      if (!/^\p{L}/u.test(w) || isAcronym(w) || w.length < 2) break;
      // Only plain spacing (or " & ") between the words of a long form.
      if (j > i && !/^(\s+|\s*&\s*)$/.test(text.slice(toks[j - 1].end, toks[j].start))) break;
      initials += w[0].toUpperCase();
      if (initials.length >= 2 && acronyms.has(initials)) found(initials, { start: toks[i].start, end: toks[j].end, surface: text.slice(toks[i].start, toks[j].end) });
    }
  }
}

function hanRuns(text: string): string[] {
  return text.match(/\p{Script=Han}{2,}/gu) ?? [];
}

function ngrams(text: string, maxN = 12): Set<string> {
  const out = new Set<string>();
  for (const run of hanRuns(text)) {
    for (let i = 0; i < run.length; i++) {
      for (let n = 2; n <= maxN && i + n <= run.length; n++) out.add(run.slice(i, i + n));
    }
  }
  return out;
}

export const termVariants: Check<State> = {
  id: 'term-variants',
  title: 'Term translated two ways',
  description: 'Without a term base: a source term is rendered in two ways across the corpus (e.g. an acronym in some links, its spelled-out form in others). Pick one and add it to the term base, or accept both in the baseline.',
  group: 'consistency',
  defaultSeverity: 'warning',
  begin: () => ({ recs: [], chars: 0, truncated: false }),
  accumulate(state, p) {
    if (state.truncated) return;
    const srcCjk = isScriptioContinua(p.srcLang);
    const tgtCjk = isScriptioContinua(p.tgtLang);
    if (srcCjk === tgtCjk || p.src.trim() === '' || p.tgt.trim() === '') return;
    if (state.recs.length >= MAX_LINKS || state.chars >= MAX_CHARS) {
      state.truncated = true;
      return;
    }
    state.recs.push({ p: { link: { id: p.link.id }, line: p.line, file: p.file, src: p.src, tgt: p.tgt }, cjk: srcCjk ? p.src : p.tgt, en: srcCjk ? p.tgt : p.src, enIsTarget: srcCjk });
    state.chars += p.src.length + p.tgt.length;
  },
  finish(state) {
    const recs = state.recs;
    if (recs.length < 2) return [];
    // (1) acronyms and their occurrences. The tokens of one link at a time: holding those of 100,000 links at once
    // took ~200 MB at the end of a long run (they are cut again in (2) when there is an acronym at all).
    const acrOcc = new Map<string, Occ[]>();
    recs.forEach((r, rec) => {
      // An acronym token (2–6 letters A–Z) has two capitals in a row: a text without them is not tokenized.
      if (!hasTwoCapitals(r.en)) return;
      for (const t of tokens(r.en)) {
        if (!isAcronym(t.text)) continue;
        let a = acrOcc.get(t.text);
        if (!a) acrOcc.set(t.text, (a = []));
        a.push({ rec, start: t.start, end: t.end, surface: t.text });
      }
    });
    if (acrOcc.size === 0) return [];
    const acronyms = new Set(acrOcc.keys());
    const maxLen = Math.max(...[...acronyms].map((a) => a.length));
    const longOcc = new Map<string, Occ[]>(); // key: ACR \u0000 lower-case long form
    recs.forEach((r, rec) => {
      longForms(tokens(r.en), r.en, acronyms, maxLen, (acr, o) => {
        const key = acr + '\u0000' + o.surface.toLowerCase().replace(/\s+/g, ' ');
        let a = longOcc.get(key);
        if (!a) longOcc.set(key, (a = []));
        a.push({ rec, ...o });
      });
    });
    const out: FindingDraft[] = [];
    const reported = new Set<string>();
    for (const [key, lOcc] of [...longOcc.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
      const acr = key.slice(0, key.indexOf('\u0000'));
      const aOcc = acrOcc.get(acr)!;
      const lRecs = new Set(lOcc.map((o) => o.rec));
      const aRecs = new Set(aOcc.map((o) => o.rec));
      const onlyL = [...lRecs].filter((r) => !aRecs.has(r)).sort((a, b) => a - b);
      const onlyA = [...aRecs].filter((r) => !lRecs.has(r)).sort((a, b) => a - b);
      if (onlyL.length === 0 || onlyA.length === 0) continue;
      const union = [...new Set([...lRecs, ...aRecs])];
      // (2) the CJK term both forms translate
      const inL = new Map<string, number>();
      for (const r of onlyL) for (const g of ngrams(recs[r].cjk)) inL.set(g, (inL.get(g) ?? 0) + 1);
      const inA = new Map<string, number>();
      for (const r of onlyA) for (const g of ngrams(recs[r].cjk)) if (inL.has(g)) inA.set(g, (inA.get(g) ?? 0) + 1);
      let best: { g: string; cover: number } | undefined;
      for (const g of inA.keys()) {
        let cover = 0;
        for (const r of union) if (recs[r].cjk.includes(g)) cover++;
        if (cover / union.length < MIN_COVER) continue;
        if (!best || cover > best.cover || (cover === best.cover && g.length > best.g.length)) best = { g, cover };
      }
      if (!best) continue;
      let containing = 0;
      for (const r of recs) if (r.cjk.includes(best.g)) containing++;
      if (best.cover / containing < MIN_SPECIFIC) continue;
      const term = best.g;
      const sig = term + '\u0000' + acr;
      if (reported.has(sig)) continue;
      reported.add(sig);
      // Only links whose CJK side has the term count as renderings of it.
      const lLinks = onlyL.filter((r) => recs[r].cjk.includes(term));
      const aLinks = onlyA.filter((r) => recs[r].cjk.includes(term));
      if (lLinks.length === 0 || aLinks.length === 0) continue;
      const surfaces = new Map<string, number>();
      for (const o of lOcc) if (lLinks.includes(o.rec)) surfaces.set(o.surface, (surfaces.get(o.surface) ?? 0) + 1);
      const longSurface = [...surfaces.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
      const variant = (text: string, rs: number[]) => ({ text, links: rs.map((r) => ({ id: recs[r].p.link.id, file: recs[r].p.file, line: recs[r].p.line })) });
      const v1 = variant(longSurface, lLinks);
      const v2 = variant(acr, aLinks);
      const list = (v: typeof v1) => `"${v.text}" in ${v.links.length} link${v.links.length > 1 ? 's' : ''} (${v.links.slice(0, 4).map((l) => l.id).join(', ')}${v.links.length > 4 ? ', …' : ''})`;
      // Report at the first link of the less used form (the likely odd one out), spans on that link.
      const minority = aLinks.length < lLinks.length ? aLinks : lLinks;
      const at = recs[minority[0]];
      const occ = (minority === aLinks ? aOcc : lOcc).find((o) => o.rec === minority[0])!;
      const cjkStart = at.cjk.indexOf(term);
      const enSpan: [number, number] = [occ.start, occ.end];
      const cjkSpan: [number, number] = [cjkStart, cjkStart + term.length];
      out.push({
        message: at.enIsTarget ? `${term} is translated two ways: ${list(v1)} and ${list(v2)}` : `two source forms are translated as ${term}: ${list(v1)} and ${list(v2)}`,
        file: at.p.file,
        line: at.p.line,
        link: at.p.link.id,
        srcText: at.p.src,
        tgtText: at.p.tgt,
        srcSpan: at.enIsTarget ? cjkSpan : enSpan,
        tgtSpan: at.enIsTarget ? enSpan : cjkSpan,
        related: [...lLinks, ...aLinks].map((r) => recs[r].p.link.id).filter((id) => id !== at.p.link.id),
        data: { term, variants: [v1, v2] },
      });
    }
    return out;
  },
  notes: (state) => (state.truncated ? [`term-variants looked at the first ${state.recs.length} links only (memory bound); check the rest of the corpus in smaller files`] : []),
};
