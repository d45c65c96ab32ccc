/**
 * A piece of normalised text that remembers, for every UTF-16 code unit, its offset in the decoded file.
 * Sentences are cut on normalised text (one space for any white-space run, markup removed, lines joined) and
 * mapped back to exact file ranges through `offs`. Appending is amortised O(1): the text is kept as chunks and
 * joined only when read, so a paragraph of 100 000 wrapped lines is built in linear time.
 */
export class Piece {
  private chunks: string[] = [];
  private cached: string | undefined = '';
  offs: number[] = [];

  /** Append one code unit (or a surrogate pair) standing at file offset `off`. */
  push(ch: string, off: number): void {
    this.chunks.push(ch);
    this.cached = undefined;
    this.offs.push(off);
    if (ch.length === 2) this.offs.push(off + 1);
  }

  /** The whole text (joined once, then cached until the next change). */
  get text(): string {
    if (this.cached === undefined) {
      this.cached = this.chunks.join('');
      this.chunks = this.cached ? [this.cached] : [];
    }
    return this.cached;
  }

  get length(): number {
    return this.offs.length;
  }

  /** The last `n` code units, without joining the whole text. */
  tail(n: number): string {
    let out = '';
    for (let c = this.chunks.length - 1; c >= 0 && out.length < n; c--) out = this.chunks[c] + out;
    return out.length > n ? out.slice(out.length - n) : out;
  }

  /** Remove the last code unit. */
  pop(): void {
    while (this.chunks.length && this.chunks[this.chunks.length - 1] === '') this.chunks.pop();
    const last = this.chunks.length - 1;
    if (last < 0) return;
    this.chunks[last] = this.chunks[last].slice(0, -1);
    this.cached = undefined;
    this.offs.pop();
  }

  /** Append another piece. */
  append(other: Piece): void {
    const t = other.text;
    if (!t) return;
    this.chunks.push(t);
    this.cached = undefined;
    for (const o of other.offs) this.offs.push(o);
  }

  /** A copy keeping only the code units where `keep[i]` is true. */
  filter(keep: (i: number) => boolean): Piece {
    const text = this.text;
    const out = new Piece();
    const chars: string[] = [];
    for (let i = 0; i < this.offs.length; i++) {
      if (keep(i)) {
        chars.push(text[i]);
        out.offs.push(this.offs[i]);
      }
    }
    out.chunks = [chars.join('')];
    out.cached = undefined;
    return out;
  }

  /** File range [start, end) of the code units [from, to). */
  range(from: number, to: number): [number, number] {
    return [this.offs[from], this.offs[to - 1] + 1];
  }
}
