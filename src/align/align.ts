/**
 * The sentence aligner: scorer × DP × traceback.
 *  1. Features (features.ts): tokens with keys for dictionary glosses, identical tokens/cognates, numbers, names.
 *  2. Pass 1: DP over bead types (dp.ts) in a band around the length diagonal, scoring each bead with
 *     - the Gale & Church (1993) length model, ratio and variance estimated per document pair,
 *     - lexical overlap: bidirectional coverage of matchable tokens (a Dice-style score), normalised per
 *       document against random sentence pairs (as Vecalign normalises its cosine costs),
 *     - structure: headings with headings, paragraph boundaries as cheap link boundaries,
 *     maximising the sum of bead scores (Bertalign's objective: merging must pay for itself).
 *  3. Re-estimate the length variance and learn word pairs from pass-1 links (IBM Model 1 EM, both directions).
 *  4. Pass 2 in a narrow band around the pass-1 path with the learned pairs; confidence per link from its features.
 * Sentence-pair overlaps of a band are computed at once by joining each source sentence's keys with an inverted
 * index of the target side (postings per key), so their cost follows the key matches in the band, not its cells.
 * Long documents (anchors.ts): pass 1 runs in a ±10 band around the path through anchor pairs (Moore 2002-style
 * anchor-first search), or, without enough anchors, around a re-centred length-only path; stretches where a path
 * runs along its band's edge are realigned locally in a wider band (repairEdges). Time and memory are linear.
 */
import { BitextError } from '../errors.js';
import type { Diagnostic, Lang, Link, LinkSentence, Sentence } from '../model/types.js';
import { primaryLanguage } from '../lang/tags.js';
import { bandAroundPath, beadTypes, diagonalBand, dpAlign, dpTables, lengthDp, normalizeBand, traceBack, type Band, type BeadType, type DpResult } from './dp.js';
import { adoptFeatures, capitalisedWords, KeySpace, runFeatureJob, type FeatureJob, type LocalFeatures, type PackedSideFeatures as SideFeatures } from './features.js';
import type { Lexicon } from './lexicon.js';
import { learnPairs } from './model1.js';
import { anchorIndex, findAnchors } from './anchors.js';

export type AlignSentence = Pick<Sentence, 'id' | 'text'> &
  Partial<Pick<Sentence, 'kind' | 'headingLevel' | 'paragraph' | 'start' | 'end' | 'line'>>;

export interface AlignOptions {
  srcLang: Lang;
  tgtLang: Lang;
  /** zh→en (or src→tgt) lexicon: built-in dictionary, --dict, glossary; merged by the caller. */
  lexicon?: Lexicon;
  /** Links with a confidence below this are counted as "to review" (default 0.5). */
  reviewThreshold?: number;
  /** Most sentences on one side of a link (default 4: 1-4, 4-1, 2-3 … links). */
  maxSentences?: number;
  /** Learn word pairs from the document pair and realign (default true). */
  learn?: boolean;
  onProgress?: (done: number, total: number) => void;
  /** Advanced: scorer weights (for experiments; defaults are measured on the development sets). */
  params?: Partial<ScoreParams>;
}

export interface AlignStats {
  byType: Record<string, number>;
  belowThreshold: number;
  /** Target characters per source character (letters/digits/CJK, no spaces or punctuation). */
  ratio: number;
  /** Word pairs learned from the document pair. */
  learnedPairs: number;
  srcSentences: number;
  tgtSentences: number;
  /** Length-only search passes (long documents: the band is re-centred until the path keeps off its edges). */
  lengthPasses?: number;
  /** Medium-band lexical passes of long documents (re-centred like the length passes). */
  lexicalPasses?: number;
  /** Anchor pairs found by the anchor-first search of long documents. */
  anchors?: number;
  /** Stretches of a long document realigned in a wider band because the path ran along the band's edge. */
  localRepairs?: number;
  /** Milliseconds per phase (features, pass1, learn, pass2), for benchmarks. */
  timings?: Record<string, number>;
}

export interface AlignResult {
  links: Link[];
  stats: AlignStats;
  diagnostics: Diagnostic[];
}

export interface ScoreParams {
  /** Score of any non-empty bead before its features (a bead must be worth making: stops over-merging). */
  bonus: number;
  lexWeight: number;
  lenWeight: number;
  skip: number;
  /** Extra cost of leaving a sentence unaligned, per matchable token in it. */
  skipPerToken: number;
  /** Share of 1-1 links (smallest deviations first) used to estimate the length variance. */
  varianceKeep: number;
  /** Multiplier on the estimated length variance. */
  varianceScale: number;
  /** Penalty per extra sentence in a bead beyond 1-1. */
  merge: number;
  heading: number;
  paragraph: number;
  smoothing: number;
  band1: number;
  band2: number;
  /** Anchor-first search of long documents: runner-up ratio, least score (idf units), expected candidates per key. */
  anchorRatio: number;
  anchorMinScore: number;
  anchorPerKey: number;
  /** The same for the first, wide-window round of anchors. */
  anchorRatio1: number;
  anchorMinScore1: number;
  anchorPerKey1: number;
  /** Half-width of the medium band of the first lexical pass of long documents, away from anchors. */
  midBand: number;
  /**
   * Its half-width at dense anchors: between two anchors the path is interpolated from lengths, whose drift grows like
   * a random walk's, so the half-width there is this plus the square root of their distance in rows, up to midBand
   * (anchorBandWidths; sparse anchors keep midBand everywhere).
   */
  midBandMin: number;
  /** Context of a local repair, in multiples of its band width (beads on each side of the stretch). */
  repairContext: number;
  /** Score beads from cached sentence-pair overlaps (faster, approximate) in every pass, not only for long documents. */
  pairScorer: boolean;
}

export const DEFAULT_PARAMS: ScoreParams = {
  bonus: 0.15,
  lexWeight: 1,
  lenWeight: 0.06,
  skip: -0.6,
  skipPerToken: 0,
  varianceKeep: 0.9,
  varianceScale: 2,
  merge: 0.2,
  heading: 1.5,
  paragraph: 0.1,
  smoothing: 2,
  band1: 40,
  band2: 10,
  pairScorer: true,
  anchorRatio: 1.5,
  anchorMinScore: 3,
  anchorPerKey: 20,
  anchorRatio1: 1.5,
  anchorMinScore1: 3,
  anchorPerKey1: 20,
  midBand: 10,
  midBandMin: 4,
  repairContext: 5,
};

export interface Packed {
  len: Float64Array;
  tokStart: Int32Array; // per sentence, into tok arrays
  keyStart: Int32Array; // per token, into keys
  keys: Int32Array;
  weight: Float32Array; // per token; 0 when it cannot match anything on the other side
  sumW: Float64Array; // per sentence
  uniqStart: Int32Array; // per sentence, into uniq
  uniq: Int32Array;
}

/**
 * Typed arrays in shared memory: a stretch job holds views of the document's packed arrays (no copy), which a worker
 * thread running stretches reads as they are (a view of an ordinary buffer would send the whole buffer).
 */
function sharedInt32(n: number): Int32Array {
  return new Int32Array(new SharedArrayBuffer(4 * n));
}
function sharedFloat32(n: number): Float32Array {
  return new Float32Array(new SharedArrayBuffer(4 * n));
}
function sharedFloat64(n: number): Float64Array {
  return new Float64Array(new SharedArrayBuffer(8 * n));
}

/**
 * A side's features as flat arrays for the passes: per sentence its tokens, per token its keys (key list, then learned
 * keys), weights (0 for a token that cannot match `otherHas`), per sentence its distinct keys. With `onlyShared`, a
 * token keeps only the keys the other side has (the others can match nothing: no score, anchor or pair changes); only
 * for a side whose other side gets no learned keys later (its presence stays `otherHas`).
 */
function pack(side: SideFeatures, len: Float64Array, extra: Map<number, number[]> | undefined, otherHas: Uint8Array | undefined, keySpace: number, onlyShared = false): Packed {
  const n = side.tokStart.length - 1;
  const ts = side.tokStart;
  const tokWeight = side.tokWeight;
  // each token copies the keys of one list (its key list, or a list of its own for a key list and learned keys)
  const { start: eStart, keys: eKeys, match, ofToken } = tokenLists(side, extra, otherHas, onlyShared ? otherHas : undefined);
  const nt = ts[n];
  let nk = 0;
  for (let t = 0; t < nt; t++) nk += eStart[ofToken[t] + 1] - eStart[ofToken[t]];
  const keyStart = new Int32Array(nt + 1);
  const keys = sharedInt32(nk);
  const weight = sharedFloat32(nt);
  const sumW = sharedFloat64(n);
  const uniqStart = new Int32Array(n + 1);
  const uniqAll = new Int32Array(nk);
  const seen = new Int32Array(keySpace);
  let nu = 0;
  let ki = 0;
  for (let i = 0; i < n; i++) {
    uniqStart[i] = nu;
    const stamp = i + 1;
    let sum = 0;
    for (let ti = ts[i]; ti < ts[i + 1]; ti++) {
      keyStart[ti] = ki;
      const l = ofToken[ti];
      for (let q = eStart[l], qe = eStart[l + 1]; q < qe; q++) {
        const k = eKeys[q];
        keys[ki++] = k;
        if (seen[k] !== stamp) {
          seen[k] = stamp;
          uniqAll[nu++] = k;
        }
      }
      weight[ti] = match[l] ? tokWeight[ti] : 0;
      sum += weight[ti];
    }
    sumW[i] = sum;
  }
  keyStart[nt] = ki;
  uniqStart[n] = nu;
  const uniq = sharedInt32(nu);
  uniq.set(uniqAll.subarray(0, nu));
  const lenShared = sharedFloat64(len.length);
  lenShared.set(len);
  return { len: lenShared, tokStart: ts.slice(), keyStart, keys, weight, sumW, uniqStart, uniq };
}

/**
 * The key lists `pack` copies (CSR: list l is keys[start[l]] … keys[start[l + 1] - 1]) and each token's list
 * (`ofToken`): the side's key lists, then one per (key list, type) pair of the tokens whose type has learned keys (the
 * list's keys, then the learned ones); with `keep`, only the keys it holds. `match[l]`: whether one of the list's keys
 * (all of them, not only the kept ones) occurs on the other side (always, without `otherHas`). Made once per list and
 * pair, so that pack's loop over tokens takes one path for every token.
 */
function tokenLists(side: SideFeatures, extra: Map<number, number[]> | undefined, otherHas: Uint8Array | undefined, keep: Uint8Array | undefined): { start: Int32Array; keys: Int32Array; match: Uint8Array; ofToken: Int32Array } {
  const { tokType, tokList, listStart, listKeys } = side;
  const types = side.types.length;
  const nl = listStart.length - 1;
  const hasLearned = new Uint8Array(types);
  let anyLearned = false;
  if (extra) {
    for (const [type, ex] of extra) {
      if (type < types && ex.length) {
        hasLearned[type] = 1;
        anyLearned = true;
      }
    }
  }
  // per token its list: its key list, or the list of its (key list, type) pair, numbered in order of first token
  let ofToken = tokList;
  const pairs: number[] = [];
  if (anyLearned) {
    ofToken = tokList.slice();
    const ids = new Map<number, Map<number, number>>();
    for (let t = 0; t < tokType.length; t++) {
      const ty = tokType[t];
      if (!hasLearned[ty]) continue;
      let byList = ids.get(ty);
      if (!byList) ids.set(ty, (byList = new Map()));
      let id = byList.get(tokList[t]);
      if (id === undefined) {
        id = nl + pairs.length / 2;
        byList.set(tokList[t], id);
        pairs.push(tokList[t], ty);
      }
      ofToken[t] = id;
    }
  }
  const base = matchable(listStart, listKeys, otherHas);
  if (!keep && !pairs.length) return { start: listStart, keys: listKeys, match: base, ofToken };
  const count = nl + pairs.length / 2;
  const start = new Int32Array(count + 1);
  const out: number[] = [];
  const match = new Uint8Array(count);
  match.set(base);
  for (let l = 0; l < nl; l++) {
    start[l] = out.length;
    for (let q = listStart[l]; q < listStart[l + 1]; q++) if (!keep || keep[listKeys[q]]) out.push(listKeys[q]);
  }
  for (let c = 0; c < pairs.length; c += 2) {
    const l = pairs[c];
    const ex = extra!.get(pairs[c + 1])!;
    start[nl + c / 2] = out.length;
    for (let q = listStart[l]; q < listStart[l + 1]; q++) if (!keep || keep[listKeys[q]]) out.push(listKeys[q]);
    for (const k of ex) if (!keep || keep[k]) out.push(k);
    match[nl + c / 2] = base[l] || !otherHas || ex.some((k) => otherHas[k] === 1) ? 1 : 0;
  }
  start[count] = out.length;
  return { start, keys: Int32Array.from(out), match, ofToken };
}

