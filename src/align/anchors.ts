/**
 * Anchor-first search for long documents (in the spirit of Moore 2002's "fast and accurate sentence alignment":
 * find a few confident sentence pairs cheaply, then run the expensive model only near them).
 *  1. Candidate pairs: sentence pairs that share keys that are rare in the document (names, rare words, numbers,
 *     dictionary units), looked up through inverted lists of target sentences per key within a wide window around
 *     the length diagonal, so that a translation drifting hundreds of sentences away is still found.
 *  2. Each pair scores the sum of its shared keys' inverse document frequencies; a source sentence keeps its best
 *     target sentence only when it clearly beats every other one away from it (a ratio test, as in Lowe 2004).
 *  3. The anchors that remain are made monotone by a heaviest increasing subsequence (weighted longest increasing
 *     subsequence with a Fenwick tree of prefix maxima, O(k log k)), and isolated anchors whose neighbours disagree
 *     with them are dropped.
 * Time and memory are linear in the document length (candidate lists are bounded per key occurrence).
 */

/** Per-sentence unique key lists of one side (CSR layout: `start[s]..start[s+1]` index into `keys`). */
export interface KeyLists {
  start: Int32Array;
  keys: Int32Array;
}

export interface AnchorOptions {
  /** Half-width of the search window around the length diagonal, in target sentences. */
  window: number;
  /** Size of the key space (keys are 0 … keySpace-1). */
  keySpace: number;
  /** Expected candidates per key occurrence above which a key is too common to anchor (default 6). */
  perKey?: number;
  /** Best score must be this many times the runner-up (default 2). */
  ratio?: number;
  /** Least score of an anchor, in idf units (default 6). */
  minScore?: number;
}

/**
 * Confident, monotone anchor pairs [i, j] (source sentence i ↔ target sentence j), in increasing i and j.
 * `expected[i]` is the target sentence the length diagonal puts next to source sentence i.
 */
export function findAnchors(S: KeyLists, T: KeyLists, expected: Int32Array, o: AnchorOptions, index = anchorIndex(S, T, o.keySpace)): Array<[number, number]> {
  const n = S.start.length - 1;
  const m = T.start.length - 1;
  if (n === 0 || m === 0) return [];
  const W = Math.max(1, o.window);
  // (each step its own function: a long loop gets optimised on its own, not as part of a larger body)
  // a key anchors when it is expected in few sentences of a window on each side
  const perKey = o.perKey ?? 6;
  const capT = Math.max(2, Math.floor((perKey * m) / (2 * W + 1)));
  const capS = Math.max(2, Math.floor((perKey * n) / (2 * W + 1)));
  const idf = keyWeights(index.dfS, index.dfT, capS, capT, n + m);
  const post = index.postings;
  const found = bestTargets(S, post, idf, expected, W, o.ratio ?? 2, o.minScore ?? 6, m);
  const chain = heaviestIncreasing(found.ai, found.aj, found.aw, m);
  return dropIsolated(chain);
}

/**
 * What the anchor search reads of a document pair whatever its settings: the document frequency of every key on each
 * side and the target sentences of every key (build it once for several searches of the same pair).
 */
export interface AnchorIndex {
  dfS: Int32Array;
  dfT: Int32Array;
  postings: { start: Int32Array; post: Int32Array };
}

export function anchorIndex(S: KeyLists, T: KeyLists, keySpace: number): AnchorIndex {
  return { dfS: documentFrequencies(S.keys, keySpace), dfT: documentFrequencies(T.keys, keySpace), postings: postings(T, keySpace) };
}

/** Sentences of one side per key (each sentence lists a key once). */
function documentFrequencies(keys: Int32Array, K: number): Int32Array {
  const df = new Int32Array(K);
  for (let u = 0; u < keys.length; u++) df[keys[u]]++;
  return df;
}

/** Inverse document frequency of the keys that can anchor (rare enough on both sides), 0 for the others. */
function keyWeights(dfS: Int32Array, dfT: Int32Array, capS: number, capT: number, sentences: number): Float32Array {
  const K = dfS.length;
  const idf = new Float32Array(K);
  for (let k = 0; k < K; k++) {
    if (dfS[k] > 0 && dfT[k] > 0 && dfS[k] <= capS && dfT[k] <= capT) idf[k] = Math.log(sentences / (dfS[k] + dfT[k]));
  }
  return idf;
}

/** Inverted lists of target sentences per key (CSR, sentences in increasing order; the search skips unusable keys). */
function postings(T: KeyLists, K: number): { start: Int32Array; post: Int32Array } {
  const m = T.start.length - 1;
  const start = new Int32Array(K + 1);
  for (let u = 0; u < T.keys.length; u++) start[T.keys[u] + 1]++;
  for (let k = 0; k < K; k++) start[k + 1] += start[k];
  const post = new Int32Array(start[K]);
  const fill = start.slice(0, K);
  for (let j = 0; j < m; j++) for (let u = T.start[j]; u < T.start[j + 1]; u++) post[fill[T.keys[u]]++] = j;
  return { start, post };
}

