/** Semantic colours of the terminal app: code names what a colour means, this file says which colour it is. */
import type { LinkStatus, Severity, TermStatus } from '../model/types.js';

export const theme = {
  accent: 'cyan',
  good: 'green',
  warn: 'yellow',
  bad: 'red',
  muted: 'gray',
  edited: 'blue',
  selection: 'cyan',
} as const;

/** Confidence bands: ≥ 0.8 good, ≥ 0.5 doubtful, below 0.5 review first. */
export function confidenceColor(score: number): string {
  if (score >= 0.8) return theme.good;
  if (score >= 0.5) return theme.warn;
  return theme.bad;
}

/** One-cell status marks (with a legend in the help and the status bar). */
export const STATUS_MARK: Record<LinkStatus, string> = { auto: '·', confirmed: '✓', edited: '✎', rejected: '✗' };

export function statusColor(status: LinkStatus): string {
  return status === 'confirmed' ? theme.good : status === 'rejected' ? theme.bad : status === 'edited' ? theme.edited : theme.muted;
}

export function severityColor(sev: Severity): string {
  return sev === 'error' ? theme.bad : sev === 'warning' ? theme.warn : theme.muted;
}

export function termStatusColor(status: TermStatus): string {
  return status === 'preferred' ? theme.good : status === 'admitted' ? theme.accent : theme.bad;
}

/** Confidence as three characters: ".83", "1.0", ".05". */
export function formatScore(score: number): string {
  if (score >= 0.995) return '1.0';
  const s = Math.round(score * 100)
    .toString()
    .padStart(2, '0');
  return '.' + s;
}