/** Per list of a CSR layout (`start`, `keys`): 1 when one of its keys occurs on the other side (always, without `otherHas`). */
function matchable(start: Int32Array, keys: Int32Array, otherHas: Uint8Array | undefined): Uint8Array {
  const lists = start.length - 1;
  const out = new Uint8Array(lists);
  for (let l = 0; l < lists; l++) {
    for (let q = start[l]; q < start[l + 1]; q++) {
      if (!otherHas || otherHas[keys[q]]) {
        out[l] = 1;
        break;
      }
    }
  }
  return out;
}

/**
 * `pack` again for a side whose keys are unchanged (no learned keys) when the other side's keys changed: the same
 * key lists, new token weights (a token weighs when any of its keys occurs on the other side).
 */
function reweigh(X: Packed, side: SideFeatures, otherHas: Uint8Array): Packed {
  const n = X.len.length;
  const ts = X.tokStart;
  const { tokWeight, tokList } = side;
  // its tokens' keys are their key lists' (no learned keys): matchable per list, as in pack
  const listMatch = matchable(side.listStart, side.listKeys, otherHas);
  const weight = sharedFloat32(X.weight.length);
  const sumW = sharedFloat64(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let ti = ts[i]; ti < ts[i + 1]; ti++) {
      weight[ti] = listMatch[tokList[ti]] ? tokWeight[ti] : 0;
      sum += weight[ti];
    }
    sumW[i] = sum;
  }
  // pack()'s field order: one object shape for every Packed
  return { len: X.len, tokStart: X.tokStart, keyStart: X.keyStart, keys: X.keys, weight, sumW, uniqStart: X.uniqStart, uniq: X.uniq };
}

function presence(side: SideFeatures, extra: Map<number, number[]> | undefined, size: number): Uint8Array {
  const has = new Uint8Array(size);
  const { tokList, tokType, listStart, listKeys } = side;
  // every key list in use (lists are shared by tokens: mark each list once)
  const nl = listStart.length - 1;
  const used = new Uint8Array(nl);
  for (let t = 0; t < tokList.length; t++) used[tokList[t]] = 1;
  for (let l = 0; l < nl; l++) if (used[l]) for (let q = listStart[l]; q < listStart[l + 1]; q++) has[listKeys[q]] = 1;
  if (extra) {
    const usedType = new Uint8Array(side.types.length);
    for (let t = 0; t < tokType.length; t++) usedType[tokType[t]] = 1;
    for (const [type, ex] of extra) if (usedType[type]) for (const k of ex) has[k] = 1;
  }
  return has;
}

/** Source and target lengths below this have their length score memoised (a LEN_MEMO² table per scorer, 2 MB). */
const LEN_MEMO = 512;

/** First index in [from, to) of a sorted array whose value is >= x (binary search). */
function lowerBound(a: Int32Array, from: number, to: number, x: number): number {
  let l = from;
  let h = to;
  while (l < h) {
    const mid = (l + h) >>> 1;
    if (a[mid] < x) l = mid + 1;
    else h = mid;
  }
  return l;
}

/**
 * The first posting of key `k` at or after target `a` (fillPairs): by binary search at the key's first row of a fill
 * (`call`), then by moving the key's cursor forward (the rows' first targets never decrease).
 */
function postingFrom(k: number, a: number, keyOff: Int32Array, sent: Int32Array, cur: Int32Array, curStamp: Int32Array, call: number): number {
  const pe = keyOff[k + 1];
  let p: number;
  if (curStamp[k] !== call) {
    curStamp[k] = call;
    p = lowerBound(sent, keyOff[k], pe, a);
  } else {
    p = cur[k];
    while (p < pe && sent[p] < a) p++;
  }
  cur[k] = p;
  return p;
}

/** Standard normal upper tail ×2, via the complementary error function (Abramowitz & Stegun 7.1.26). */
function twoTail(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const y = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-x * x);
  return Math.max(y, 1e-12);
}

/**
 * Weight of the tokens of sentences [a, b) of one side that have a key marked with stamp `st` on the other side
 * (a token counts once, however many of its keys match).
 */
function coveredWeight(X: Packed, a: number, b: number, mark: Int32Array, st: number): number {
  let sum = 0;
  for (let tk = X.tokStart[a], e = X.tokStart[b]; tk < e; tk++) {
    const w = X.weight[tk];
    if (w === 0) continue;
    for (let k = X.keyStart[tk], ke = X.keyStart[tk + 1]; k < ke; k++) {
      if (mark[X.keys[k]] === st) {
        sum += w;
        break;
      }
    }
  }
  return sum;
}

class Scorer {
  private markS: Int32Array;
  private markT: Int32Array;
  private stamp = 0;
  ratio = 1;
  variance = 6.8;
  base = 0;
  top = 1;
  srcPara?: Int32Array;
  tgtPara?: Int32Array;
  srcHead?: Uint8Array;
  tgtHead?: Uint8Array;
  constructor(
    public S: Packed,
    public T: Packed,
    keySpace: number,
    public p: ScoreParams,
  ) {
    this.markS = new Int32Array(keySpace);
    this.markT = new Int32Array(keySpace);
  }

  /** Matched token weight of the source span [i0,i1) against target [j0,j1) (or the reverse when `reverse`). */
  matched(i0: number, i1: number, j0: number, j1: number, reverse: boolean): number {
    const A = reverse ? this.T : this.S;
    const B = reverse ? this.S : this.T;
    const mark = this.markT;
    const st = ++this.stamp;
    for (let s = j0; s < j1; s++) for (let u = B.uniqStart[s]; u < B.uniqStart[s + 1]; u++) mark[B.uniq[u]] = st;
    let c = 0;
    for (let tk = A.tokStart[i0]; tk < A.tokStart[i1]; tk++) {
      const w = A.weight[tk];
      if (w === 0) continue;
      for (let k = A.keyStart[tk]; k < A.keyStart[tk + 1]; k++) {
        if (mark[A.keys[k]] === st) {
          c += w;
          break;
        }
      }
    }
    return c;
  }

  /** Cost of leaving a sentence unaligned: a constant, plus its lexical evidence for a neighbouring sentence. */
  skipScore(i0: number, j0: number, di: number): number {
    const p = this.p;
    let s = p.skip;
    if (p.skipPerToken > 0) {
      let best = 0;
      if (di) {
        if (j0 > 0) best = Math.max(best, this.matched(i0, i0 + 1, j0 - 1, j0, false));
        if (j0 < this.T.len.length) best = Math.max(best, this.matched(i0, i0 + 1, j0, j0 + 1, false));
      } else {
        if (i0 > 0) best = Math.max(best, this.matched(j0, j0 + 1, i0 - 1, i0, true));
        if (i0 < this.S.len.length) best = Math.max(best, this.matched(j0, j0 + 1, i0, i0 + 1, true));
      }
      s -= p.skipPerToken * best;
    }
    return s;
  }

  /** Lexical overlap of a bead in [0,1]: matched token weight over matchable token weight, both sides. */
  lex(i0: number, i1: number, j0: number, j1: number): number {
    const S = this.S;
    const T = this.T;
    const st = ++this.stamp;
    let ns = 0;
    let nt = 0;
    for (let s = i0; s < i1; s++) ns += S.sumW[s];
    for (let s = j0; s < j1; s++) nt += T.sumW[s];
    if (ns + nt === 0) return this.base;
    const markS = this.markS;
    const markT = this.markT;
    for (let s = j0; s < j1; s++) for (let u = T.uniqStart[s]; u < T.uniqStart[s + 1]; u++) markT[T.uniq[u]] = st;
    for (let s = i0; s < i1; s++) for (let u = S.uniqStart[s]; u < S.uniqStart[s + 1]; u++) markS[S.uniq[u]] = st;
    const cs = coveredWeight(S, i0, i1, markT, st);
    const ct = coveredWeight(T, j0, j1, markS, st);
    const a = this.p.smoothing;
    return (cs + ct + a * this.base) / (ns + nt + a);
  }

  lexNorm(lex: number): number {
    return (lex - this.base) / Math.max(this.top - this.base, 0.08);
  }

  logLen(i0: number, i1: number, j0: number, j1: number): number {
    let ls = 0;
    let lt = 0;
    if (this.srcCum && this.tgtCum) {
      // lengths are whole numbers: differences of cumulative sums are exact
      ls = this.srcCum[i1] - this.srcCum[i0];
      lt = this.tgtCum[j1] - this.tgtCum[j0];
    } else {
      for (let s = i0; s < i1; s++) ls += this.S.len[s];
      for (let s = j0; s < j1; s++) lt += this.T.len[s];
    }
    // memo of the whole-number length pairs met so far (the same value as computing it: it is computed once)
    if (ls < LEN_MEMO && lt < LEN_MEMO && ls >= 0 && lt >= 0 && ls === (ls | 0) && lt === (lt | 0)) {
      if (this.memoRatio !== this.ratio || this.memoVariance !== this.variance || !this.lenMemo) {
        this.lenMemo = (this.lenMemo ?? new Float64Array(LEN_MEMO * LEN_MEMO)).fill(NaN);
        this.memoRatio = this.ratio;
        this.memoVariance = this.variance;
      }
      const k = ls * LEN_MEMO + lt;
      let v = this.lenMemo[k];
      if (v !== v) v = this.lenMemo[k] = this.logLenOf(ls, lt);
      return v;
    }
    return this.logLenOf(ls, lt);
  }

  private lenMemo?: Float64Array;
  private memoRatio = NaN;
  private memoVariance = NaN;

  /** Gale & Church (1993): log probability of the length difference under the normal model. */
  private logLenOf(ls: number, lt: number): number {
    const mean = (ls * this.ratio + lt) / 2;
    const z = (lt - ls * this.ratio) / Math.sqrt(this.variance * Math.max(mean, 1));
    return Math.log(twoTail(z));
  }

  structure(i0: number, i1: number, j0: number, j1: number): number {
    let pen = 0;
    const p = this.p;
    if (this.srcHead && this.tgtHead) {
      let hs = 0;
      let ht = 0;
      for (let s = i0; s < i1; s++) hs += this.srcHead[s];
      for (let s = j0; s < j1; s++) ht += this.tgtHead[s];
      if ((hs > 0) !== (ht > 0)) pen += p.heading;
      else if (hs > 0 && (i1 - i0 > 1 || j1 - j0 > 1)) pen += p.heading;
    }
    if (this.srcPara) for (let s = i0 + 1; s < i1; s++) if (this.srcPara[s] !== this.srcPara[s - 1]) pen += p.paragraph;
    if (this.tgtPara) for (let s = j0 + 1; s < j1; s++) if (this.tgtPara[s] !== this.tgtPara[s - 1]) pen += p.paragraph;
    return pen;
  }

  /**
   * Per sentence pair (i, j): matched source weight (cs) and matched target weight (ct), computed once and kept in
   * band-shaped typed arrays (filled eagerly by fillPairs); pairs outside the cached band are computed directly.
   */
  pairCache?: { lo: Int32Array; hi: Int32Array; off: Int32Array; cs: Float32Array; ct: Float32Array };

