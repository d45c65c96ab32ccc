/**
 * Dynamic programming over bead types (Gale & Church 1993 search, generalised to 1-0 … 3-2 beads as in hunalign and
 * Bertalign) restricted to a band of cells, and its traceback. The DP knows only bead scores; the scorer knows text.
 * A band gives, for every number of source sentences i, the allowed range of target counts j, so time and memory
 * are O(n · band width) — linear in the document length for a fixed width.
 */

export type BeadType = readonly [number, number];

/** Bead types in the order they are tried. */
export function beadTypes(maxSentences = 4): BeadType[] {
  const all: BeadType[] = [
    [1, 1], [1, 0], [0, 1], [1, 2], [2, 1], [2, 2], [1, 3], [3, 1], [1, 4], [4, 1], [2, 3], [3, 2],
    [1, 5], [5, 1], [3, 3], [2, 4], [4, 2],
  ];
  return all.filter(([a, b]) => a <= maxSentences && b <= maxSentences && a + b <= Math.max(5, maxSentences + 1));
}

/** For each i in 0..n: allowed j in [lo[i], hi[i]] (inclusive). */
export interface Band {
  lo: Int32Array;
  hi: Int32Array;
}

/** Make a band valid: inside [0, m], monotone (lo and hi never decrease with i), containing (0,0) and (n,m). */
export function normalizeBand(lo: Int32Array, hi: Int32Array, m: number): Band {
  const n = lo.length - 1;
  lo[0] = 0;
  hi[n] = m;
  for (let i = 0; i <= n; i++) {
    lo[i] = Math.max(0, Math.min(lo[i], m));
    hi[i] = Math.max(0, Math.min(hi[i], m));
  }
  for (let i = 1; i <= n; i++) if (hi[i] < hi[i - 1]) hi[i] = hi[i - 1];
  for (let i = n - 1; i >= 0; i--) if (lo[i] > lo[i + 1]) lo[i] = lo[i + 1];
  for (let i = 0; i <= n; i++) if (lo[i] > hi[i]) hi[i] = lo[i];
  // rows must overlap enough that a path exists: each row reaches one past the previous row's lowest cell
  for (let i = 1; i <= n; i++) if (lo[i] > hi[i - 1] + 1) lo[i] = hi[i - 1] + 1 > m ? m : hi[i - 1] + 1;
  return { lo, hi };
}

/** A band of half-width `w` around the diagonal given by cumulative lengths (j such that the length fractions agree). */
export function diagonalBand(srcCum: Float64Array, tgtCum: Float64Array, w: number): Band {
  const n = srcCum.length - 1;
  const m = tgtCum.length - 1;
  const lo = new Int32Array(n + 1);
  const hi = new Int32Array(n + 1);
  const S = srcCum[n] || 1;
  const T = tgtCum[m] || 1;
  let j = 0;
  for (let i = 0; i <= n; i++) {
    const f = srcCum[i] / S;
    while (j < m && tgtCum[j + 1] / T <= f) j++;
    lo[i] = j - w;
    hi[i] = j + 1 + w;
  }
  return normalizeBand(lo, hi, m);
}

/**
 * A band of half-width `w` around a path of bead corners [(0,0) … (n,m)]: row r holds the cells within `w` of a corner
 * segment that comes within `w` rows of it; with `rowWidth` (per row 0..n), the half-width around each corner is that
 * of its row instead.
 */
export function bandAroundPath(corners: Array<[number, number]>, n: number, m: number, w: number, rowWidth?: ArrayLike<number>): Band {
  const lo = new Int32Array(n + 1).fill(m);
  const hi = new Int32Array(n + 1).fill(0);
  if (!rowWidth && forward(corners)) {
    // the same band in one sweep: along a path that goes forward, the first segment near row r has its lowest start,
    // the last one its highest end
    const K = corners.length;
    for (let r = 0, k1 = 0, k2 = 0; r <= n; r++) {
      while (k1 < K && corners[k1][0] + w < r) k1++;
      while (k2 + 1 < K && corners[k2][0] - w <= r) k2++;
      if (k1 < K && corners[k1 > 0 ? k1 - 1 : 0][0] - w <= r) lo[r] = corners[k1 > 0 ? k1 - 1 : 0][1] - w;
      if (K > 0 && (k2 > 0 || corners[0][0] - w <= r) && corners[k2][0] + w >= r) hi[r] = corners[k2][1] + w;
    }
    return normalizeBand(lo, hi, m);
  }
  for (let k = 0; k < corners.length; k++) {
    const [i, j] = corners[k];
    const [pi, pj] = k > 0 ? corners[k - 1] : corners[k];
    if (rowWidth) w = rowWidth[Math.min(i, n)];
    for (let r = Math.max(0, pi - w); r <= Math.min(n, i + w); r++) {
      if (pj - w < lo[r]) lo[r] = pj - w;
      if (j + w > hi[r]) hi[r] = j + w;
    }
  }
  return normalizeBand(lo, hi, m);
}

