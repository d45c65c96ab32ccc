/**
 * Completeness: an opening bracket or quote without its closing one (or the reverse), by a stack scan per side.
 * Families: round () （）, square [] 【】, quotes “” "" 「」 『』 (and ‘’ in CJK text; in English ’ is an apostrophe),
 * title marks 《》 〈〉. A family unbalanced the same way on both sides is not reported: that is a quotation spanning
 * several sentences, cut by segmentation, not an error of the translation.
 */
import type { Check, FindingDraft, PreparedLink } from '../types.js';
import { isScriptioContinua } from '../../lang/tags.js';

type Family = 'round' | 'square' | 'quote' | 'title';
const OPEN: Record<string, [string, Family]> = {
  '(': [')', 'round'], '（': ['）', 'round'], '[': [']', 'square'], '【': ['】', 'square'],
  '“': ['”', 'quote'], '「': ['」', 'quote'], '『': ['』', 'quote'], '《': ['》', 'title'], '〈': ['〉', 'title'],
};
const CLOSE: Record<string, [string, Family]> = {};
for (const [o, [c, f]] of Object.entries(OPEN)) CLOSE[c] = [o, f];

interface Problem { family: Family; char: string; at: number; kind: 'unclosed' | 'unopened' }

/** Single quotes used as quotation marks (at a word boundary, not inside "isn't"): not balanced by the scan in English. */
const BOUNDARY_APOSTROPHE = /(?:^|[\s(—–-])['‘’]|['’](?:$|[\s).,!?;:—–-])/;

/** 'untracked': the side quotes with marks the scan does not balance (English single quotes) and none it does. */
function quoteState(text: string, cjk: boolean, problems: Problem[]): 'unbalanced' | 'balanced' | 'untracked' | 'none' {
  if (problems.some((p) => p.family === 'quote')) return 'unbalanced';
  if ((cjk ? /[“”"‘’「」『』]/ : /[“”"「」『』]/).test(text)) return 'balanced';
  if (!cjk && BOUNDARY_APOSTROPHE.test(text)) return 'untracked';
  return 'none';
}
const FAMILY_CHARS: Record<Family, RegExp> = { round: /[()（）]/, square: /[[\]【】]/, quote: /[“”"「」『』]/, title: /[《》〈〉]/ };
const ANY = /[()（）[\]【】“”「」『』《》〈〉"‘’]/;

export function bracketProblems(text: string, cjk: boolean): Problem[] {
  if (!ANY.test(text)) return [];
  const stack: { char: string; at: number; family: Family; close: string }[] = [];
  const problems: Problem[] = [];
  let straight = -1;
  // "1) …", "a) …": list enumerators with only a closing parenthesis.
  const enumerator = /^\s*(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,4})[)）]/.exec(text);
  const skipAt = enumerator ? enumerator[0].length - 1 : -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '"') {
      straight = straight < 0 ? i : -1;
      continue;
    }
    if (cjk && (ch === '‘' || ch === '’')) {
      if (ch === '‘') stack.push({ char: ch, at: i, family: 'quote', close: '’' });
      else if (stack.length && stack[stack.length - 1].close === '’') stack.pop();
      else problems.push({ family: 'quote', char: ch, at: i, kind: 'unopened' });
      continue;
    }
    const o = OPEN[ch];
    if (o) {
      stack.push({ char: ch, at: i, family: o[1], close: o[0] });
      continue;
    }
    const c = CLOSE[ch];
    if (c) {
      if (i === skipAt) continue;
      // Pop to the matching opener if it is on the stack (tolerates one crossed pair); otherwise unopened.
      let k = stack.length - 1;
      while (k >= 0 && stack[k].close !== ch) k--;
      if (k < 0) {
        problems.push({ family: c[1], char: ch, at: i, kind: 'unopened' });
        continue;
      }
      for (let j = stack.length - 1; j > k; j--) problems.push({ family: stack[j].family, char: stack[j].char, at: stack[j].at, kind: 'unclosed' });
      stack.length = k;
    }
  }
  for (const s of stack) problems.push({ family: s.family, char: s.char, at: s.at, kind: 'unclosed' });
  if (straight >= 0) problems.push({ family: 'quote', char: '"', at: straight, kind: 'unclosed' });
  return problems.sort((a, b) => a.at - b.at);
}

function describe(p: Problem): string {
  return p.kind === 'unclosed' ? `${p.char} is opened but never closed` : `${p.char} closes nothing`;
}

export const unbalancedBrackets: Check = {
  id: 'unbalanced-brackets',
  title: 'Unmatched bracket or quote',
  description: 'A bracket or quotation mark ( ) （ ） [ ] 【 】 “ ” " 《 》 「 」 is opened and not closed, or closed and not opened, on one side only. Usually a quote lost in translation or a sentence cut in the wrong place.',
  group: 'completeness',
  defaultSeverity: 'warning',
  link(p: PreparedLink) {
    if (p.src.trim() === '' || p.tgt.trim() === '') return undefined;
    const sp = bracketProblems(p.src, isScriptioContinua(p.srcLang));
    const tp = bracketProblems(p.tgt, isScriptioContinua(p.tgtLang));
    if (sp.length === 0 && tp.length === 0) return undefined;
    const sFam = new Set(sp.map((x) => x.family));
    const tFam = new Set(tp.map((x) => x.family));
    const out: FindingDraft[] = [];
    // A quotation broken across links shows as a lone quote mark on one side, while the other side may use a quote
    // style this scan cannot balance (English ' for Chinese “”): a lone quote is reported only when the other side's
    // quotes are balanced or absent.
    if (quoteState(p.src, isScriptioContinua(p.srcLang), sp) === 'untracked') sFam.add('quote');
    if (quoteState(p.tgt, isScriptioContinua(p.tgtLang), tp) === 'untracked') tFam.add('quote');
    const t = tp.find((x) => !sFam.has(x.family));
    if (t) out.push({ message: `in the translation, ${describe(t)}`, tgtSpan: [t.at, t.at + 1], data: { side: 'target', char: t.char } });
    // The source is not the translator's: its lone mark is reported only when the translation closes that family
    // properly (then the source has a typo); a quotation or aside running over several links has lone marks alone.
    const s = sp.find((x) => !tFam.has(x.family) && FAMILY_CHARS[x.family].test(p.tgt));
    if (s) out.push({ message: `in the source, ${describe(s)}`, srcSpan: [s.at, s.at + 1], data: { side: 'source', char: s.char } });
    return out;
  },
};