  /** Cache sentence-pair overlaps for the cells of `band` (plus a margin). */
  usePairBand(band: Band): void {
    const n = band.lo.length - 1;
    const lo = new Int32Array(n + 1);
    const hi = new Int32Array(n + 1);
    const off = new Int32Array(n + 2);
    const margin = 6;
    for (let i = 0; i <= n; i++) {
      lo[i] = Math.max(0, band.lo[i] - margin);
      hi[i] = band.hi[i] + margin;
      off[i + 1] = off[i] + (hi[i] - lo[i] + 1);
    }
    const size = off[n + 1];
    const cs = new Float32Array(size);
    const ct = new Float32Array(size);
    this.fillPairs(lo, hi, off, cs, ct);
    this.pairCache = { lo, hi, off, cs, ct };
    this.pcLo = lo;
    this.pcHi = hi;
    this.pcOff = off;
    this.pcCs = cs;
    this.pcCt = ct;
  }

  /**
   * Inverted index of the target side (postings: for each key, the (sentence, token) pairs that carry it, in
   * sentence order), restricted to keys that occur on the source side; built once per scorer.
   */
  private postings?: { keyOff: Int32Array; sent: Int32Array; tok: Int32Array };

  private targetPostings(): { keyOff: Int32Array; sent: Int32Array; tok: Int32Array } {
    if (this.postings) return this.postings;
    const S = this.S;
    const T = this.T;
    const K = this.markS.length;
    const inS = new Uint8Array(K);
    for (let u = 0; u < S.uniq.length; u++) inS[S.uniq[u]] = 1;
    const keyOff = new Int32Array(K + 1);
    for (let k = 0; k < T.keys.length; k++) if (inS[T.keys[k]]) keyOff[T.keys[k] + 1]++;
    for (let k = 0; k < K; k++) keyOff[k + 1] += keyOff[k];
    const fill = keyOff.slice(0, K);
    const sent = new Int32Array(keyOff[K]);
    const tok = new Int32Array(keyOff[K]);
    const m = T.len.length;
    // counting sort by key, filled in sentence then token order: each key's postings are sorted by sentence
    for (let j = 0; j < m; j++) {
      for (let tk = T.tokStart[j], e = T.tokStart[j + 1]; tk < e; tk++) {
        for (let q = T.keyStart[tk], qe = T.keyStart[tk + 1]; q < qe; q++) {
          const k = T.keys[q];
          if (!inS[k]) continue;
          const at = fill[k]++;
          sent[at] = j;
          tok[at] = tk;
        }
      }
    }
    this.postings = { keyOff, sent, tok };
    return this.postings;
  }

  /**
   * Fill the pair cache row by row from the target postings of the row's source keys (an inverted-index join
   * instead of comparing every sentence pair): time proportional to the key matches in the band, not to its cells.
   * The sums are the same as pairBoth's (token weights are float32 values summed exactly in float64, in any order).
   */
  private fillPairs(lo: Int32Array, hi: Int32Array, off: Int32Array, cs: Float32Array | Float64Array, ct: Float32Array | Float64Array, row0 = 0): void {
    const S = this.S;
    const T = this.T;
    const n = S.len.length;
    const m = T.len.length;
    const { keyOff, sent, tok } = this.targetPostings();
    let W = 1;
    for (let i = 0; i < lo.length; i++) if (hi[i] - lo[i] + 1 > W) W = hi[i] - lo[i] + 1;
    const rowCs = new Float64Array(W);
    const rowCt = new Float64Array(W);
    const seenJ = new Int32Array(W);
    // per key, the first of its postings at or after the row's first target (found by binary search at the key's
    // first row, then moved forward: the rows' first targets never decrease) — one search per key, not per row
    const K = keyOff.length - 1;
    if (this.fillCur.length !== K) {
      this.fillCur = new Int32Array(K);
      this.fillCurStamp = new Int32Array(K);
    }
    const cur = this.fillCur;
    const curStamp = this.fillCurStamp;
    let call = ++this.fillCall;
    if (this.fillSeenTok.length !== T.weight.length) this.fillSeenTok = new Int32Array(T.weight.length);
    const seenTok = this.fillSeenTok;
    if (this.fillStamp > 0x3fffffff) {
      seenTok.fill(0);
      this.fillStamp = 0;
    }
    let stamp = this.fillStamp;
    let lastA = 0;
    for (let r = 0; r < lo.length && row0 + r < n; r++) {
      const i = row0 + r;
      const a = lo[r];
      const b = Math.min(hi[r], m - 1);
      if (a > b) continue;
      if (a < lastA) call = ++this.fillCall; // not monotone: search again
      lastA = a;
      const width = b - a + 1;
      rowCs.fill(0, 0, width);
      rowCt.fill(0, 0, width);
      // cs: each source token counts once per target sentence holding any of its keys
      for (let tk = S.tokStart[i], e = S.tokStart[i + 1]; tk < e; tk++) {
        const w = S.weight[tk];
        if (w === 0) continue;
        const st = ++stamp;
        for (let q = S.keyStart[tk], qe = S.keyStart[tk + 1]; q < qe; q++) {
          const k = S.keys[q];
          const pe = keyOff[k + 1];
          let p = postingFrom(k, a, keyOff, sent, cur, curStamp, call);
          for (; p < pe; p++) {
            const j = sent[p];
            if (j > b) break;
            if (seenJ[j - a] !== st) {
              seenJ[j - a] = st;
              rowCs[j - a] += w;
            }
          }
        }
      }
      // ct: each target token counts once when any of its keys is a key of the source sentence
      const rs = ++stamp;
      for (let u = S.uniqStart[i], e = S.uniqStart[i + 1]; u < e; u++) {
        const k = S.uniq[u];
        const pe = keyOff[k + 1];
        let p = postingFrom(k, a, keyOff, sent, cur, curStamp, call);
        for (; p < pe; p++) {
          const j = sent[p];
          if (j > b) break;
          const t = tok[p];
          if (seenTok[t] !== rs) {
            seenTok[t] = rs;
            rowCt[j - a] += T.weight[t];
          }
        }
      }
      const o = off[r];
      for (let x = 0; x < width; x++) {
        cs[o + x] = rowCs[x];
        ct[o + x] = rowCt[x];
      }
    }
    this.fillStamp = stamp;
  }

  // fillPairs' per-key cursors into the postings and its marks of counted target tokens (kept between calls)
  private fillCur = new Int32Array(0);
  private fillCurStamp = new Int32Array(0);
  private fillCall = 0;
  private fillSeenTok = new Int32Array(0);
  private fillStamp = 0;

  // a second, local pair cache for the stretch being repaired (rows row0 …, absolute target positions; float64:
  // the exact values pairBoth would give outside the main cache)
  private p2Row0 = 0;
  private p2Rows = 0;
  private p2Lo = new Int32Array(0);
  private p2Hi = new Int32Array(0);
  private p2Off = new Int32Array(0);
  private p2Cs = new Float64Array(0);
  private p2Ct = new Float64Array(0);

  /** Cache the pairs of rows row0 … row0 + lo.length - 1, targets [lo[r] - 6, hi[r] + 6], for a local repair. */
  useLocalPairs(row0: number, lo0: Int32Array, hi0: Int32Array): void {
    const rows = lo0.length;
    const lo = new Int32Array(rows);
    const hi = new Int32Array(rows);
    const off = new Int32Array(rows + 1);
    for (let r = 0; r < rows; r++) {
      lo[r] = Math.max(0, lo0[r] - 6);
      hi[r] = hi0[r] + 6;
      off[r + 1] = off[r] + (hi[r] - lo[r] + 1);
    }
    const cs = new Float64Array(off[rows]);
    const ct = new Float64Array(off[rows]);
    this.fillPairs(lo, hi, off, cs, ct, row0);
    // where the main cache has the pair, `pair` reads it there (float32): the same value here, so that a DP may read
    // this cache alone (alignBand)
    const pcLo = this.pcLo;
    const pcHi = this.pcHi;
    for (let r = 0; r < rows && row0 + r < pcLo.length; r++) {
      const s = row0 + r;
      const from = Math.max(lo[r], pcLo[s]);
      const to = Math.min(hi[r], pcHi[s]);
      for (let j = from; j <= to; j++) {
        cs[off[r] + (j - lo[r])] = this.pcCs[this.pcOff[s] + (j - pcLo[s])];
        ct[off[r] + (j - lo[r])] = this.pcCt[this.pcOff[s] + (j - pcLo[s])];
      }
    }
    this.p2Row0 = row0;
    this.p2Rows = rows;
    this.p2Lo = lo;
    this.p2Hi = hi;
    this.p2Off = off;
    this.p2Cs = cs;
    this.p2Ct = ct;
  }

  clearLocalPairs(): void {
    this.p2Rows = 0;
    this.p2Cs = this.p2Ct = new Float64Array(0);
  }

  // the pair cache's arrays as direct fields (no object hop in the hottest lookup)
  private pcLo = new Int32Array(0);
  private pcHi = new Int32Array(0);
  private pcOff = new Int32Array(0);
  private pcCs = new Float32Array(0);
  private pcCt = new Float32Array(0);

  private lastCt = 0;
  private colBuf = new Float64Array(8);

  /** Matched source weight of pair (i, j); the matched target weight is left in `lastCt`. */
  private pair(i: number, j: number): number {
    const lo = this.pcLo[i];
    if (j >= lo && j <= this.pcHi[i]) {
      // the cache is filled eagerly (fillPairs)
      const k = this.pcOff[i] + (j - lo);
      this.lastCt = this.pcCt[k];
      return this.pcCs[k];
    }
    const r = i - this.p2Row0;
    if (r >= 0 && r < this.p2Rows && j >= this.p2Lo[r] && j <= this.p2Hi[r]) {
      const k = this.p2Off[r] + (j - this.p2Lo[r]);
      this.lastCt = this.p2Ct[k];
      return this.p2Cs[k];
    }
    return this.pairBoth(i, j);
  }

  /** Both directions of `matched` for one sentence pair in one sweep (one stamp, two mark arrays); target side in `lastCt`. */
  private pairBoth(i: number, j: number): number {
    const S = this.S;
    const T = this.T;
    const markS = this.markS;
    const markT = this.markT;
    const st = ++this.stamp;
    for (let u = T.uniqStart[j], e = T.uniqStart[j + 1]; u < e; u++) markT[T.uniq[u]] = st;
    for (let u = S.uniqStart[i], e = S.uniqStart[i + 1]; u < e; u++) markS[S.uniq[u]] = st;
    this.lastCt = coveredWeight(T, j, j + 1, markS, st);
    return coveredWeight(S, i, i + 1, markT, st);
  }

