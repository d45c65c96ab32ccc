/**
 * A piece of normalised text that remembers, for every UTF-16 code unit, its offset in the decoded file.
 * Sentences are cut on normalised text (one space for any white-space run, markup removed, lines joined) and
 * mapped back to exact file ranges through `offs`.
 */
export class Piece {
  text = '';
  private parts: string[] = [];
  offs: number[] = [];

  /** Append one code unit (or a surrogate pair) standing at file offset `off`. */
  push(ch: string, off: number): void {
    this.parts.push(ch);
    this.offs.push(off);
    if (ch.length === 2) this.offs.push(off + 1);
  }

  /** Finish appending: materialise `text`. */
  seal(): this {
    if (this.parts.length) {
      this.text += this.parts.join('');
      this.parts = [];
    }
    return this;
  }

  get length(): number {
    return this.offs.length;
  }

  lastChar(): string {
    this.seal();
    return this.text.slice(-1);
  }

  /** Remove the last code unit. */
  pop(): void {
    this.seal();
    this.text = this.text.slice(0, -1);
    this.offs.pop();
  }

  /** Append another sealed piece. */
  append(other: Piece): void {
    this.seal();
    this.text += other.text;
    for (const o of other.offs) this.offs.push(o);
  }

  /** A copy keeping only the code units where `keep[i]` is true. */
  filter(keep: (i: number) => boolean): Piece {
    this.seal();
    const out = new Piece();
    const chars: string[] = [];
    for (let i = 0; i < this.offs.length; i++) {
      if (keep(i)) {
        chars.push(this.text[i]);
        out.offs.push(this.offs[i]);
      }
    }
    out.text = chars.join('');
    return out;
  }

  /** File range [start, end) of the code units [from, to). */
  range(from: number, to: number): [number, number] {
    return [this.offs[from], this.offs[to - 1] + 1];
  }
}
