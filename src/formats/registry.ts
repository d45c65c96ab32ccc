/**
 * Bounded-memory bookkeeping for streaming readers of million-unit files.
 *
 * IdRegistry remembers which ids were seen and on which line. Ids of the form prefix + decimal number
 * (`L123`, `en.45`, `zh.7`: what bitext and most tools write) are stored as 4 bytes per id in a growable
 * Uint32Array per prefix; other ids fall back to a Map. A 1,000,000-link file then needs ~12 MB instead of ~250 MB.
 *
 * DiagnosticLog keeps at most `perCode` diagnostics of each code and counts the rest, so a file with a million
 * one-sided units does not keep a million warnings.
 */
import type { Diagnostic } from '../model/types.js';

const NUMBERED = /^(.*?)(0|[1-9]\d{0,8})$/;
const MAX_DENSE = 1 << 26;

export class IdRegistry {
  private readonly dense = new Map<string, Uint32Array>();
  private readonly sparse = new Map<string, number>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  /** Line where `id` was registered, or undefined. */
  get(id: string): number | undefined {
    const m = NUMBERED.exec(id);
    if (m) {
      const n = Number(m[2]);
      if (n < MAX_DENSE) {
        const arr = this.dense.get(m[1]);
        const v = arr && n < arr.length ? arr[n] : 0;
        return v === 0 ? undefined : v - 1;
      }
    }
    return this.sparse.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /** Register `id` at `line` (0 when lines do not matter). */
  set(id: string, line = 0): void {
    if (this.get(id) === undefined) this.count++;
    const m = NUMBERED.exec(id);
    if (m) {
      const n = Number(m[2]);
      if (n < MAX_DENSE) {
        let arr = this.dense.get(m[1]);
        if (!arr || n >= arr.length) {
          const next = new Uint32Array(Math.max(n + 1, arr ? arr.length * 2 : 1024));
          if (arr) next.set(arr);
          arr = next;
          this.dense.set(m[1], arr);
        }
        arr[n] = Math.min(line, 0xfffffffe) + 1;
        return;
      }
    }
    this.sparse.set(id, line);
  }

  add(id: string): void {
    this.set(id, 0);
  }
}

export class DiagnosticLog {
  readonly list: Diagnostic[] = [];
  private readonly counts = new Map<string, number>();
  private readonly examples = new Map<string, Diagnostic>();

  constructor(private readonly perCode = 50) {}

  push(...ds: Diagnostic[]): number {
    for (const d of ds) {
      const n = (this.counts.get(d.code) ?? 0) + 1;
      this.counts.set(d.code, n);
      if (n <= this.perCode) this.list.push(d);
      else if (!this.examples.has(d.code)) this.examples.set(d.code, d);
    }
    return this.list.length;
  }

  /** The kept diagnostics plus one summary line per code that went over the limit. */
  finish(): Diagnostic[] {
    const out = [...this.list];
    for (const [code, d] of this.examples) {
      const more = (this.counts.get(code) ?? 0) - this.perCode;
      out.push({ code, message: `… and ${more} more like "${d.message}"`, severity: d.severity, file: d.file });
    }
    return out;
  }
}