  /**
   * Lexical overlap of a bead from sentence-pair overlaps (a sum bounded per sentence instead of the exact union):
   * each pair is scored once instead of once per bead containing it.
   */
  lexFromPairs(i0: number, i1: number, j0: number, j1: number): number {
    if (i1 - i0 === 1 && j1 - j0 === 1) {
      // 1-1 beads (most of them): one cached pair, no column buffer
      const ns1 = this.S.sumW[i0];
      const nt1 = this.T.sumW[j0];
      if (ns1 + nt1 === 0) return this.base;
      let c: number;
      let d: number;
      const lo = this.pcLo[i0];
      if (j0 >= lo && j0 <= this.pcHi[i0]) {
        // in the cache (filled eagerly): read it directly
        const k = this.pcOff[i0] + (j0 - lo);
        c = this.pcCs[k];
        d = this.pcCt[k];
      } else {
        c = this.pair(i0, j0);
        d = this.lastCt;
      }
      const a1 = this.p.smoothing;
      return ((c < ns1 ? c : ns1) + (d < nt1 ? d : nt1) + a1 * this.base) / (ns1 + nt1 + a1);
    }
    let ns = 0;
    let nt = 0;
    let cs = 0;
    let ct = 0;
    for (let s = i0; s < i1; s++) ns += this.S.sumW[s];
    for (let t = j0; t < j1; t++) nt += this.T.sumW[t];
    if (ns + nt === 0) return this.base;
    const a = this.p.smoothing;
    const pcLo = this.pcLo;
    const pcHi = this.pcHi;
    let inside = true;
    for (let s = i0; s < i1; s++) {
      if (j0 < pcLo[s] || j1 - 1 > pcHi[s]) {
        inside = false;
        break;
      }
    }
    if (inside) {
      // every pair of the bead is in the cache: read the rows directly (sums are exact, as in the general path)
      const pcOff = this.pcOff;
      const csA = this.pcCs;
      const ctA = this.pcCt;
      const sumS = this.S.sumW;
      const sumT = this.T.sumW;
      for (let s = i0; s < i1; s++) {
        const o = pcOff[s] - pcLo[s];
        let c = 0;
        for (let t = j0; t < j1; t++) c += csA[o + t];
        const w = sumS[s];
        cs += c < w ? c : w;
      }
      for (let t = j0; t < j1; t++) {
        let c = 0;
        for (let s = i0; s < i1; s++) c += ctA[pcOff[s] - pcLo[s] + t];
        const w = sumT[t];
        ct += c < w ? c : w;
      }
      return (cs + ct + a * this.base) / (ns + nt + a);
    }
    const colT = this.colBuf.length >= j1 - j0 ? this.colBuf : (this.colBuf = new Float64Array(Math.max(8, j1 - j0)));
    colT.fill(0, 0, j1 - j0);
    for (let s = i0; s < i1; s++) {
      let c = 0;
      for (let t = j0; t < j1; t++) {
        c += this.pair(s, t);
        colT[t - j0] += this.lastCt;
      }
      const w = this.S.sumW[s];
      cs += c < w ? c : w;
    }
    for (let t = j0; t < j1; t++) {
      const w = this.T.sumW[t];
      const c = colT[t - j0];
      ct += c < w ? c : w;
    }
    return (cs + ct + a * this.base) / (ns + nt + a);
  }

  srcCum?: Float64Array;
  tgtCum?: Float64Array;

  bead(i0: number, j0: number, di: number, dj: number): number {
    const p = this.p;
    if (di === 0 || dj === 0) {
      let s = this.skipScore(i0, j0, di);
      if (this.srcHead && di && this.srcHead[i0]) s -= p.heading / 2;
      if (this.tgtHead && dj && this.tgtHead[j0]) s -= p.heading / 2;
      return s;
    }
    const i1 = i0 + di;
    const j1 = j0 + dj;
    return (
      p.bonus +
      p.lexWeight * this.lexNorm(this.pairCache ? this.lexFromPairs(i0, i1, j0, j1) : this.lex(i0, i1, j0, j1)) +
      p.lenWeight * this.logLen(i0, i1, j0, j1) -
      p.merge * (di + dj - 2) -
      this.structure(i0, i1, j0, j1)
    );
  }

  /** The length-score memo, (re)initialised for the current ratio and variance (see logLen). */
  private memo(): Float64Array {
    if (this.memoRatio !== this.ratio || this.memoVariance !== this.variance || !this.lenMemo) {
      this.lenMemo = (this.lenMemo ?? new Float64Array(LEN_MEMO * LEN_MEMO)).fill(NaN);
      this.memoRatio = this.ratio;
      this.memoVariance = this.variance;
    }
    return this.lenMemo;
  }

  /**
   * `dpAlign(n, m, types, band, (i0, j0, di, dj) => this.bead(i0 + ia, j0 + ja, di, dj))` specialised for this
   * scorer (sentence-pair overlaps cached by usePairBand, cumulative lengths set): the same recurrence, ties and
   * bead scores — the same float expressions evaluated in the same order — with the bead score computed in the DP
   * loop instead of a call per cell and type, and what depends only on the row and the bead type (source length,
   * matchable weight, headings, paragraph breaks, the rows' cache bounds) computed once per row.
   */
  alignBand(n: number, m: number, types: readonly BeadType[], band: Band, ia = 0, ja = 0): DpResult {
    const srcCum = this.srcCum;
    const tgtCum = this.tgtCum;
    if (!this.pairCache || !srcCum || !tgtCum) return dpAlign(n, m, types, band, (i0, j0, di, dj) => this.bead(i0 + ia, j0 + ja, di, dj));
    const { lo, hi } = band;
    const { off, back, beadScore, R, W, best, typeDi, typeDj } = dpTables(n, types, band);
    const last = (n % R) * W + (m - lo[n]); // (n, m), computed before the loop that the optimiser compiles
    const nTypes = types.length;
    const p = this.p;
    const sumS = this.S.sumW;
    const sumT = this.T.sumW;
    // the pair cache: the local one of a repair (useLocalPairs: what `pair` gives, main cache values included), else
    // the main one; per DP row its cached target range and the offset of its row
    const local = this.p2Rows > 0;
    const c0 = local ? this.p2Row0 : 0;
    const cLo = local ? this.p2Lo : this.pcLo;
    const cHi = local ? this.p2Hi : this.pcHi;
    const cOff = local ? this.p2Off : this.pcOff;
    const csA: Float32Array | Float64Array = local ? this.p2Cs : this.pcCs;
    const ctA: Float32Array | Float64Array = local ? this.p2Ct : this.pcCt;
    const rLo = new Int32Array(n);
    const rHi = new Int32Array(n);
    const rBase = new Int32Array(n);
    for (let l = 0; l < n; l++) {
      const r = l + ia - c0;
      rLo[l] = cLo[r];
      rHi[l] = cHi[r];
      rBase[l] = cOff[r] - cLo[r];
    }
    const base = this.base;
    const a = p.smoothing;
    const aBase = a * base;
    const den = Math.max(this.top - base, 0.08);
    const bonus = p.bonus;
    const lexWeight = p.lexWeight;
    const lenWeight = p.lenWeight;
    const memo = this.memo();
    const srcHead = this.srcHead;
    const tgtHead = this.tgtHead;
    const heads = !!(srcHead && tgtHead);
    const srcPara = this.srcPara;
    const tgtPara = this.tgtPara;
    // structure(): 0, + heading when the headings disagree, + paragraph per paragraph break, added in turn
    const pens = new Float64Array(64);
    for (let f = 0; f < 2; f++) {
      let pen = 0;
      if (f) pen += p.heading;
      for (let k = 0; k < 32; k++) {
        pens[f * 32 + k] = pen;
        pen += p.paragraph;
      }
    }
    // skip beads (skipScore without the per-token term, then the heading terms of bead())
    const skipConst = !(p.skipPerToken > 0);
    const skip = p.skip;
    const skipHead = p.skip - p.heading / 2;
    const mergeT = Float64Array.from(types, (t) => p.merge * (t[0] + t[1] - 2));
    // Pruning (exact): the lexical score is at most 1 (covered weights are at most the matchable weights, summed in
    // the same order; a · base <= a), the structure penalty is at least 0, and rounding is monotone, so with
    // non-negative weights a bead scores at most bonus + lexWeight · lnMax + lenWeight · logLen − merge: when even
    // that does not beat the cell's best so far, the bead cannot change the cell (ties go to the type tried first).
    const lnMax = (1 - base) / den;
    const prune = lexWeight >= 0 && lenWeight >= 0 && a >= 0 && base <= 1 && p.heading >= 0 && p.paragraph >= 0;
    // per type, for the current row
    const tPrev = new Int32Array(nTypes); // ring offset of the previous row's cells
    const tPLo = new Int32Array(nTypes); // the previous row's cells (lo[pi] >= 0)
    const tPHi = new Int32Array(nTypes);
    const tLs = new Float64Array(nTypes);
    const tLsRow = new Int32Array(nTypes); // ls · LEN_MEMO, or -1 when ls is outside the memo
    const tNs = new Float64Array(nTypes);
    const tHs = new Int32Array(nTypes);
    const tBreaks = new Int32Array(nTypes);
    const tMaxLo = new Int32Array(nTypes); // the bead's pairs are cached when j0 >= tMaxLo and j1 - 1 <= tMinHi
    const tMinHi = new Int32Array(nTypes);
    const tSkip = new Float64Array(nTypes);
    for (let i = 0; i <= n; i++) {
      const rowLo = lo[i];
      const rowHi = hi[i];
      const bb = (i % R) * W - rowLo;
      best.fill(-Infinity, (i % R) * W, (i % R) * W + (rowHi - rowLo + 1));
      if (i === 0) best[0] = 0;
      for (let t = 0; t < nTypes; t++) {
        const di = typeDi[t];
        const pi = i - di;
        if (pi < 0) {
          // no previous row: an empty range of previous cells
          tPLo[t] = 1;
          tPHi[t] = 0;
          continue;
        }
        tPrev[t] = (pi % R) * W - lo[pi];
        tPLo[t] = lo[pi];
        tPHi[t] = hi[pi];
        const i0 = pi + ia;
        const i1 = i0 + di;
        if (di === 0 || typeDj[t] === 0) {
          tSkip[t] = srcHead && di && srcHead[i0] ? skipHead : skip;
          continue;
        }
        const ls = srcCum[i1] - srcCum[i0];
        tLs[t] = ls;
        tLsRow[t] = ls < LEN_MEMO && ls >= 0 && ls === (ls | 0) ? ls * LEN_MEMO : -1;
        let ns = 0;
        let hs = 0;
        let brk = 0;
        let mx = -1;
        let mn = 0x7fffffff;
        for (let s = i0; s < i1; s++) {
          ns += sumS[s];
          if (heads) hs += srcHead![s];
          if (srcPara && s > i0 && srcPara[s] !== srcPara[s - 1]) brk++;
          if (rLo[s - ia] > mx) mx = rLo[s - ia];
          if (rHi[s - ia] < mn) mn = rHi[s - ia];
        }
        tNs[t] = ns;
        tHs[t] = hs;
        tBreaks[t] = brk;
        tMaxLo[t] = mx;
        tMinHi[t] = mn;
      }
      for (let j = rowLo; j <= rowHi; j++) {
        if (i === 0 && j === 0) continue;
        let b = -Infinity;
        let bt = -1;
        let bs = 0;
        for (let t = 0; t < nTypes; t++) {
          const dj = typeDj[t];
          const pj = j - dj;
          if (pj < tPLo[t] || pj > tPHi[t]) continue;
          const prev = best[tPrev[t] + pj];
          if (prev === -Infinity) continue;
          const di = typeDi[t];
          const i0 = i - di + ia;
          const j0 = pj + ja;
          let s: number;
          if (di === 0 || dj === 0) {
            if (skipConst) {
              s = tSkip[t];
              if (tgtHead && dj && tgtHead[j0]) s -= p.heading / 2;
            } else s = this.bead(i0, j0, di, dj);
          } else {
            const j1 = j0 + dj;
            // logLen
            const lt = tgtCum[j1] - tgtCum[j0];
            const row = tLsRow[t];
            // (one call site for memo misses and lengths beyond the memo: the optimiser has seen it when it compiles)
            const inMemo = row >= 0 && lt < LEN_MEMO && lt >= 0 && lt === (lt | 0);
            let len = inMemo ? memo[row + lt] : NaN;
            if (len !== len) {
              len = this.logLenOf(tLs[t], lt);
              if (inMemo) memo[row + lt] = len;
            }
            // a bead that cannot win even with a full lexical score is not scored (see `prune`)
            if (prune && prev + (bonus + lexWeight * lnMax + lenWeight * len - mergeT[t]) <= b) continue;
            const ns = tNs[t];
            let nt = 0;
            for (let u = j0; u < j1; u++) nt += sumT[u];
            // lexFromPairs
            let lex: number;
            if (ns + nt === 0) lex = base;
            else if (j0 >= tMaxLo[t] && j1 - 1 <= tMinHi[t]) {
              if (di === 1) {
                // one source row (1-1, 1-2, 1-3 …)
                const o = rBase[i0 - ia];
                let c = 0;
                let ct = 0;
                for (let u = j0; u < j1; u++) {
                  c += csA[o + u];
                  const d = ctA[o + u];
                  const w = sumT[u];
                  ct += d < w ? d : w;
                }
                lex = ((c < ns ? c : ns) + ct + aBase) / (ns + nt + a);
              } else {
                // (2-1 beads take this path too, so that it has run before 2-2 beads first come, in pass 2)
                const i1 = i0 + di;
                let cs = 0;
                let ct = 0;
                for (let r = i0; r < i1; r++) {
                  const o = rBase[r - ia];
                  let c = 0;
                  for (let u = j0; u < j1; u++) c += csA[o + u];
                  const w = sumS[r];
                  cs += c < w ? c : w;
                }
                for (let u = j0; u < j1; u++) {
                  let c = 0;
                  for (let r = i0; r < i1; r++) c += ctA[rBase[r - ia] + u];
                  const w = sumT[u];
                  ct += c < w ? c : w;
                }
                lex = (cs + ct + aBase) / (ns + nt + a);
              }
            } else lex = this.lexFromPairs(i0, i0 + di, j0, j1);
            // structure
            let f = 0;
            if (heads) {
              let ht = 0;
              for (let u = j0; u < j1; u++) ht += tgtHead![u];
              const hs = tHs[t];
              if (hs > 0 !== ht > 0 || (hs > 0 && (di > 1 || dj > 1))) f = 32;
            }
            let brk = tBreaks[t];
            if (tgtPara) for (let u = j0 + 1; u < j1; u++) if (tgtPara[u] !== tgtPara[u - 1]) brk++;
            s = bonus + lexWeight * ((lex - base) / den) + lenWeight * len - mergeT[t] - pens[f + brk];
          }
          if (prev + s > b) {
            b = prev + s;
            bt = t;
            bs = s;
          }
        }
        best[bb + j] = b;
        back[off[i] + (j - rowLo)] = bt;
        beadScore[off[i] + (j - rowLo)] = bs;
      }
    }
    return traceBack(n, m, types, lo, off, back, beadScore, best, last);
  }
}