/**
 * Per source sentence: candidate scores accumulated over the target sentences of its window; the best one is kept
 * when it passes the least score and the ratio test. Returns the kept pairs and their margins, by source sentence.
 */
function bestTargets(
  S: KeyLists,
  P: { start: Int32Array; post: Int32Array },
  idf: Float32Array,
  expected: Int32Array,
  W: number,
  ratio: number,
  minScore: number,
  m: number,
): { ai: number[]; aj: number[]; aw: number[] } {
  const n = S.start.length - 1;
  const postStart = P.start;
  const post = P.post;
  const acc = new Float32Array(m);
  const touched = new Int32Array(m);
  const ai: number[] = [];
  const aj: number[] = [];
  const aw: number[] = [];
  for (let i = 0; i < n; i++) {
    const lo = expected[i] - W;
    const hi = expected[i] + W;
    let nt = 0;
    for (let u = S.start[i]; u < S.start[i + 1]; u++) {
      const k = S.keys[u];
      const w = idf[k];
      if (w === 0) continue;
      // first posting ≥ lo (binary search), then walk to hi
      let a = postStart[k];
      let b = postStart[k + 1];
      while (a < b) {
        const mid = (a + b) >> 1;
        if (post[mid] < lo) a = mid + 1;
        else b = mid;
      }
      for (let p = a; p < postStart[k + 1] && post[p] <= hi; p++) {
        const j = post[p];
        if (acc[j] === 0) touched[nt++] = j;
        acc[j] += w;
      }
    }
    let bj = -1;
    let b1 = 0;
    for (let t = 0; t < nt; t++) {
      const j = touched[t];
      if (acc[j] > b1) {
        b1 = acc[j];
        bj = j;
      }
    }
    let b2 = 0;
    for (let t = 0; t < nt; t++) {
      const j = touched[t];
      // neighbours of the best may share its words (the halves of a 1-2 link): not rivals
      if (j < bj - 2 || j > bj + 2) b2 = Math.max(b2, acc[j]);
      acc[j] = 0;
    }
    if (bj >= 0 && b1 >= minScore && b1 >= ratio * b2) {
      ai.push(i);
      aj.push(bj);
      aw.push(b1 - b2);
    }
  }
  return { ai, aj, aw };
}

/** Heaviest subsequence strictly increasing in both i (given: input sorted by i, distinct) and j (Fenwick tree of prefix maxima). */
function heaviestIncreasing(ai: number[], aj: number[], aw: number[], m: number): Array<[number, number]> {
  const k = ai.length;
  if (k === 0) return [];
  const treeV = new Float64Array(m + 1);
  const treeI = new Int32Array(m + 1).fill(-1);
  const prev = new Int32Array(k).fill(-1);
  const total = new Float64Array(k);
  let bestK = -1;
  let bestV = -1;
  for (let t = 0; t < k; t++) {
    // best chain ending at a j' < aj[t]: prefix max over 1..aj[t] (Fenwick index j' + 1)
    let v = 0;
    let from = -1;
    for (let x = aj[t]; x > 0; x -= x & -x) {
      if (treeV[x] > v) {
        v = treeV[x];
        from = treeI[x];
      }
    }
    total[t] = v + aw[t];
    prev[t] = from;
    for (let x = aj[t] + 1; x <= m; x += x & -x) {
      if (total[t] > treeV[x]) {
        treeV[x] = total[t];
        treeI[x] = t;
      }
    }
    if (total[t] > bestV) {
      bestV = total[t];
      bestK = t;
    }
  }
  const out: Array<[number, number]> = [];
  for (let t = bestK; t >= 0; t = prev[t]) out.push([ai[t], aj[t]]);
  return out.reverse();
}

/**
 * Drop anchors that their neighbours do not support: an anchor stays when the anchors around it lie on a line
 * with it (target step within a factor of the source step plus slack), so one wrong pair kept by the monotone
 * chain does not bend the band.
 */
function dropIsolated(chain: Array<[number, number]>): Array<[number, number]> {
  if (chain.length < 3) return chain;
  const ok = (a: [number, number], b: [number, number]) => {
    const di = b[0] - a[0];
    const dj = b[1] - a[1];
    return dj <= 4 * di + 8 && di <= 4 * dj + 8;
  };
  const out: Array<[number, number]> = [];
  for (let t = 0; t < chain.length; t++) {
    const left = t > 0 ? ok(chain[t - 1], chain[t]) : true;
    const right = t + 1 < chain.length ? ok(chain[t], chain[t + 1]) : true;
    if (left || right) out.push(chain[t]);
  }
  return out;
}
