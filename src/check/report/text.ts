/** Plain-text report for people: grouped by file and check, both sides with the spans highlighted (ANSI on a TTY). */
import type { Finding } from '../../model/types.js';
import type { CheckReport } from '../types.js';
import { checkTitle, countsLine, excerpt, groupFindings, type Piece, type ReportOptions } from './common.js';

const ESC = '\x1b[';
const paint = (on: boolean, code: string, s: string) => (on ? `${ESC}${code}m${s}${ESC}0m` : s);
const SEV_COLOR: Record<string, string> = { error: '31;1', warning: '33;1', info: '36' };

function pieces(ps: Piece[], color: boolean): string {
  return ps.map((p) => (p.mark ? (color ? paint(true, '7', p.text) : `⟦${p.text}⟧`) : p.text)).join('');
}

function langLabel(f: Finding, side: 'src' | 'tgt'): string {
  return side === 'src' ? 'src' : 'tgt';
}

export function formatText(report: CheckReport, options: ReportOptions = {}): string {
  const color = !!options.color;
  const out: string[] = [];
  for (const [file, byCheck] of groupFindings(report.findings)) {
    out.push(paint(color, '1;4', file));
    for (const [check, list] of byCheck) {
      out.push(`  ${paint(color, '1', check)} — ${checkTitle(check)} (${list.length})`);
      for (const f of list) {
        const where = [f.line !== undefined ? `line ${f.line}` : '', f.link ? `link ${f.link}` : ''].filter(Boolean).join(', ');
        out.push(`    ${paint(color, SEV_COLOR[f.severity], f.severity)} ${paint(color, '2', where)}: ${f.message}`);
        const s = pieces(excerpt(f.srcText, f.srcSpan), color);
        const t = pieces(excerpt(f.tgtText, f.tgtSpan), color);
        if (s) out.push(`      ${paint(color, '2', langLabel(f, 'src'))}  ${s}`);
        if (t) out.push(`      ${paint(color, '2', langLabel(f, 'tgt'))}  ${t}`);
      }
    }
    out.push('');
  }
  for (const s of report.skipped) out.push(`skipped ${s.check}: ${s.reason}`);
  for (const n of report.notes) out.push(`note: ${n}`);
  const summary = countsLine(report);
  const c = report.counts;
  out.push(report.findings.length === 0 ? `✓ no findings: ${summary}` : paint(color, c.error ? SEV_COLOR.error : c.warning ? SEV_COLOR.warning : '0', summary));
  return out.join('\n') + '\n';
}