/** Half-width of the anchor search window, as a share of the longer side (Bible 006 drifts ~690 of 42,687). */
const ANCHOR_WINDOW = 0.05;
/** Fewest anchors for the anchor-first search; with fewer, the length-only passes centre the band. */
const MIN_ANCHORS = 20;
/** Half-width of the second, narrow anchor window around the path through the first anchors. */
const ANCHOR_WINDOW2 = 60;
/** Sentences (both sides) above which pass 1 uses anchors or the length model only. */
const LARGE_DOCUMENT = 4000;
/**
 * Half-width of the band of the last lexical pass of a long document, around the first pass's path (which it moves
 * by a sentence or two; where it moves more, the path meets the band's edge and the local repairs widen the band).
 */
const LONG_BAND2 = 4;
/** Anchors per sentence (of the shorter side) from which the first lexical pass's band narrows near them. */
const DENSE_ANCHORS = 0.1;
/** Bead types of the length-only passes, with Gale & Church's (1993) prior probabilities: only the common ones, since these passes only centre the band of the lexical passes, which have their own types (same links on Bible 001 and 006, 40% fewer cells visited). */
const LENGTH_TYPES: BeadType[] = [[1, 1], [1, 0], [0, 1], [1, 2], [2, 1]];
const LENGTH_PRIOR = new Float64Array(64).fill(-8);
for (const [k, v] of [[9, 0.89], [8, 0.0099 / 2], [1, 0.0099 / 2], [10, 0.089 / 2], [17, 0.089 / 2], [18, 0.011], [11, 0.005], [25, 0.005]] as const) LENGTH_PRIOR[k] = Math.log(v);

/** Deterministic pseudo-random numbers (LCG), so the same input always gives the same output. */
function lcg(seed: number): () => number {
  let x = seed >>> 0;
  return () => {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    return x / 4294967296;
  };
}

function cumulative(len: Float64Array): Float64Array {
  const c = new Float64Array(len.length + 1);
  for (let i = 0; i < len.length; i++) c[i + 1] = c[i] + len[i];
  return c;
}

/** Random-pair baseline and a typical best-match level of the lexical score (per-document normalisation). */
function calibrateLex(sc: Scorer, band: Band, n: number, m: number): void {
  const rnd = lcg(n * 7919 + m);
  const samples = Math.min(300, n * 2);
  let sum = 0;
  let cnt = 0;
  for (let k = 0; k < samples && m > 0; k++) {
    const i = Math.floor(rnd() * n);
    const center = band.lo[i] + (band.hi[i] - band.lo[i]) / 2;
    let j = Math.floor(rnd() * m);
    if (Math.abs(j - center) < 5 + (band.hi[i] - band.lo[i]) / 2) continue;
    if (j >= m) j = m - 1;
    sc.base = 0;
    sum += sc.lex(i, i + 1, j, j + 1);
    cnt++;
  }
  sc.base = cnt ? sum / cnt : 0;
}

/** Median of the lexical scores of 1-1 links of a pass (the level a right link reaches in this document). */
function topLevel(sc: Scorer, beads: Array<{ i0: number; i1: number; j0: number; j1: number }>): number {
  const vals: number[] = [];
  for (const b of beads) if (b.i1 > b.i0 && b.j1 > b.j0) vals.push(sc.lex(b.i0, b.i1, b.j0, b.j1));
  if (!vals.length) return sc.base + 0.1;
  vals.sort((a, b) => a - b);
  return vals[Math.floor(vals.length / 2)];
}

/** Length variance re-estimated from the 1-1 links of a pass (robust: trimmed mean of squared deviations). */
function estimateVariance(sc: Scorer, beads: Array<{ i0: number; i1: number; j0: number; j1: number }>): number | undefined {
  const d: number[] = [];
  for (const b of beads) {
    if (b.i1 - b.i0 !== 1 || b.j1 - b.j0 !== 1) continue;
    const ls = sc.S.len[b.i0];
    const lt = sc.T.len[b.j0];
    const mean = (ls * sc.ratio + lt) / 2;
    if (mean < 1) continue;
    d.push(((lt - ls * sc.ratio) ** 2) / mean);
  }
  if (d.length < 10) return undefined;
  d.sort((a, b) => a - b);
  const keep = d.slice(0, Math.max(1, Math.floor(d.length * sc.p.varianceKeep)));
  return keep.reduce((a, b) => a + b, 0) / keep.length;
}

function linkSentence(s: AlignSentence): LinkSentence {
  const out: LinkSentence = { id: s.id, text: s.text };
  if (s.kind !== undefined) out.kind = s.kind;
  if (s.headingLevel !== undefined) out.headingLevel = s.headingLevel;
  if (s.start !== undefined) out.start = s.start;
  if (s.end !== undefined) out.end = s.end;
  if (s.line !== undefined) out.line = s.line;
  return out;
}

/**
 * Confidence of a link: a logistic function of its normalised lexical score, length fit and type (fitted on the
 * development sets so that the 0.5 threshold separates mostly-right from mostly-wrong links).
 */
export function confidence(lexNorm: number, logLen: number, di: number, dj: number): number {
  if (di === 0 || dj === 0) return 0.2;
  const extra = di + dj - 2;
  const z = -1.2 + 2.6 * lexNorm + 0.35 * Math.max(logLen, -8) - 0.25 * extra;
  return 1 / (1 + Math.exp(-z));
}

/**
 * The units of work the aligner asks for (yielded by `alignSteps`): independent jobs whose answers, in job order,
 * are what `runAlignRequest` returns. `align` runs them in turn; the I/O edge (src/io/align-parallel.ts) may run the
 * jobs of one request on two threads — the answers, hence the links, are the same.
 *  - features: one job per side (→ LocalFeatures[]); `lexicon` is the lexicon the Chinese job matches with;
 *  - stretches: the lexical DP passes of a long document over the stretches between hard anchors (→ StretchResult[]).
 */
/**
 * A step's independent jobs. `features.stretches`: the document is long, its lexical passes will be asked as
 * stretch jobs (a runner may start their thread now; a short document never asks for stretches).
 */
export type AlignRequest =
  | { kind: 'features'; jobs: FeatureJob[]; lexicon?: Lexicon; stretches?: boolean }
  | { kind: 'stretches'; jobs: StretchJob[] };

/** Answer one request (pure). */
export function runAlignRequest(req: AlignRequest): LocalFeatures[] | StretchResult[] {
  if (req.kind === 'features') return req.jobs.map((j) => runFeatureJob(j, req.lexicon));
  return req.jobs.map(runStretch);
}

/** Align two lists of sentences. Pure: no I/O. Throws ALIGN_INPUT / SAME_LANGUAGE for input it cannot align. */
export function align(src: readonly AlignSentence[], tgt: readonly AlignSentence[], options: AlignOptions): AlignResult {
  const steps = alignSteps(src, tgt, options);
  let r = steps.next();
  while (!r.done) r = steps.next(runAlignRequest(r.value));
  return r.value;
}

