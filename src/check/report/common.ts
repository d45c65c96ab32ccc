/** Shared by the reporters: check metadata lookup, grouping, span excerpts. */
import type { Finding, Severity } from '../../model/types.js';
import type { CheckReport } from '../types.js';
import { CHECKS } from '../registry.js';

export interface ReportOptions {
  /** Tool version written into JSON/SARIF/JUnit. */
  version?: string;
  /** ANSI colours (text format only): the CLI turns them on for a TTY without NO_COLOR. */
  color?: boolean;
  /** Findings at or above this level are failures (JUnit) / counted as failing (summary). Default 'error'. */
  failOn?: Severity | 'never';
  /** Title of the HTML page. */
  title?: string;
}

export function checkTitle(id: string): string {
  return CHECKS.find((c) => c.id === id)?.title ?? id;
}

export function checkOrder(id: string): number {
  const i = CHECKS.findIndex((c) => c.id === id);
  return i < 0 ? CHECKS.length : i;
}

/** file → check → findings, in report order. */
export function groupFindings(findings: readonly Finding[]): Map<string, Map<string, Finding[]>> {
  const out = new Map<string, Map<string, Finding[]>>();
  for (const f of findings) {
    let byCheck = out.get(f.file);
    if (!byCheck) out.set(f.file, (byCheck = new Map()));
    let list = byCheck.get(f.check);
    if (!list) byCheck.set(f.check, (list = []));
    list.push(f);
  }
  for (const [file, byCheck] of out) out.set(file, new Map([...byCheck.entries()].sort((a, b) => checkOrder(a[0]) - checkOrder(b[0]))));
  return out;
}

export interface Piece {
  text: string;
  mark: boolean;
}

/**
 * Text of one side cut to about `max` characters around the span, as pieces [before, span, after].
 * Spans out of range are ignored.
 */
export function excerpt(text: string | undefined, span: [number, number] | undefined, max = 220): Piece[] {
  if (text === undefined) return [];
  const t = text;
  if (!span || span[0] < 0 || span[1] > t.length || span[0] > span[1] || (span[0] === 0 && span[1] === t.length)) {
    const whole = !!span && span[0] === 0 && span[1] === t.length && t.length > 0;
    if (t.length <= max) return [{ text: t, mark: whole && false }];
    return [{ text: t.slice(0, max - 1) + '…', mark: false }];
  }
  let [a, b] = span;
  let start = 0;
  let end = t.length;
  if (t.length > max) {
    const room = Math.max(20, Math.floor((max - (b - a)) / 2));
    start = Math.max(0, a - room);
    end = Math.min(t.length, b + room);
  }
  const pieces: Piece[] = [];
  const before = (start > 0 ? '…' : '') + t.slice(start, a);
  if (before) pieces.push({ text: before, mark: false });
  if (b > a) pieces.push({ text: t.slice(a, b), mark: true });
  const after = t.slice(b, end) + (end < t.length ? '…' : '');
  if (after) pieces.push({ text: after, mark: false });
  a = b = 0;
  return pieces;
}

export function countsLine(report: CheckReport): string {
  const c = report.counts;
  const plural = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  let s = `${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ${c.info} info in ${plural(report.files.length, 'file')} (${plural(report.links, 'link')})`;
  if (report.suppressed) s += `; ${report.suppressed} known finding${report.suppressed === 1 ? '' : 's'} hidden by the baseline`;
  return s;
}

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];
