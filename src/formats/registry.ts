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

const MAX_DENSE = 1 << 26;

/**
 * Where the trailing number of `id` starts (prefix + 1–9 decimal digits without a leading zero, as the former
 * `/^(.*?)(0|[1-9]\d{0,8})$/` took it: the shortest prefix, so the longest such number), or -1 when there is none.
 * One pass over the trailing digits instead of a regex per lookup.
 */
function numberStart(id: string): number {
  const n = id.length;
  let k = n;
  while (k > 0) {
    const c = id.charCodeAt(k - 1);
    if (c < 0x30 || c > 0x39) break;
    k--;
  }
  if (k === n) return -1;
  // At most 9 digits, no leading zero (a lone "0" is a number): move right past zeros and extra digits.
  if (n - k > 9) k = n - 9;
  while (k < n - 1 && id.charCodeAt(k) === 0x30) k++;
  return k;
}

/** The decimal value of id[k..] (digits only, at most 9). */
function numberAt(id: string, k: number): number {
  let v = 0;
  for (let i = k; i < id.length; i++) v = v * 10 + (id.charCodeAt(i) - 0x30);
  return v;
}

export class IdRegistry {
  private readonly dense = new Map<string, Uint32Array>();
  private readonly sparse = new Map<string, number>();
  private count = 0;
  /** The last prefix looked up and its array: consecutive ids share it ("l1", "l2", …), so no slice, no Map lookup. */
  private lastPrefix = '';
  private lastArr: Uint32Array | undefined;

  get size(): number {
    return this.count;
  }

  private arrayFor(id: string, k: number): Uint32Array | undefined {
    const last = this.lastPrefix;
    if (this.lastArr && last.length === k && id.startsWith(last)) return this.lastArr;
    const prefix = id.slice(0, k);
    const arr = this.dense.get(prefix);
    if (arr) {
      this.lastPrefix = prefix;
      this.lastArr = arr;
    }
    return arr;
  }

  /** Line where `id` was registered, or undefined. */
  get(id: string): number | undefined {
    const k = numberStart(id);
    if (k >= 0) {
      const n = numberAt(id, k);
      if (n < MAX_DENSE) {
        const arr = this.arrayFor(id, k);
        const v = arr && n < arr.length ? arr[n] : 0;
        return v === 0 ? undefined : v - 1;
      }
    }
    return this.sparse.get(id);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  /**
   * Register `id` at `line` unless it is already registered: returns the line it was registered at (and changes
   * nothing), or undefined when it was new (now registered). One parse of the id for the lookup and the insert.
   */
  claim(id: string, line = 0): number | undefined {
    const k = numberStart(id);
    if (k >= 0) {
      const n = numberAt(id, k);
      if (n < MAX_DENSE) {
        let arr = this.arrayFor(id, k);
        if (arr && n < arr.length && arr[n] !== 0) return arr[n] - 1;
        if (!arr || n >= arr.length) {
          const next = new Uint32Array(Math.max(n + 1, arr ? arr.length * 2 : 1024));
          if (arr) next.set(arr);
          arr = next;
          const prefix = id.slice(0, k);
          this.dense.set(prefix, arr);
          this.lastPrefix = prefix;
          this.lastArr = arr;
        }
        arr[n] = Math.min(line, 0xfffffffe) + 1;
        this.count++;
        return undefined;
      }
    }
    const prev = this.sparse.get(id);
    if (prev !== undefined) return prev;
    this.sparse.set(id, line);
    this.count++;
    return undefined;
  }

  /** Register `id` at `line` (0 when lines do not matter); an id already registered keeps its first line. */
  set(id: string, line = 0): void {
    this.claim(id, line);
  }

  add(id: string): void {
    this.claim(id, 0);
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