/** `align` as a sequence of requests for independent jobs (see AlignRequest); returns the result. */
export function* alignSteps(src: readonly AlignSentence[], tgt: readonly AlignSentence[], options: AlignOptions): Generator<AlignRequest, AlignResult, unknown> {
  const srcLang = primaryLanguage(options.srcLang);
  const tgtLang = primaryLanguage(options.tgtLang);
  const p: ScoreParams = { ...DEFAULT_PARAMS, ...options.params };
  const diagnostics: Diagnostic[] = [];
  const threshold = options.reviewThreshold ?? 0.5;
  const n = src.length;
  const m = tgt.length;
  const types: BeadType[] = beadTypes(options.maxSentences ?? 4);
  const makeLinks = (beads: Array<{ i0: number; i1: number; j0: number; j1: number; conf: number }>): Link[] =>
    beads.map((b, k) => ({
      id: `L${k + 1}`,
      src: src.slice(b.i0, b.i1).map(linkSentence),
      tgt: tgt.slice(b.j0, b.j1).map(linkSentence),
      score: Math.round(b.conf * 1000) / 1000,
      status: 'auto',
    }));
  const statsOf = (links: Link[], ratio: number, learned: number): AlignStats => {
    // counts per link type by a number (no string per link), named in order of first appearance
    const counts = new Map<number, number>();
    let below = 0;
    for (const l of links) {
      const k = l.src.length * 1024 + l.tgt.length;
      counts.set(k, (counts.get(k) ?? 0) + 1);
      if (l.score < threshold) below++;
    }
    const byType: Record<string, number> = {};
    for (const [k, c] of counts) byType[`${Math.floor(k / 1024)}-${k % 1024}`] = c;
    return { byType, belowThreshold: below, ratio, learnedPairs: learned, srcSentences: n, tgtSentences: m };
  };
  if (n === 0 || m === 0) {
    if (n === 0 && m === 0) throw new BitextError('ALIGN_INPUT', 'both sides are empty: there is nothing to align', { hint: 'Check that the files contain text.' });
    diagnostics.push({ code: 'ALIGN_ONE_SIDE_EMPTY', severity: 'warning', message: `the ${n === 0 ? 'source' : 'target'} side has no sentences: every sentence of the other side is left unaligned` });
    const beads = n === 0 ? tgt.map((_, j) => ({ i0: 0, i1: 0, j0: j, j1: j + 1, conf: 0 })) : src.map((_, i) => ({ i0: i, i1: i + 1, j0: 0, j1: 0, conf: 0 }));
    const links = makeLinks(beads);
    return { links, stats: statsOf(links, 0, 0), diagnostics };
  }
  if (Math.max(n, m) > 10 * Math.min(n, m) && Math.max(n, m) >= 20) {
    diagnostics.push({
      code: 'ALIGN_LENGTH_MISMATCH',
      severity: 'warning',
      message: `one side has ${Math.max(n, m)} sentences, the other ${Math.min(n, m)}: these may not be translations of each other; many sentences will stay unaligned`,
    });
  }

  const timings: Record<string, number> = {};
  let tPhase = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    timings[name] = Math.round(now - tPhase);
    tPhase = now;
  };
  // 1. features: one job per side, each in a key space of its own, renumbered into the shared one in side order
  const keys = new KeySpace();
  const srcTexts = src.map((s) => s.text);
  const tgtTexts = tgt.map((s) => s.text);
  const lexicon = options.lexicon;
  const zhSide = srcLang === 'zh' ? 'src' : tgtLang === 'zh' ? 'tgt' : undefined;
  const otherOfZh = zhSide === 'src' ? tgtLang : srcLang;
  const lexOk = lexicon && zhSide && lexicon.from === 'zh' && lexicon.to === otherOfZh ? lexicon : undefined;
  // transliterated names (NameMatcher): the capitalised words of the non-Chinese side, pinyin keys on that side
  const hasNames = !!(zhSide && lexOk?.readings);
  const nameWords = hasNames ? [...capitalisedWords(zhSide === 'src' ? tgtTexts : srcTexts)] : undefined;
  const jobOf = (texts: string[], lang: string, side: 'src' | 'tgt'): FeatureJob =>
    zhSide === side ? { texts, lang, chinese: true, otherLang: otherOfZh, nameWords } : { texts, lang, chinese: false, otherLang: side === 'src' ? tgtLang : srcLang, pinyin: hasNames };
  const [localS, localT] = (yield { kind: 'features', jobs: [jobOf(srcTexts, srcLang, 'src'), jobOf(tgtTexts, tgtLang, 'tgt')], lexicon: lexOk, stretches: n + m > LARGE_DOCUMENT }) as LocalFeatures[];
  const fs = adoptFeatures(keys, localS);
  const ft = adoptFeatures(keys, localT);

  const srcLen = localS.len;
  const tgtLen = localT.len;
  // what a scorer needs besides the packed sides is the same in both passes: worked out once
  const srcCum = cumulative(srcLen);
  const tgtCum = cumulative(tgtLen);
  const totS = srcCum[n];
  const totT = tgtCum[m];
  const headings = src.some((s) => s.kind === 'heading') || tgt.some((s) => s.kind === 'heading');
  const srcHead = headings ? Uint8Array.from(src, (s) => (s.kind === 'heading' ? 1 : 0)) : undefined;
  const tgtHead = headings ? Uint8Array.from(tgt, (s) => (s.kind === 'heading' ? 1 : 0)) : undefined;
  const srcPara = src.some((s) => s.paragraph !== undefined) ? Int32Array.from(src, (s) => s.paragraph ?? 0) : undefined;
  const tgtPara = tgt.some((s) => s.paragraph !== undefined) ? Int32Array.from(tgt, (s) => s.paragraph ?? 0) : undefined;
  // `prev`: the scorer of the previous pass; a side without learned keys keeps its packed keys (only which of its
  // tokens can match the other side may change: reweigh) and its key presence (without learned keys: worked out once)
  const hasS0 = presence(fs, undefined, keys.size);
  const hasT0 = presence(ft, undefined, keys.size);
  // the side that learns keys (re-estimate, below): Chinese if any, else the source; it keeps only the keys the other
  // side has (pack's onlyShared: the other side's keys never change)
  const keyedIsSrc = zhSide !== 'tgt';
  const build = (extraS?: Map<number, number[]>, extraT?: Map<number, number[]>, prev?: Scorer) => {
    const hasS = extraS ? presence(fs, extraS, keys.size) : hasS0;
    const hasT = extraT ? presence(ft, extraT, keys.size) : hasT0;
    const S = prev && !extraS ? reweigh(prev.S, fs, hasT) : pack(fs, srcLen, extraS, hasT, keys.size, keyedIsSrc);
    const T = prev && !extraT ? reweigh(prev.T, ft, hasS) : pack(ft, tgtLen, extraT, hasS, keys.size, !keyedIsSrc);
    const sc = new Scorer(S, T, keys.size, p);
    sc.srcCum = srcCum;
    sc.tgtCum = tgtCum;
    sc.ratio = totS > 0 && totT > 0 ? totT / totS : 1;
    sc.variance = 6.8 * sc.ratio;
    sc.srcHead = srcHead;
    sc.tgtHead = tgtHead;
    sc.srcPara = srcPara;
    sc.tgtPara = tgtPara;
    return sc;
  };

  // the lexical passes of a long document: one job per stretch between the cut corners (the path goes through them)
  let cuts: Array<[number, number]> = [];
  const stretchJobs = (corners: ReadonlyArray<[number, number]>, width: number, types: readonly BeadType[], withConfidence = false, rowWidth?: Uint8Array): StretchJob[] | undefined => {
    const ends: Array<[number, number]> = [[0, 0], ...cuts, [n, m]];
    // each end's corner, in one scan (the path and the ends go forward)
    const at: number[] = [];
    for (let k = 0, c = 0; k < ends.length; k++) {
      const [i, j] = ends[k];
      while (c < corners.length && !(corners[c][0] === i && corners[c][1] === j)) c++;
      if (c === corners.length || (k > 0 && c <= at[k - 1])) return undefined;
      at.push(c);
    }
    const typeArr = Int32Array.from(types.flat());
    const jobs: StretchJob[] = [];
    for (let k = 0; k + 1 < ends.length; k++) {
      const [ia, ja] = ends[k];
      const [ib, jb] = ends[k + 1];
      const cs = new Int32Array((at[k + 1] - at[k] + 1) * 2);
      for (let c = at[k], o = 0; c <= at[k + 1]; c++) {
        cs[o++] = corners[c][0] - ia;
        cs[o++] = corners[c][1] - ja;
      }
      jobs.push({
        // one stretch (no hard anchor to cut at): the document's own arrays, no copy
        S: ends.length === 2 ? sc.S : slicePacked(sc.S, ia, ib),
        T: ends.length === 2 ? sc.T : slicePacked(sc.T, ja, jb),
        keySpace: keys.size,
        p,
        ratio: sc.ratio,
        variance: sc.variance,
        base: sc.base,
        top: sc.top,
        srcHead: sc.srcHead?.slice(ia, ib),
        tgtHead: sc.tgtHead?.slice(ja, jb),
        srcPara: sc.srcPara?.slice(ia, ib),
        tgtPara: sc.tgtPara?.slice(ja, jb),
        corners: cs,
        width,
        rowWidth: rowWidth?.slice(ia, ib + 1),
        types: typeArr.slice(), // each job its own arrays: a thread may take them (transfer)
        confidence: withConfidence,
      });
    }
    return jobs;
  };
  /** The beads of the stretches, back in document coordinates. */
  const joinStretches = (results: StretchResult[]): { beads: Bead[]; repairs: number } => {
    const ends: Array<[number, number]> = [[0, 0], ...cuts];
    const beads: Bead[] = [];
    let repairs = 0;
    results.forEach((r, k) => {
      const [ia, ja] = ends[k];
      for (let b = 0; b < r.scores.length; b++) {
        const bead: Bead = { i0: r.beads[b * 4] + ia, i1: r.beads[b * 4 + 1] + ia, j0: r.beads[b * 4 + 2] + ja, j1: r.beads[b * 4 + 3] + ja, score: r.scores[b] };
        if (r.conf) bead.conf = r.conf[b];
        beads.push(bead);
      }
      repairs += r.repairs;
    });
    return { beads, repairs };
  };

  // 2. pass 1
  let sc = build();
  lap('features');
  const total = n * 2;
  let doneRows = 0;
  const progress = options.onProgress;
  const onRow = progress
    ? (i: number) => {
        if ((i & 255) === 0) progress(Math.min(total, doneRows + i), total);
      }
    : undefined;
  // Long documents: pass 1 is the Gale & Church length model alone (O(1) per bead from cumulative lengths) in a wide
  // band with the common bead types, so that the lexical scorer only runs in the narrow pass-2 band: linear time.
  const large = n + m > LARGE_DOCUMENT;
  const w1 = large
    ? 100
    : Math.max(p.band1, Math.ceil(Math.abs(n - m) * 0.5) + 10);
  let band1: Band = diagonalBand(sc.srcCum!, sc.tgtCum!, Math.min(w1, Math.max(n, m)));
  calibrateLex(sc, band1, n, m);
  sc.top = Math.max(sc.base + 0.1, sc.base + 0.35);
  let res!: ReturnType<typeof dpAlign>;
  let anchorCount = 0;
  let localRepairs = 0;
  let lengthPasses = 0;
  let lexicalPasses = 0;
  if (large) {
    // Anchor-first (Moore 2002): confident pairs of rare shared keys within a wide window of the length diagonal,
    // kept monotone, give the path that the lexical passes search around.
    const keyS = { start: sc.S.uniqStart, keys: sc.S.uniq };
    const keyT = { start: sc.T.uniqStart, keys: sc.T.uniq };
    const anchorOpts = { keySpace: keys.size, ratio: p.anchorRatio, minScore: p.anchorMinScore, perKey: p.anchorPerKey };
    const index = anchorIndex(keyS, keyT, keys.size);
    // round 1: rare keys in a wide window around the length diagonal; round 2: commoner keys in a narrow window
    // around the path through the round-1 anchors (coarse to fine, as in Melamed's SIMR), for dense anchors
    let anchors = findAnchors(keyS, keyT, diagonalTargets(sc.srcCum!, sc.tgtCum!), { ...anchorOpts, ratio: p.anchorRatio1, minScore: p.anchorMinScore1, perKey: p.anchorPerKey1, window: Math.max(200, Math.ceil(ANCHOR_WINDOW * Math.max(n, m))) }, index);
    if (anchors.length >= MIN_ANCHORS) {
      anchors = findAnchors(keyS, keyT, rowTargets(pathThroughAnchors(anchors, sc.srcCum!, sc.tgtCum!), n), { ...anchorOpts, window: ANCHOR_WINDOW2 }, index);
    }
    anchorCount = anchors.length;
    let corners: Array<[number, number]>;
    let rowWidth: Uint8Array | undefined;
    if (anchors.length >= Math.max(MIN_ANCHORS, (n + m) / 400)) {
      corners = pathThroughAnchors(anchors, sc.srcCum!, sc.tgtCum!);
      cuts = hardCuts(anchors, n, m);
      // dense anchors (a dictionary's words, not only numbers, names and punctuation) corroborate each other: the
      // band narrows near them; sparse ones may be wrong and the path between them a guess: the full width
      if (anchors.length >= DENSE_ANCHORS * Math.min(n, m)) rowWidth = anchorBandWidths(anchors, n, p.midBandMin, p.midBand);
    } else {
      // Too few anchors (no dictionary, no shared names or numbers): length-only passes (Gale & Church 1993), each
      // in a band around the previous path, until the path keeps away from the band's edges: the band follows a
      // translation that drifts hundreds of sentences from the diagonal, in linear time.
      for (let round = 0; ; round++) {
        res = lengthDp(sc.srcCum!, sc.tgtCum!, sc.ratio, sc.variance, LENGTH_TYPES, LENGTH_PRIOR, band1);
        lengthPasses++;
        if (round >= 12 || !touchesEdge(res.beads, band1, 3)) break;
        band1 = bandAroundPath(cornersOf(res.beads), n, m, w1);
      }
      corners = cornersOf(res.beads);
    }
    // Then the lexical scorer (sentence-pair overlaps) with the simple bead types in a medium band around that path,
    // re-centred while the path runs along the band's edge: it finds what lengths cannot, e.g. a block of
    // untranslated sentences, which the length model spreads over hundreds of 1-2 links.
    // Per stretch between hard anchors (runStretch): where the path runs along the band's edge (wrong anchors
    // there), that part is realigned in a wider band.
    const midTypes = types.filter(([a, b]) => a + b <= 3);
    const wMid = rowWidth ? Math.min(p.midBandMin, p.midBand) : p.midBand;
    let jobs = stretchJobs(corners, wMid, midTypes, false, rowWidth);
    if (!jobs) {
      cuts = [];
      jobs = stretchJobs(corners, wMid, midTypes, false, rowWidth)!;
    }
    const joined = joinStretches((yield { kind: 'stretches', jobs }) as StretchResult[]);
    res = { beads: joined.beads, total: 0 };
    lexicalPasses++;
    localRepairs = joined.repairs;
  } else {
    if (p.pairScorer) sc.usePairBand(band1);
    res = dpAlign(n, m, types, band1, (i0, j0, di, dj) => sc.bead(i0, j0, di, dj), onRow);
  }
  doneRows = n;
  lap('pass1');

  // 3. re-estimate
  const v = estimateVariance(sc, res.beads);
  let learned = 0;
  if (options.learn !== false) {
    const pairs: Array<[number[], number[]]> = [];
    const ordered = res.beads.filter((b) => b.i1 > b.i0 && b.j1 > b.j0);
    const step = Math.max(1, Math.floor(ordered.length / (large ? 600 : 20000)));
    for (let k = 0; k < ordered.length; k += step) {
      const b = ordered[k];
      const a: number[] = [];
      const c: number[] = [];
      for (let t = fs.tokStart[b.i0]; t < fs.tokStart[b.i1]; t++) if (isWordType(fs.types[fs.tokType[t]])) a.push(fs.tokType[t]);
      for (let t = ft.tokStart[b.j0]; t < ft.tokStart[b.j1]; t++) if (isWordType(ft.types[ft.tokType[t]])) c.push(ft.tokType[t]);
      if (a.length && c.length) pairs.push([a, c]);
    }
    // the keyed side (Chinese if any, else the source) gets the other side's word keys
    const learnedPairs = learnPairs(keyedIsSrc ? pairs : pairs.map(([a, c]) => [c, a] as [number[], number[]]), { minCount: 2, threshold: 0.3 });
    const extra = new Map<number, number[]>();
    const keyedSide = keyedIsSrc ? fs : ft;
    const ownSide = keyedIsSrc ? ft : fs;
    for (const [f, e] of learnedPairs) {
      const own = ownSide.types[e];
      const k = keys.id('w:' + own);
      // the own-key side: its token type string is its key (spaced languages)
      if (ownSide.lang === 'zh') continue;
      const list = extra.get(f) ?? [];
      if (keyedSide.tokStart.length <= 1) continue;
      list.push(k);
      extra.set(f, list);
      learned++;
    }
    if (learned) sc = keyedIsSrc ? build(extra, undefined, sc) : build(undefined, extra, sc);
  }
  if (v !== undefined) sc.variance = Math.max(v * p.varianceScale, 0.5);
  // random pairs for the baseline are drawn away from the path found so far (long documents: it may be far from the diagonal)
  if (large) band1 = bandAroundPath(cornersOf(res.beads), n, m, w1);
  calibrateLex(sc, band1, n, m);
  sc.top = Math.max(topLevel(sc, res.beads), sc.base + 0.1);

  // 4. pass 2 around the pass-1 path
  lap('learn');
  const w2 = large ? Math.min(p.band2, LONG_BAND2) : p.band2;
  const types2 = large ? types.filter(([a, b]) => a + b <= 4) : types;
  if (large) {
    // per stretch, as pass 1 (the pass-1 path goes through the cut corners)
    const joined = joinStretches((yield { kind: 'stretches', jobs: stretchJobs(cornersOf(res.beads), w2, types2, true)! }) as StretchResult[]);
    res = { beads: joined.beads, total: 0 };
    localRepairs += joined.repairs;
  } else {
    const band2 = bandAroundPath(cornersOf(res.beads), n, m, w2);
    if (p.pairScorer) sc.usePairBand(band2);
    res = dpAlign(n, m, types2, band2, (i0, j0, di, dj) => sc.bead(i0, j0, di, dj), onRow);
  }
  progress?.(total, total);

  // confidences: from the stretch jobs of a long document, else here
  const beads = (res.beads as Bead[]).map((b) => {
    let conf = b.conf ?? beadConfidence(sc, b);
    // a heading linked to a heading: the structure agrees even when a short title has few words to compare
    if (b.i1 - b.i0 === 1 && b.j1 - b.j0 === 1 && src[b.i0].kind === 'heading' && tgt[b.j0].kind === 'heading') conf = Math.max(conf, 0.75);
    return { ...b, conf };
  });
  const links = makeLinks(beads);
  const stats = statsOf(links, sc.ratio, learned);
  if (lengthPasses) stats.lengthPasses = lengthPasses;
  if (lexicalPasses) stats.lexicalPasses = lexicalPasses;
  if (large) {
    stats.anchors = anchorCount;
    stats.localRepairs = localRepairs;
  }
  lap('pass2');
  stats.timings = timings;
  return { links, stats, diagnostics };
}

