/**
 * Aho–Corasick multi-pattern string matching (Aho & Corasick 1975): one pass over the text finds every
 * occurrence of every pattern, so matching 10,000 terms costs about as much as matching 10.
 *
 * Patterns are sequences of UTF-16 code units. While patterns are added the trie lives in a Map; `build()` freezes it
 * into flat typed arrays: code units are mapped to a dense alphabet (a code unit no pattern uses sends the automaton
 * straight back to the root), the root has a dense transition table, every other edge sits in one open-addressing
 * hash table (Fibonacci hashing, linear probing) keyed by (node, symbol); failure links and dictionary-suffix (output)
 * links are precomputed breadth-first. Searching allocates nothing per character. When it fits (`DENSE_LIMIT`), the
 * scan uses a compressed DFA instead: full transition rows for the root and the branching nodes, one child and the
 * failure link for every other node (`table`, `rec`).
 */
export interface AcHit {
  /** Index of the pattern as added. */
  pattern: number;
  /** Offset of the first code unit of the occurrence. */
  start: number;
  /** Offset after the last code unit. */
  end: number;
}

/** Hits of `scan`, in flat arrays reused between calls (valid until the next call). */
export interface AcHits {
  count: number;
  pattern: Int32Array;
  start: Int32Array;
  end: Int32Array;
}

/** Largest transition table built (entries of the rows of branching nodes; 4 bytes each). */
const DENSE_LIMIT = 1 << 23;

export class AhoCorasick {
  /** Children of the root by code unit while patterns are added (-1 none); deeper children are found on the sibling lists. */
  private rootChild: Int32Array | undefined = new Int32Array(0x10000).fill(-1);
  private childHead: number[] = [-1];
  private sibling: number[] = [-1];
  private nodeChar: number[] = [0];
  /** Pattern id ending exactly at this node (-1 none); more via `extraOut`. */
  private out: Int32Array | number[] = [-1];
  private extraOut = new Map<number, number[]>();
  private fail: Int32Array = new Int32Array(1);
  /** Nearest node on the failure chain that has an output (-1 none). */
  private dictLink: Int32Array = new Int32Array(1);
  private readonly lengths: number[] = [];
  private lengthArr: Int32Array = new Int32Array(0);
  private built = false;
  // Frozen automaton.
  /** Code unit → symbol (1..alphabet), 0 when no pattern uses it. */
  private symbol: Uint32Array = new Uint32Array(0);
  /** Root transitions by symbol (0 = stay at the root). */
  private rootNext: Int32Array = new Int32Array(1);
  private hashNode: Int32Array = new Int32Array(0);
  private hashSym: Int32Array = new Int32Array(0);
  private hashNext: Int32Array = new Int32Array(0);
  private hashShift = 32;
  private hashMask = 0;
  /** First node with an output on the dictionary-suffix chain from each node (itself or `dictLink`), -1 none. */
  private firstOut: Int32Array = new Int32Array(1);
  /**
   * Compressed transition table, when small enough (else undefined): per node four ints [row, symbol, next, fail]
   * (`rec`); a node with two or more children (and the root) has a full row in `table` (offset `row`, failure
   * transitions resolved), a node with one child has that child's symbol and the child (`row` -1), a leaf neither.
   * Next nodes in `table` and `rec` are bitwise-negated when the node has an output.
   */
  private table: Int32Array | undefined;
  private rec: Int32Array = new Int32Array(0);
  private readonly hits: AcHits = { count: 0, pattern: new Int32Array(64), start: new Int32Array(64), end: new Int32Array(64) };

  get size(): number {
    return this.lengths.length;
  }

