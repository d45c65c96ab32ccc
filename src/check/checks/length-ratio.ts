/**
 * Completeness: a link whose target/source length ratio is far outside the document's own distribution.
 * Robust statistics: the log length ratio ln((t+2)/(s+2)) (content characters, add-2 smoothing for short links) is
 * scored with the modified z-score of Iglewicz & Hoaglin (1993), 0.6745·(x − median)/MAD, against the median and
 * median absolute deviation of the same file; |z| above the threshold (3.5) AND a factor of at least 2 from the median
 * is reported, when the text missing or added is also at least about a clause (8 CJK / 25 other source characters). Streaming: median and MAD are taken from the first 10,000 links of a file (all of it when smaller);
 * later links are scored as they come, so memory stays bounded on any corpus size.
 */
import type { Check, FindingDraft, PreparedLink } from '../types.js';
import { contentLength } from '../text.js';
import { isScriptioContinua } from '../../lang/tags.js';

const WARM = 10_000;
const MIN_LINKS = 12;
const MIN_MAD = 0.1;
const MIN_FACTOR = Math.LN2;
/** Minimum amount missing or added, in source characters: about a clause. */
const MIN_EXCESS_CJK = 8;
const MIN_EXCESS_SPACED = 25;

interface Entry { lr: number; s: number; t: number; p: PreparedLink }
interface FileState { warm: Entry[]; med?: number; mad?: number; findings: FindingDraft[] }
interface State { files: Map<string, FileState>; maxZ: number; minExcess: number }

function median(xs: Float64Array): number {
  const a = Float64Array.from(xs).sort();
  const n = a.length;
  return n % 2 ? a[(n - 1) / 2] : (a[n / 2 - 1] + a[n / 2]) / 2;
}

function freeze(fs: FileState): void {
  if (fs.warm.length < MIN_LINKS) {
    fs.med = NaN;
    fs.mad = NaN;
    return;
  }
  const xs = Float64Array.from(fs.warm.map((e) => e.lr));
  const med = median(xs);
  const dev = xs.map((x) => Math.abs(x - med));
  fs.med = med;
  fs.mad = Math.max(median(dev), MIN_MAD);
}

function score(fs: FileState, e: Entry, maxZ: number, minExcess: number): void {
  if (!(fs.med !== undefined && Number.isFinite(fs.med))) return;
  const d = e.lr - fs.med;
  const z = (0.6745 * d) / fs.mad!;
  if (Math.abs(z) <= maxZ || Math.abs(d) < MIN_FACTOR) return;
  // Short links vary most ("'What?'" for 海老公道：“怎么？”): the text missing or added must also be substantial,
  // measured in source characters (the target length divided by the typical ratio).
  if (Math.abs(e.t / Math.exp(fs.med) - e.s) < minExcess) return;
  const ratio = e.t / Math.max(1, e.s);
  const typical = Math.exp(fs.med);
  const factor = Math.exp(Math.abs(d));
  const how = d < 0 ? `${factor.toFixed(1)}× shorter` : `${factor.toFixed(1)}× longer`;
  fs.findings.push({
    message: `the translation is ${how} than usual in this file (length ratio ${ratio.toFixed(2)}, typical ${typical.toFixed(2)}): something may be missing or added`,
    file: e.p.file,
    line: e.p.line,
    link: e.p.link.id,
    srcText: e.p.src,
    tgtText: e.p.tgt,
    data: { ratio: Number(ratio.toFixed(3)), typical: Number(typical.toFixed(3)), z: Number(z.toFixed(2)) },
  });
}

export const lengthRatio: Check<State> = {
  id: 'length-ratio',
  title: 'Length ratio out of line',
  description: "The translation is much shorter or longer than the file's other links would predict (robust z-score of the log length ratio above 3.5, and at least twice or half the typical ratio): part of the text may be missing, added, or misaligned.",
  group: 'completeness',
  defaultSeverity: 'warning',
  begin: () => ({ files: new Map(), maxZ: 3.5, minExcess: 8 }),
  accumulate(state, p, ctx) {
    if (ctx.config.lengthRatioZ !== undefined) state.maxZ = ctx.config.lengthRatioZ;
    state.minExcess = isScriptioContinua(p.srcLang) ? MIN_EXCESS_CJK : MIN_EXCESS_SPACED;
    const s = contentLength(p.src);
    const t = contentLength(p.tgt);
    if (s === 0 || t === 0 || (s < 4 && t < 4)) return;
    let fs = state.files.get(p.file);
    if (!fs) state.files.set(p.file, (fs = { warm: [], findings: [] }));
    const e: Entry = { lr: Math.log((t + 2) / (s + 2)), s, t, p };
    if (fs.med === undefined) {
      fs.warm.push(e);
      if (fs.warm.length >= WARM) {
        freeze(fs);
        for (const w of fs.warm) score(fs, w, state.maxZ, state.minExcess);
        fs.warm = [];
      }
    } else {
      score(fs, e, state.maxZ, state.minExcess);
    }
  },
  finish(state) {
    const out: FindingDraft[] = [];
    for (const fs of state.files.values()) {
      if (fs.med === undefined) {
        freeze(fs);
        for (const w of fs.warm) score(fs, w, state.maxZ, state.minExcess);
        fs.warm = [];
      }
      out.push(...fs.findings);
    }
    return out;
  },
};
