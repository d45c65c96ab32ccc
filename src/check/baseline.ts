/**
 * Baselines: accept the findings a project already has, fail only on new ones (the approach of ESLint's and
 * detekt's baselines). A finding's fingerprint is stable across runs: the check id + the normalised content of its
 * link + what the finding points at — never line numbers or link ids, which move when a file is edited.
 */
import { BitextError } from '../errors.js';
import type { Finding } from '../model/types.js';
import { hash53, normalizeForCompare } from './text.js';

export const BASELINE_FORMAT = 'bitext-check-baseline';
export const BASELINE_VERSION = 1;

export interface BaselineEntry {
  fingerprint: string;
  check: string;
  /** For people reading the file in a diff: not used for matching. */
  file?: string;
  message?: string;
}

export interface Baseline {
  format: typeof BASELINE_FORMAT;
  version: number;
  findings: BaselineEntry[];
}

function hex(n: number): string {
  return n.toString(16).padStart(14, '0');
}

/** 106-bit content fingerprint (two seeded cyrb53 hashes), 28 hex digits. */
export function fingerprintFinding(f: Pick<Finding, 'check' | 'srcText' | 'tgtText' | 'srcSpan' | 'tgtSpan' | 'data'>): string {
  const src = f.srcText ?? '';
  const tgt = f.tgtText ?? '';
  const at = (t: string, s?: [number, number]) => (s ? t.slice(s[0], s[1]) : '');
  const extra = f.data && typeof f.data.term === 'string' ? f.data.term : '';
  const key = [f.check, normalizeForCompare(src), normalizeForCompare(tgt), at(src, f.srcSpan), at(tgt, f.tgtSpan), extra].join('\u0000');
  return hex(hash53(key, 1)) + hex(hash53(key, 2));
}

/** The baseline of the current findings (sorted by check, file, fingerprint: a stable, diff-friendly file). */
export function makeBaseline(findings: readonly Finding[]): Baseline {
  const entries = findings.map((f) => ({ fingerprint: f.fingerprint ?? fingerprintFinding(f), check: f.check, file: f.file, message: f.message }));
  entries.sort((a, b) => cmp(a.check, b.check) || cmp(a.file, b.file) || cmp(a.fingerprint, b.fingerprint) || cmp(a.message, b.message));
  return { format: BASELINE_FORMAT, version: BASELINE_VERSION, findings: entries };
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function serializeBaseline(b: Baseline): string {
  const lines = b.findings.map((e) => '    ' + JSON.stringify({ fingerprint: e.fingerprint, check: e.check, file: e.file, message: e.message }));
  return `{\n  "format": "${BASELINE_FORMAT}",\n  "version": ${b.version},\n  "findings": [\n${lines.join(',\n')}${lines.length ? '\n' : ''}  ]\n}\n`;
}

export function parseBaseline(text: string, file?: string): Baseline {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new BitextError('BASELINE_INVALID', `the baseline is not valid JSON (${(err as Error).message})`, { file, hint: 'Recreate it with bitext check --update-baseline.' });
  }
  const o = data as Record<string, unknown>;
  if (!o || typeof o !== 'object' || o.format !== BASELINE_FORMAT || !Array.isArray(o.findings)) {
    throw new BitextError('BASELINE_INVALID', `this is not a bitext check baseline (expected "format": "${BASELINE_FORMAT}" and a "findings" list)`, { file, hint: 'Recreate it with bitext check --update-baseline.' });
  }
  if (typeof o.version !== 'number' || o.version > BASELINE_VERSION) {
    throw new BitextError('BASELINE_INVALID', `baseline version ${String(o.version)} is not supported by this bitext`, { file, hint: 'Update bitext, or recreate the baseline with --update-baseline.' });
  }
  const findings: BaselineEntry[] = [];
  o.findings.forEach((e, i) => {
    const r = e as Record<string, unknown>;
    if (!r || typeof r.fingerprint !== 'string' || typeof r.check !== 'string') {
      throw new BitextError('BASELINE_INVALID', `baseline entry ${i + 1} has no "fingerprint" and "check"`, { file, hint: 'Recreate it with bitext check --update-baseline.' });
    }
    findings.push({ fingerprint: r.fingerprint, check: r.check, ...(typeof r.file === 'string' ? { file: r.file } : {}), ...(typeof r.message === 'string' ? { message: r.message } : {}) });
  });
  return { format: BASELINE_FORMAT, version: o.version, findings };
}

/**
 * Findings the baseline does not know. Each baseline entry absorbs one finding with its fingerprint (a corpus with the
 * same problem twice needs two entries). `fixed` counts entries no longer found.
 */
export function applyBaseline(findings: readonly Finding[], baseline: Baseline): { findings: Finding[]; suppressed: number; fixed: number } {
  const budget = new Map<string, number>();
  for (const e of baseline.findings) budget.set(e.fingerprint, (budget.get(e.fingerprint) ?? 0) + 1);
  const out: Finding[] = [];
  let suppressed = 0;
  for (const f of findings) {
    const fp = f.fingerprint ?? fingerprintFinding(f);
    const n = budget.get(fp) ?? 0;
    if (n > 0) {
      budget.set(fp, n - 1);
      suppressed++;
    } else out.push(f);
  }
  let fixed = 0;
  for (const n of budget.values()) fixed += n;
  return { findings: out, suppressed, fixed };
}