/** For each source sentence i, the target sentence next to it on the length diagonal (cumulative length fractions). */
function diagonalTargets(srcCum: Float64Array, tgtCum: Float64Array): Int32Array {
  const n = srcCum.length - 1;
  const m = tgtCum.length - 1;
  const out = new Int32Array(n);
  const S = srcCum[n] || 1;
  const T = tgtCum[m] || 1;
  let j = 0;
  for (let i = 0; i < n; i++) {
    const f = srcCum[i] / S;
    while (j < m - 1 && tgtCum[j + 1] / T <= f) j++;
    out[i] = j;
  }
  return out;
}

/**
 * A path of corners through anchor pairs: (0,0), each anchor's two corners (i, j) and (i+1, j+1), (n,m); between
 * anchors it follows the local length diagonal (Gale & Church's proportionality of lengths within the segment).
 */
function pathThroughAnchors(anchors: ReadonlyArray<[number, number]>, srcCum: Float64Array, tgtCum: Float64Array): Array<[number, number]> {
  const n = srcCum.length - 1;
  const m = tgtCum.length - 1;
  const pts: Array<[number, number]> = [[0, 0]];
  for (const [i, j] of anchors) {
    pts.push([i, j], [i + 1, j + 1]);
  }
  pts.push([n, m]);
  const out: Array<[number, number]> = [[0, 0]];
  for (let k = 1; k < pts.length; k++) {
    const [i0, j0] = out[out.length - 1];
    const i1 = Math.max(pts[k][0], i0);
    const j1 = Math.max(pts[k][1], j0);
    const ls = srcCum[i1] - srcCum[i0];
    const lt = tgtCum[j1] - tgtCum[j0];
    let j = j0;
    for (let i = i0 + 1; i < i1; i++) {
      const f = ls > 0 ? (srcCum[i] - srcCum[i0]) / ls : (i - i0) / (i1 - i0);
      while (j < j1 && (lt > 0 ? (tgtCum[j + 1] - tgtCum[j0]) / lt : (j + 1 - j0) / Math.max(1, j1 - j0)) <= f) j++;
      out.push([i, j]);
    }
    if (i1 !== i0 || j1 !== j0) out.push([i1, j1]);
  }
  return out;
}

/**
 * Half-width of the first lexical pass's band per row 0..n: between two anchors, `least` plus the square root of
 * their distance in rows (the drift of an interpolated path grows like a random walk's; an anchor far from any other
 * is less sure), at most `most` (see ScoreParams.midBandMin).
 */
function anchorBandWidths(anchors: ReadonlyArray<[number, number]>, n: number, least: number, most: number): Uint8Array {
  const hi = Math.min(255, Math.max(least, most));
  const out = new Uint8Array(n + 1).fill(hi);
  let prev = -1;
  for (const [i] of anchors) {
    if (i > n || i <= prev) continue;
    // rows before the first anchor: as far from it as from a mirrored one before the start
    const gap = prev < 0 ? 2 * i : i - prev;
    const w = Math.min(hi, least + Math.floor(Math.sqrt(gap)));
    out.fill(w, Math.max(0, prev), i + 1);
    prev = i;
  }
  if (prev >= 0) out.fill(Math.min(hi, least + Math.floor(Math.sqrt(2 * (n - prev)))), prev + 1);
  return out;
}

/** The target position of a path of corners at each source row (its first corner on that row). */
function rowTargets(corners: ReadonlyArray<[number, number]>, n: number): Int32Array {
  const out = new Int32Array(n).fill(-1);
  for (const [i, j] of corners) if (i < n && out[i] < 0) out[i] = j;
  for (let i = 1; i < n; i++) if (out[i] < 0) out[i] = out[i - 1];
  if (n && out[0] < 0) out[0] = 0;
  return out;
}

type Bead = { i0: number; i1: number; j0: number; j1: number; score: number; conf?: number };

/**
 * Local re-centring of a banded DP: where the path comes within 3 cells of its band's edge away from the corners
 * (the band may have cut the right path off), widen the band around that stretch (doubling each round) and realign
 * only the stretch, between two corners of the path well outside it; the rest of the path is kept. Linear in the
 * size of the stretches instead of a full pass per round.
 */
function repairEdges(beads0: Bead[], band: Band, m: number, types: readonly BeadType[], sc: Scorer, w0: number, ctx: number): { beads: Bead[]; repairs: number } {
  let beads = beads0;
  const lo = band.lo.slice();
  const hi = band.hi.slice();
  let repairs = 0;
  const margin = 3;
  for (let round = 0, w = 2 * w0; round < 8; round++, w *= 2) {
    const touch: number[] = [];
    for (let k = 0; k < beads.length; k++) {
      const b = beads[k];
      const l = lo[b.i1];
      const h = hi[b.i1];
      if ((l > 0 && b.j1 - l < margin) || (h < m && h - b.j1 < margin)) touch.push(k);
    }
    if (!touch.length) break;
    // stretches of touching beads (merged when close), each with `w` beads of context on both sides
    const regions: Array<[number, number]> = [];
    for (const k of touch) {
      const a = Math.max(0, k - ctx * w);
      const b = Math.min(beads.length - 1, k + ctx * w);
      const last = regions[regions.length - 1];
      if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
      else regions.push([a, b]);
    }
    const out: Bead[] = [];
    let next = 0;
    for (const [ka, kb] of regions) {
      for (let k = next; k < ka; k++) out.push(beads[k]);
      next = kb + 1;
      const ia = beads[ka].i0;
      const ja = beads[ka].j0;
      const ib = beads[kb].i1;
      const jb = beads[kb].j1;
      // widen the band around the current path over the stretch
      for (let k = ka; k <= kb; k++) {
        const b = beads[k];
        for (let r = Math.max(ia, b.i0 - w); r <= Math.min(ib, b.i1 + w); r++) {
          if (b.j0 - w < lo[r]) lo[r] = Math.max(0, b.j0 - w);
          if (b.j1 + w > hi[r]) hi[r] = Math.min(m, b.j1 + w);
        }
      }
      const sn = ib - ia;
      const sm = jb - ja;
      const slo = new Int32Array(sn + 1);
      const shi = new Int32Array(sn + 1);
      for (let r = 0; r <= sn; r++) {
        slo[r] = Math.max(lo[ia + r], ja) - ja;
        shi[r] = Math.min(hi[ia + r], jb) - ja;
      }
      const subBand = normalizeBand(slo, shi, sm);
      // the stretch's sentence pairs at once (inverted-index join), instead of pair by pair for every bead
      sc.useLocalPairs(ia, subBand.lo.map((x) => x + ja), subBand.hi.map((x) => x + ja));
      const sub = sc.alignBand(sn, sm, types, subBand, ia, ja);
      sc.clearLocalPairs();
      for (const b of sub.beads) out.push({ i0: b.i0 + ia, i1: b.i1 + ia, j0: b.j0 + ja, j1: b.j1 + ja, score: b.score });
      repairs++;
    }
    for (let k = next; k < beads.length; k++) out.push(beads[k]);
    beads = out;
  }
  return { beads, repairs };
}

/**
 * The lexical passes of a long document run over stretches between hard anchors, each an alignment problem of its
 * own (the path goes through the anchors' corners): the stretch's sentences (its rows of the packed features), the
 * document-level scorer settings, the path to search around and the band's half-width.
 */
export interface StretchJob {
  S: Packed;
  T: Packed;
  keySpace: number;
  p: ScoreParams;
  ratio: number;
  variance: number;
  base: number;
  top: number;
  srcHead?: Uint8Array;
  tgtHead?: Uint8Array;
  srcPara?: Int32Array;
  tgtPara?: Int32Array;
  /** Corners of the path to search around, [i, j] pairs from (0,0) to the stretch's end, stretch coordinates. */
  corners: Int32Array;
  /** Half-width of the band around the path (with rowWidth: its least); the local repairs start from twice it. */
  width: number;
  /** Half-width per row 0..n of the stretch, when it varies (the first pass: narrow at anchors). */
  rowWidth?: Uint8Array;
  /** Bead types, [di, dj] pairs. */
  types: Int32Array;
  /** Also give each bead its confidence (the last pass). */
  confidence?: boolean;
}

