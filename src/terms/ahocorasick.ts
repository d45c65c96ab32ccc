/**
 * Aho–Corasick multi-pattern string matching (Aho & Corasick 1975): one pass over the text finds every
 * occurrence of every pattern, so matching 10,000 terms costs about as much as matching 10.
 *
 * The trie is stored flat: transitions in one Map keyed by `node * 0x10000 + codeUnit`, failure links and
 * output links in typed arrays. Patterns are sequences of UTF-16 code units.
 */
export interface AcHit {
  /** Index of the pattern as added. */
  pattern: number;
  /** Offset of the first code unit of the occurrence. */
  start: number;
  /** Offset after the last code unit. */
  end: number;
}

export class AhoCorasick {
  private readonly goto = new Map<number, number>();
  private childHead: number[] = [-1];
  private sibling: number[] = [-1];
  private nodeChar: number[] = [0];
  /** Pattern id ending exactly at this node (-1 none); more via `extraOut`. */
  private out: number[] = [-1];
  private extraOut = new Map<number, number[]>();
  private fail: Int32Array = new Int32Array(1);
  /** Nearest node on the failure chain that has an output (-1 none). */
  private dictLink: Int32Array = new Int32Array(1);
  private readonly lengths: number[] = [];
  private built = false;

  get size(): number {
    return this.lengths.length;
  }

  /** Add a pattern; returns its id. Empty patterns are ignored (id -1). */
  add(pattern: string): number {
    if (this.built) throw new Error('AhoCorasick: add() after build()');
    if (pattern.length === 0) return -1;
    let node = 0;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern.charCodeAt(i);
      const key = node * 0x10000 + c;
      let next = this.goto.get(key);
      if (next === undefined) {
        next = this.nodeChar.length;
        this.nodeChar.push(c);
        this.out.push(-1);
        this.childHead.push(-1);
        this.sibling.push(this.childHead[node]);
        this.childHead[node] = next;
        this.goto.set(key, next);
      }
      node = next;
    }
    const id = this.lengths.length;
    this.lengths.push(pattern.length);
    if (this.out[node] === -1) this.out[node] = id;
    else {
      const list = this.extraOut.get(node);
      if (list) list.push(id);
      else this.extraOut.set(node, [id]);
    }
    return id;
  }

  /** Compute failure links (breadth-first). Called once, automatically by `search` if needed. */
  build(): void {
    if (this.built) return;
    const n = this.nodeChar.length;
    this.fail = new Int32Array(n);
    this.dictLink = new Int32Array(n).fill(-1);
    const queue = new Int32Array(n);
    let head = 0;
    let tail = 0;
    for (let c = this.childHead[0]; c !== -1; c = this.sibling[c]) {
      this.fail[c] = 0;
      queue[tail++] = c;
    }
    while (head < tail) {
      const node = queue[head++];
      for (let child = this.childHead[node]; child !== -1; child = this.sibling[child]) {
        const ch = this.nodeChar[child];
        let f = this.fail[node];
        let target: number | undefined;
        for (;;) {
          target = this.goto.get(f * 0x10000 + ch);
          if (target !== undefined || f === 0) break;
          f = this.fail[f];
        }
        const fl = target !== undefined && target !== child ? target : 0;
        this.fail[child] = fl;
        this.dictLink[child] = this.out[fl] !== -1 ? fl : this.dictLink[fl];
        queue[tail++] = child;
      }
    }
    this.built = true;
  }

  /** Every occurrence of every pattern in `text`, ordered by end offset. */
  search(text: string): AcHit[] {
    this.build();
    const hits: AcHit[] = [];
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      for (;;) {
        const next = this.goto.get(node * 0x10000 + c);
        if (next !== undefined) {
          node = next;
          break;
        }
        if (node === 0) break;
        node = this.fail[node];
      }
      for (let o = this.out[node] !== -1 ? node : this.dictLink[node]; o !== -1; o = this.dictLink[o]) {
        this.emit(o, i + 1, hits);
      }
    }
    return hits;
  }

  private emit(node: number, end: number, hits: AcHit[]): void {
    const first = this.out[node];
    hits.push({ pattern: first, start: end - this.lengths[first], end });
    const extra = this.extraOut.get(node);
    if (extra) for (const p of extra) hits.push({ pattern: p, start: end - this.lengths[p], end });
  }
}