  /** Add a pattern; returns its id. Empty patterns are ignored (id -1). */
  add(pattern: string): number {
    const rootChild = this.rootChild;
    if (this.built || !rootChild) throw new Error('AhoCorasick: add() after build()');
    if (pattern.length === 0) return -1;
    const out = this.out as number[];
    const nodeChar = this.nodeChar;
    const childHead = this.childHead;
    const sibling = this.sibling;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      // The child by this code unit: a table at the root (thousands of children for a Chinese term base), the
      // sibling list below it (a few children per node). No Map: its keys node·65536 + c are heap numbers.
      let next = -1;
      if (node === 0) next = rootChild[c];
      else for (let k = childHead[node]; k !== -1; k = sibling[k]) if (nodeChar[k] === c) { next = k; break; }
      if (next === -1) {
        next = nodeChar.length;
        nodeChar.push(c);
        out.push(-1);
        childHead.push(-1);
        sibling.push(childHead[node]);
        childHead[node] = next;
        if (node === 0) rootChild[c] = next;
      }
      node = next;
    }
    const id = this.lengths.length;
    this.lengths.push(pattern.length);
    if (out[node] === -1) out[node] = id;
    else {
      const list = this.extraOut.get(node);
      if (list) list.push(id);
      else this.extraOut.set(node, [id]);
    }
    return id;
  }

  /** Freeze the trie and compute failure links (breadth-first). Called once, automatically by `search` if needed. */
  build(): void {
    if (this.built) return;
    const n = this.nodeChar.length;
    this.renumberDepthFirst();
    // Dense alphabet of the code units the patterns use.
    const symbol = new Uint32Array(0x10000);
    let alphabet = 0;
    for (let v = 1; v < n; v++) {
      const c = this.nodeChar[v];
      if (symbol[c] === 0) symbol[c] = ++alphabet;
    }
    this.symbol = symbol;
    const rootNext = new Int32Array(alphabet + 1);
    for (let c = this.childHead[0]; c !== -1; c = this.sibling[c]) rootNext[symbol[this.nodeChar[c]]] = c;
    this.rootNext = rootNext;
    // Open-addressing table of the non-root edges, load ≤ 1/2.
    const edges = n - 1 - (this.childHead[0] === -1 ? 0 : countChildren(this.childHead[0], this.sibling));
    let bits = 4;
    while (1 << bits < edges * 2) bits++;
    const cap = 1 << bits;
    this.hashShift = 32 - bits;
    this.hashMask = cap - 1;
    this.hashNode = new Int32Array(cap).fill(-1);
    this.hashSym = new Int32Array(cap);
    this.hashNext = new Int32Array(cap);
    for (let v = 1; v < n; v++) {
      for (let c = this.childHead[v]; c !== -1; c = this.sibling[c]) this.insertEdge(v, symbol[this.nodeChar[c]], c);
    }
    this.out = Int32Array.from(this.out as number[]);
    this.lengthArr = Int32Array.from(this.lengths);

    const fail = new Int32Array(n);
    const dictLink = new Int32Array(n).fill(-1);
    const out = this.out;
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let c = this.childHead[0]; c !== -1; c = this.sibling[c]) {
      fail[c] = 0;
      queue[tail++] = c;
    }
    while (head < tail) {
      const node = queue[head++];
      for (let child = this.childHead[node]; child !== -1; child = this.sibling[child]) {
        const sym = symbol[this.nodeChar[child]];
        let f = fail[node];
        let target = -1;
        for (;;) {
          target = f === 0 ? rootNext[sym] || -1 : this.edge(f, sym);
          if (target !== -1 || f === 0) break;
          f = fail[f];
        }
        const fl = target !== -1 && target !== child ? target : 0;
        fail[child] = fl;
        dictLink[child] = out[fl] !== -1 ? fl : dictLink[fl];
        queue[tail++] = child;
      }
    }
    this.fail = fail;
    this.dictLink = dictLink;
    const firstOut = new Int32Array(n);
    for (let v = 0; v < n; v++) firstOut[v] = out[v] !== -1 ? v : dictLink[v];
    this.firstOut = firstOut;
    // The transition table (a DFA, failure transitions resolved) for the nodes where it pays: the root and the
    // branching nodes. Most nodes of a term trie are on single-term chains (82,000 of 98,000 for 10,000 English
    // terms): a full row each (13.7 MB) made the scan a cache miss per code unit; such a node keeps its one child and
    // its failure link instead, and the scan follows failure links from it until a node with a row or a matching child
    // (amortised O(1) per code unit, as in the classic automaton). Filled breadth-first: a row is its failure node's
    // transitions with its own children put in.
    const stride = alphabet + 1;
    const kids = new Int32Array(n);
    for (let v = 0; v < n; v++) for (let c = this.childHead[v]; c !== -1; c = this.sibling[c]) kids[v]++;
    let rows = 0;
    for (let v = 0; v < n; v++) if (v === 0 || kids[v] >= 2) rows++;
    if (rows * stride <= DENSE_LIMIT) {
      const enc = (v: number) => (firstOut[v] !== -1 ? ~v : v);
      const rec = new Int32Array(n * 4);
      const table = new Int32Array(rows * stride);
      let row = 0;
      for (let v = 0; v < n; v++) {
        const b = v * 4;
        rec[b + 3] = fail[v];
        if (v === 0 || kids[v] >= 2) {
          rec[b] = row;
          rec[b + 1] = -1;
          row += stride;
        } else {
          rec[b] = -1;
          const c = this.childHead[v];
          rec[b + 1] = c === -1 ? -1 : symbol[this.nodeChar[c]];
          rec[b + 2] = c === -1 ? 0 : enc(c);
        }
      }
      /** The (encoded) transition of node u by sym, from the rows and chains filled so far. */
      const step = (u: number, sym: number): number => {
        for (;;) {
          const b = u * 4;
          if (rec[b] >= 0) return table[rec[b] + sym];
          if (rec[b + 1] === sym) return rec[b + 2];
          u = rec[b + 3];
        }
      };
      for (let sym = 1; sym <= alphabet; sym++) table[sym] = rootNext[sym] === 0 ? 0 : enc(rootNext[sym]);
      for (let q = 0; q < tail; q++) {
        const v = queue[q];
        const r = rec[v * 4];
        if (r < 0) continue;
        for (let sym = 1; sym <= alphabet; sym++) table[r + sym] = step(fail[v], sym);
        for (let c = this.childHead[v]; c !== -1; c = this.sibling[c]) table[r + symbol[this.nodeChar[c]]] = enc(c);
      }
      this.table = table;
      this.rec = rec;
    }
    // The construction arrays are no longer needed.
    this.rootChild = undefined;
    this.childHead = [];
    this.sibling = [];
    this.nodeChar = [];
    this.built = true;
  }

  /**
   * Number the nodes in depth-first preorder, so that walking down the trie mostly moves to the next row of the
   * tables (fewer cache misses than the insertion order).
   */
  private renumberDepthFirst(): void {
    const n = this.nodeChar.length;
    const perm = new Int32Array(n);
    const stack = new Int32Array(n);
    let top = 0;
    let next = 0;
    stack[top++] = 0;
    while (top > 0) {
      const v = stack[--top];
      perm[v] = next++;
      for (let c = this.childHead[v]; c !== -1; c = this.sibling[c]) stack[top++] = c;
    }
    const nodeChar = new Array<number>(n);
    const out = new Array<number>(n);
    const childHead = new Array<number>(n);
    const sibling = new Array<number>(n);
    const oldOut = this.out as number[];
    for (let v = 0; v < n; v++) {
      const w = perm[v];
      nodeChar[w] = this.nodeChar[v];
      out[w] = oldOut[v];
      childHead[w] = this.childHead[v] === -1 ? -1 : perm[this.childHead[v]];
      sibling[w] = this.sibling[v] === -1 ? -1 : perm[this.sibling[v]];
    }
    const extra = new Map<number, number[]>();
    for (const [v, list] of this.extraOut) extra.set(perm[v], list);
    this.nodeChar = nodeChar;
    this.out = out;
    this.childHead = childHead;
    this.sibling = sibling;
    this.extraOut = extra;
  }

  private insertEdge(node: number, sym: number, next: number): void {
    let h = Math.imul((node << 12) ^ sym, 0x9e3779b1) >>> this.hashShift;
    while (this.hashNode[h] !== -1) h = (h + 1) & this.hashMask;
    this.hashNode[h] = node;
    this.hashSym[h] = sym;
    this.hashNext[h] = next;
  }

  /** Child of `node` (not the root) by symbol, -1 if none. */
  private edge(node: number, sym: number): number {
    const hn = this.hashNode;
    let h = Math.imul((node << 12) ^ sym, 0x9e3779b1) >>> this.hashShift;
    for (;;) {
      const v = hn[h];
      if (v === node && this.hashSym[h] === sym) return this.hashNext[h];
      if (v === -1) return -1;
      h = (h + 1) & this.hashMask;
    }
  }

  /** Every occurrence of every pattern in `text`, ordered by end offset. */
  search(text: string): AcHit[] {
    const codes = new Uint16Array(text.length);
    for (let i = 0; i < text.length; i++) codes[i] = text.charCodeAt(i);
    const r = this.scan(codes, codes.length);
    const hits: AcHit[] = [];
    for (let i = 0; i < r.count; i++) hits.push({ pattern: r.pattern[i], start: r.start[i], end: r.end[i] });
    return hits;
  }

  /**
   * Every occurrence of every pattern in the first `length` code units of `codes`, ordered by end offset (at one end:
   * longest first), into flat arrays that are reused by the next call.
   */
  scan(codes: Uint16Array, length: number): AcHits {
    this.build();
    const hits = this.hits;
    hits.count = 0;
    const symbol = this.symbol;
    const firstOut = this.firstOut;
    const table = this.table;
    if (table) {
      const rec = this.rec;
      const dictLink = this.dictLink;
      let v = 0;
      for (let i = 0; i < length; i++) {
        const sym = symbol[codes[i]];
        if (sym === 0) {
          v = 0;
          continue;
        }
        let e: number;
        for (;;) {
          const b = v << 2;
          const r = rec[b];
          if (r >= 0) {
            e = table[r + sym];
            break;
          }
          if (rec[b + 1] === sym) {
            e = rec[b + 2];
            break;
          }
          v = rec[b + 3];
        }
        if (e >= 0) {
          v = e;
          continue;
        }
        v = ~e;
        for (let o = firstOut[v]; o !== -1; o = dictLink[o]) this.emit(o, i + 1);
      }
      return hits;
    }
    const rootNext = this.rootNext;
    const fail = this.fail;
    const dictLink = this.dictLink;
    let node = 0;
    for (let i = 0; i < length; i++) {
      const sym = symbol[codes[i]];
      if (sym === 0) {
        node = 0;
        continue;
      }
      for (;;) {
        if (node === 0) {
          node = rootNext[sym];
          break;
        }
        const next = this.edge(node, sym);
        if (next !== -1) {
          node = next;
          break;
        }
        node = fail[node];
      }
      if (node === 0) continue;
      for (let o = firstOut[node]; o !== -1; o = dictLink[o]) this.emit(o, i + 1);
    }
    return hits;
  }

  private emit(node: number, end: number): void {
    const first = (this.out as Int32Array)[node];
    this.push(first, end);
    if (this.extraOut.size > 0) {
      const extra = this.extraOut.get(node);
      if (extra) for (const p of extra) this.push(p, end);
    }
  }

  private push(pattern: number, end: number): void {
    const hits = this.hits;
    if (hits.count === hits.pattern.length) {
      const grow = (a: Int32Array) => {
        const b = new Int32Array(a.length * 2);
        b.set(a);
        return b;
      };
      hits.pattern = grow(hits.pattern);
      hits.start = grow(hits.start);
      hits.end = grow(hits.end);
    }
    const k = hits.count++;
    hits.pattern[k] = pattern;
    hits.start[k] = end - this.lengthArr[pattern];
    hits.end[k] = end;
  }
}

function countChildren(head: number, sibling: number[]): number {
  let k = 0;
  for (let c = head; c !== -1; c = sibling[c]) k++;
  return k;
}