/** Whether a path of corners never goes back (i and j never decrease). */
function forward(corners: ReadonlyArray<readonly [number, number]>): boolean {
  for (let k = 1; k < corners.length; k++) if (corners[k][0] < corners[k - 1][0] || corners[k][1] < corners[k - 1][1]) return false;
  return true;
}

/**
 * The tables of a banded DP over `types`: cell offsets per row, back-pointers (type index, −1: none) and bead scores
 * per cell, path scores for the last R rows only (a ring of rows, R = longest step + 1, W = widest row), the types'
 * steps.
 */
export function dpTables(n: number, types: readonly BeadType[], band: Band): { off: Int32Array; back: Int8Array; beadScore: Float32Array; R: number; W: number; best: Float64Array; typeDi: Int32Array; typeDj: Int32Array } {
  const { lo, hi } = band;
  const off = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) off[i + 1] = off[i] + (hi[i] - lo[i] + 1);
  const size = off[n + 1];
  const back = new Int8Array(size).fill(-1);
  const beadScore = new Float32Array(size);
  let R = 2;
  for (const t of types) if (t[0] + 1 > R) R = t[0] + 1;
  let W = 1;
  for (let i = 0; i <= n; i++) if (hi[i] - lo[i] + 1 > W) W = hi[i] - lo[i] + 1;
  return { off, back, beadScore, R, W, best: new Float64Array(R * W), typeDi: Int32Array.from(types, (t) => t[0]), typeDj: Int32Array.from(types, (t) => t[1]) };
}

export interface DpResult {
  /** Beads in order: [srcStart, srcEnd, tgtStart, tgtEnd) and the bead's score. */
  beads: Array<{ i0: number; i1: number; j0: number; j1: number; score: number }>;
  total: number;
}

/**
 * Maximise the sum of bead scores over monotone paths from (0,0) to (n,m) inside the band.
 * `score(i0, j0, di, dj)` scores the bead of source [i0, i0+di) and target [j0, j0+dj).
 */
export function dpAlign(
  n: number,
  m: number,
  types: readonly BeadType[],
  band: Band,
  score: (i0: number, j0: number, di: number, dj: number) => number,
  onRow?: (i: number) => void,
): DpResult {
  const { lo, hi } = band;
  const { off, back, beadScore, R, W, best, typeDi, typeDj } = dpTables(n, types, band);
  const nTypes = types.length;
  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i];
    const rowHi = hi[i];
    const bb = (i % R) * W - rowLo;
    best.fill(-Infinity, (i % R) * W, (i % R) * W + (rowHi - rowLo + 1));
    if (i === 0) best[0] = 0; // (0,0): lo[0] = 0
    for (let j = rowLo; j <= rowHi; j++) {
      const cell = off[i] + (j - rowLo);
      if (i === 0 && j === 0) continue;
      let b = -Infinity;
      let bt = -1;
      let bs = 0;
      for (let t = 0; t < nTypes; t++) {
        const di = typeDi[t];
        const dj = typeDj[t];
        const pi = i - di;
        const pj = j - dj;
        if (pi < 0 || pj < 0) continue;
        if (pj < lo[pi] || pj > hi[pi]) continue;
        const prev = best[(pi % R) * W + (pj - lo[pi])];
        if (prev === -Infinity) continue;
        const s = score(pi, pj, di, dj);
        if (prev + s > b) {
          b = prev + s;
          bt = t;
          bs = s;
        }
      }
      best[bb + j] = b;
      back[cell] = bt;
      beadScore[cell] = bs;
    }
    if (onRow) onRow(i);
  }
  return traceBack(n, m, types, lo, off, back, beadScore, best, (n % R) * W + (m - lo[n]));
}

/**
 * The beads of the best path, from the back-pointers (`back`: type index per cell, `off`: first cell per row); the
 * path's score is best[last].
 */
export function traceBack(n: number, m: number, types: readonly BeadType[], lo: Int32Array, off: Int32Array, back: Int8Array, beadScore: Float32Array, best: Float64Array, last: number): DpResult {
  const total = best[last];
  const beads: DpResult['beads'] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const cell = off[i] + (j - lo[i]);
    const t = back[cell];
    if (t < 0) throw new Error(`alignment DP: no path through (${i}, ${j})`);
    const [di, dj] = types[t];
    beads.push({ i0: i - di, i1: i, j0: j - dj, j1: j, score: beadScore[cell] });
    i -= di;
    j -= dj;
  }
  beads.reverse();
  return { beads, total };
}