/** Beads of a stretch: [i0, i1, j0, j1] per bead (stretch coordinates), their scores, local repairs made. */
export interface StretchResult {
  beads: Int32Array;
  scores: Float32Array;
  repairs: number;
  /** Per bead, when asked: its confidence from its features (`confidence()`; headings are seen to by the caller). */
  conf?: Float64Array;
}

/** One lexical pass over a stretch: the DP in a band around the given path, then local repairs at the band's edges. */
export function runStretch(job: StretchJob): StretchResult {
  const n = job.S.len.length;
  const m = job.T.len.length;
  const sc = new Scorer(job.S, job.T, job.keySpace, job.p);
  sc.srcCum = cumulative(job.S.len);
  sc.tgtCum = cumulative(job.T.len);
  sc.ratio = job.ratio;
  sc.variance = job.variance;
  sc.base = job.base;
  sc.top = job.top;
  sc.srcHead = job.srcHead;
  sc.tgtHead = job.tgtHead;
  sc.srcPara = job.srcPara;
  sc.tgtPara = job.tgtPara;
  const corners: Array<[number, number]> = [];
  for (let k = 0; k + 1 < job.corners.length; k += 2) corners.push([job.corners[k], job.corners[k + 1]]);
  const types: BeadType[] = [];
  for (let k = 0; k + 1 < job.types.length; k += 2) types.push([job.types[k], job.types[k + 1]]);
  const band = bandAroundPath(corners, n, m, job.width, job.rowWidth);
  sc.usePairBand(band);
  const res = sc.alignBand(n, m, types, band);
  const repaired = repairEdges(res.beads, band, m, types, sc, job.width, job.p.repairContext);
  const beads = new Int32Array(repaired.beads.length * 4);
  const scores = new Float32Array(repaired.beads.length);
  repaired.beads.forEach((b, k) => {
    beads.set([b.i0, b.i1, b.j0, b.j1], k * 4);
    scores[k] = b.score;
  });
  if (!job.confidence) return { beads, scores, repairs: repaired.repairs };
  const conf = Float64Array.from(repaired.beads, (b) => beadConfidence(sc, b));
  return { beads, scores, repairs: repaired.repairs, conf };
}

/**
 * Sentences of a warm-up stretch (warmupJobs): enough to compile the passes' code, local repairs included; 600 made
 * the main thread finish its warm-up after the Chinese side came (Bible 006: 0.07 s slower in paired runs).
 */
const WARMUP_ROWS = 300;
/**
 * Rows of the short jobs that come first in a warm-up: they meet both kinds of pair cache — the stretch's (float32)
 * and a local repair's (float64) — before the optimiser compiles the passes' code, which then handles both. Started
 * on the long jobs alone, it compiled alignBand and fillPairs for the first kind, threw the code away at the first
 * repair and compiled them again (Bible 006: 4 compilations each instead of 2; with these jobs −0.2 s CPU and
 * −0.08 s wall, paired over 10 runs).
 */
const PRIME_ROWS = 24;

/**
 * Stretch jobs that only warm up a thread's compiled code for the lexical passes of a long document (results
 * meaningless): a runner with time to spare before them — e.g. while it waits for the other side's features — runs
 * them so that the real stretches start on optimised code (a cold start costs about half a second on Bible 006).
 * One side's first sentences against themselves a few sentences on (the path runs along the band's edge, so the
 * local repairs run too), in the settings of each pass.
 */
export function warmupJobs(local: LocalFeatures, options: Pick<AlignOptions, 'params' | 'maxSentences'> = {}): StretchJob[] {
  const p: ScoreParams = { ...DEFAULT_PARAMS, ...options.params };
  const keys = new KeySpace();
  const side = adoptFeatures(keys, local);
  const n = side.tokStart.length - 1;
  const types = beadTypes(options.maxSentences ?? 4);
  // each pass's band (the first: narrow as at dense anchors, with a width per row) and bead types
  const w1 = Math.min(p.midBandMin, p.midBand);
  const passes: Array<[number, BeadType[], boolean, boolean]> = [
    [w1, types.filter(([a, b]) => a + b <= 3), false, true],
    [Math.min(p.band2, LONG_BAND2), types.filter(([a, b]) => a + b <= 4), true, false],
  ];
  // the path to find is `off` sentences off the given one, where the band (around a path of corners: 2·width from
  // it) ends: the local repairs run too
  const off = 2 * Math.max(w1, Math.min(p.band2, LONG_BAND2)) - 1;
  const rows = Math.min(WARMUP_ROWS, n - off);
  if (rows < 50) return [];
  // the first sentences only
  const used = rows + off;
  const X = pack({ ...side, tokStart: side.tokStart.subarray(0, used + 1) }, local.len.subarray(0, used), undefined, undefined, keys.size);
  // a few rows first, then the warm-up proper (see PRIME_ROWS)
  return [PRIME_ROWS, rows].flatMap((rows) => passes.map(([width, ts, confidence, perRow]) => {
    const corners = new Int32Array((rows + 1) * 2);
    for (let i = 0; i <= rows; i++) corners[2 * i] = corners[2 * i + 1] = i;
    return {
      S: slicePacked(X, off, off + rows),
      T: slicePacked(X, 0, rows),
      keySpace: keys.size,
      p,
      // not an integer: a scorer field that has held only small integers changes representation (its objects'
      // hidden class) when the document's ratio comes, which throws the warmed-up code away (V8 deoptimises it)
      ratio: 1 + 1 / 1024,
      variance: 6.8,
      base: 0.05,
      top: 0.5,
      corners,
      width,
      rowWidth: perRow ? new Uint8Array(rows + 1).fill(width) : undefined,
      types: Int32Array.from(ts.flat()),
      confidence,
    };
  }));
}

/** Confidence of a bead from the scorer of the last pass (before the heading rule). */
function beadConfidence(sc: Scorer, b: { i0: number; i1: number; j0: number; j1: number }): number {
  const di = b.i1 - b.i0;
  const dj = b.j1 - b.j0;
  if (!di || !dj) return confidence(0, 0, di, dj);
  return confidence(sc.lexNorm(sc.lex(b.i0, b.i1, b.j0, b.j1)), sc.logLen(b.i0, b.i1, b.j0, b.j1), di, dj);
}

/**
 * Rows [a, b) of packed features, as a packed side of their own: views of the side's arrays (in shared memory, see
 * sharedInt32), and its three start arrays rebased to the slice (copies, in one SharedArrayBuffer).
 */
function slicePacked(X: Packed, a: number, b: number): Packed {
  const t0 = X.tokStart[a];
  const t1 = X.tokStart[b];
  const k0 = X.keyStart[t0];
  const u0 = X.uniqStart[a];
  const rows = b - a;
  const toks = t1 - t0;
  const buf = new SharedArrayBuffer(4 * (2 * (rows + 1) + toks + 1));
  const rebased = (x: Int32Array, from: number, count: number, at: number): Int32Array => {
    const v = new Int32Array(buf, 4 * at, count);
    const minus = x[from];
    for (let i = 0; i < count; i++) v[i] = x[from + i] - minus;
    return v;
  };
  const tokStart = rebased(X.tokStart, a, rows + 1, 0);
  const keyStart = rebased(X.keyStart, t0, toks + 1, rows + 1);
  const uniqStart = rebased(X.uniqStart, a, rows + 1, rows + 1 + toks + 1);
  // pack()'s field order: one object shape for every Packed (the scorer's code stays monomorphic)
  return {
    len: X.len.subarray(a, b),
    tokStart,
    keyStart,
    keys: X.keys.subarray(k0, X.keyStart[t1]),
    weight: X.weight.subarray(t0, t1),
    sumW: X.sumW.subarray(a, b),
    uniqStart,
    uniq: X.uniq.subarray(u0, X.uniqStart[b]),
  };
}

/**
 * Sentences (both sides) per stretch of a long document between hard anchors: each stretch is an independent DP
 * problem (part of the algorithm, whatever the number of threads; cutting at three 1-1 anchors in a row leaves the
 * links as they are — Bible 001 and 006 give the same links with 2, 4, 8 or 16 stretches). A stretch costs its own
 * set-up (postings, pair cache, length memo: ~10 ms), so on one thread fewer are faster (Bible 006: 4 instead of 15,
 * pass 1 ~80 ms shorter); a runner with a second thread for them (src/io/align-parallel.ts, 4+ cores) hands them out
 * as the threads finish.
 */
const STRETCH_SENTENCES = 20000;
/** At most this many stretches. */
const MAX_STRETCHES = 32;
/** Fewest source sentences in a stretch. */
const MIN_STRETCH = 1000;

/**
 * Hard anchors to cut a long document at: the anchor nearest each of the points i + j = k·(n + m)/count (count from
 * STRETCH_SENTENCES, at least 2) whose neighbours on both sides are anchors too, one sentence apart on both sides
 * (three 1-1 links in a row: a link boundary is certain there). Returns the cut corners [i, j], increasing.
 */
function hardCuts(anchors: ReadonlyArray<[number, number]>, n: number, m: number): Array<[number, number]> {
  const hard: Array<[number, number]> = [];
  for (let t = 1; t + 1 < anchors.length; t++) {
    const [i, j] = anchors[t];
    const a = anchors[t - 1];
    const b = anchors[t + 1];
    if (a[0] === i - 1 && a[1] === j - 1 && b[0] === i + 1 && b[1] === j + 1 && i >= MIN_STRETCH && n - i >= MIN_STRETCH && j > 0 && j < m) hard.push([i, j]);
  }
  const cuts: Array<[number, number]> = [];
  const count = Math.max(2, Math.min(MAX_STRETCHES, Math.round((n + m) / STRETCH_SENTENCES)));
  for (let k = 1; k < count; k++) {
    // stretches of equal work: sentences of both sides
    const target = (k * (n + m)) / count;
    let best: [number, number] | undefined;
    for (const h of hard) if (!best || Math.abs(h[0] + h[1] - target) < Math.abs(best[0] + best[1] - target)) best = h;
    if (best && (!cuts.length || best[0] - cuts[cuts.length - 1][0] >= MIN_STRETCH)) cuts.push(best);
  }
  return cuts;
}

function cornersOf(beads: ReadonlyArray<{ i1: number; j1: number }>): Array<[number, number]> {
  return [[0, 0], ...beads.map((b) => [b.i1, b.j1] as [number, number])];
}

/** Whether a path comes within `margin` of the band's edge away from the corners (the band may have cut it off). */
function touchesEdge(beads: ReadonlyArray<{ i1: number; j1: number }>, band: Band, margin: number): boolean {
  const m = band.hi[band.hi.length - 1];
  for (const b of beads) {
    const lo = band.lo[b.i1];
    const hi = band.hi[b.i1];
    if ((lo > 0 && b.j1 - lo < margin) || (hi < m && hi - b.j1 < margin)) return true;
  }
  return false;
}

function isWordType(t: string): boolean {
  return /^[\p{L}\p{N}]/u.test(t) && !t.startsWith('#');
}

/** Links → `.align` beads of 0-based indices into the source and target sentence id lists. */
export function linksToBeads(links: readonly Link[], srcIds: readonly string[], tgtIds: readonly string[]): Array<[number[], number[]]> {
  const si = new Map(srcIds.map((id, i) => [id, i]));
  const ti = new Map(tgtIds.map((id, i) => [id, i]));
  return links.map((l) => [
    l.src.map((s) => {
      const v = si.get(s.id);
      if (v === undefined) throw new BitextError('ALIGN_INPUT', `link ${l.id} names a source sentence ${s.id} that is not in the list`);
      return v;
    }),
    l.tgt.map((s) => {
      const v = ti.get(s.id);
      if (v === undefined) throw new BitextError('ALIGN_INPUT', `link ${l.id} names a target sentence ${s.id} that is not in the list`);
      return v;
    }),
  ]);
}
