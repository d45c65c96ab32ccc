/**
 * GitHub Actions workflow commands: `::error file=…,line=…,title=…::message` (warning, notice for info). Data is
 * escaped as the runner expects (% → %25, CR → %0D, LF → %0A), properties also `:` → %3A and `,` → %2C.
 */
import type { Severity } from '../../model/types.js';
import type { CheckReport } from '../types.js';
import { checkTitle, countsLine, type ReportOptions } from './common.js';

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(report: CheckReport, _options: ReportOptions = {}): string {
  const out: string[] = [];
  for (const f of report.findings) {
    const props = [`file=${escapeProperty(f.file.replace(/\\/g, '/'))}`];
    if (f.line !== undefined) props.push(`line=${f.line}`);
    props.push(`title=${escapeProperty(`${f.check}: ${checkTitle(f.check)}`)}`);
    const msg = f.message + (f.link ? ` (link ${f.link})` : '');
    out.push(`::${COMMAND[f.severity]} ${props.join(',')}::${escapeData(msg)}`);
  }
  out.push(`bitext check: ${countsLine(report)}`);
  return out.join('\n') + '\n';
}