/**
 * The length-only DP of long documents, specialised for speed (same recurrence as `dpAlign` with the Gale & Church
 * cost inlined: log prior of the bead type − (Δ²) / (2 · variance · mean length), from cumulative lengths).
 * `prior[di * 8 + dj]` holds the log priors of the bead types.
 */
export function lengthDp(
  srcCum: Float64Array,
  tgtCum: Float64Array,
  ratio: number,
  variance: number,
  types: readonly BeadType[],
  prior: Float64Array,
  band: Band,
): DpResult {
  const n = srcCum.length - 1;
  const m = tgtCum.length - 1;
  const { lo, hi } = band;
  const off = new Int32Array(n + 2);
  for (let i = 0; i <= n; i++) off[i + 1] = off[i] + (hi[i] - lo[i] + 1);
  const back = new Int8Array(off[n + 1]).fill(-1);
  const nt = types.length;
  // Scores are kept for the last R rows only (a ring of rows, R = longest step + 1): memory is the back-pointers
  // (one byte per cell) instead of nine bytes per cell.
  let R = 2;
  for (const t of types) if (t[0] + 1 > R) R = t[0] + 1;
  let W = 1;
  for (let i = 0; i <= n; i++) if (hi[i] - lo[i] + 1 > W) W = hi[i] - lo[i] + 1;
  const best = new Float64Array(R * W);
  const tdi = Int32Array.from(types, (t) => t[0]);
  const tdj = Int32Array.from(types, (t) => t[1]);
  const tpr = Float64Array.from(types, (t) => prior[t[0] * 8 + t[1]]);
  const inv2v = 1 / (2 * variance);
  // Loops swapped (type outer, cell inner) so that each inner loop runs over a contiguous j range with its bounds
  // clipped once instead of tested per cell. Ties go to the type listed first, as in dpAlign. The 0-1 type reads
  // the cell to its left in the same row, so it is swept last, left to right, over the finished cells.
  let skipT = -1;
  for (let t = 0; t < nt; t++) if (tdi[t] === 0 && tdj[t] === 1) skipT = t;
  for (let i = 0; i <= n; i++) {
    const rowLo = lo[i];
    const rowHi = hi[i];
    const base = off[i] - rowLo;
    const bb = (i % R) * W - rowLo;
    best.fill(-Infinity, (i % R) * W, (i % R) * W + (rowHi - rowLo + 1));
    const ci = srcCum[i];
    for (let t = 0; t < nt; t++) {
      const di = tdi[t];
      if (di === 0) continue;
      const pi = i - di;
      if (pi < 0) continue;
      const dj = tdj[t];
      const pLo = lo[pi];
      const pBase = (pi % R) * W - pLo;
      const jFrom = Math.max(rowLo, pLo + dj);
      const jTo = Math.min(rowHi, hi[pi] + dj);
      const pr = tpr[t];
      if (dj === 0) {
        for (let j = jFrom; j <= jTo; j++) {
          const prev = best[pBase + j];
          if (prev === -Infinity) continue;
          const v = prev + pr;
          const cell = base + j;
          const bc = bb + j;
          if (v > best[bc] || (v === best[bc] && t < back[cell])) {
            best[bc] = v;
            back[cell] = t;
          }
        }
        continue;
      }
      const ls = (ci - srcCum[pi]) * ratio;
      for (let j = jFrom; j <= jTo; j++) {
        const prev = best[pBase + j - dj];
        if (prev === -Infinity) continue;
        const lt = tgtCum[j] - tgtCum[j - dj];
        const mean = (ls + lt) / 2;
        const d = lt - ls;
        const v = prev + (pr - (d * d * inv2v) / (mean > 1 ? mean : 1));
        const cell = base + j;
        const bc = bb + j;
        if (v > best[bc] || (v === best[bc] && t < back[cell])) {
          best[bc] = v;
          back[cell] = t;
        }
      }
    }
    if (i === 0) best[bb] = 0;
    if (skipT >= 0) {
      const pr = tpr[skipT];
      for (let j = rowLo + 1; j <= rowHi; j++) {
        const prev = best[bb + j - 1];
        if (prev === -Infinity) continue;
        const v = prev + pr;
        const cell = base + j;
        const bc = bb + j;
        if (v > best[bc] || (v === best[bc] && skipT < back[cell])) {
          best[bc] = v;
          back[cell] = skipT;
        }
      }
    }
  }
  const beads: DpResult['beads'] = [];
  let i = n;
  let j = m;
  const total = best[(n % R) * W + (m - lo[n])];
  while (i > 0 || j > 0) {
    const t = back[off[i] + (j - lo[i])];
    if (t < 0) throw new Error(`length DP: no path through (${i}, ${j})`);
    beads.push({ i0: i - tdi[t], i1: i, j0: j - tdj[t], j1: j, score: 0 });
    i -= tdi[t];
    j -= tdj[t];
  }
  beads.reverse();
  return { beads, total };
}
