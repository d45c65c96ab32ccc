/**
 * One self-contained HTML page for reviewers: inline CSS, no script, no external asset, every text escaped. Counts on
 * top, findings grouped by check, each with both sides and the spans highlighted.
 */
import type { Finding } from '../../model/types.js';
import type { CheckReport } from '../types.js';
import { CHECKS } from '../registry.js';
import { checkOrder, checkTitle, countsLine, SEVERITIES, type Piece, type ReportOptions } from './common.js';

export function htmlEscape(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function marked(text: string | undefined, span: [number, number] | undefined): string {
  if (text === undefined) return '';
  const ok = span && span[0] >= 0 && span[1] <= text.length && span[0] < span[1] && !(span[0] === 0 && span[1] === text.length);
  const ps: Piece[] = ok ? [{ text: text.slice(0, span![0]), mark: false }, { text: text.slice(span![0], span![1]), mark: true }, { text: text.slice(span![1]), mark: false }] : [{ text, mark: false }];
  return ps.map((p) => (p.mark ? `<mark>${htmlEscape(p.text)}</mark>` : htmlEscape(p.text))).join('');
}

const CSS = `
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI","PingFang SC","Microsoft YaHei",sans-serif;margin:0;color:#1d1d1f;background:#fafafa}
header{padding:16px 24px;background:#fff;border-bottom:1px solid #ddd;position:sticky;top:0}
h1{font-size:20px;margin:0 0 8px}
.counts span{display:inline-block;margin-right:12px;padding:2px 10px;border-radius:12px;font-weight:600}
.error{background:#fde2e1;color:#a50e0e}.warning{background:#fff1cc;color:#7a4d00}.info{background:#e1f0fd;color:#0b4f8a}
main{padding:8px 24px 32px}
section{margin-top:20px}
h2{font-size:17px;margin:0 0 4px}
.desc{color:#555;margin:0 0 8px;font-size:13px}
.finding{background:#fff;border:1px solid #e3e3e3;border-left-width:4px;border-radius:4px;padding:8px 12px;margin:8px 0}
.finding.error{border-left-color:#d93025}.finding.warning{border-left-color:#f9ab00}.finding.info{border-left-color:#1a73e8}
.where{font-size:12px;color:#666}
.msg{margin:2px 0 6px}
table{border-collapse:collapse;width:100%}
td{vertical-align:top;padding:2px 6px}
td.side{width:3em;color:#888;font-size:12px}
mark{background:#ffe066;padding:0 1px;border-radius:2px}
footer{color:#666;font-size:12px;padding:0 24px 24px}
`;

export function formatHtml(report: CheckReport, options: ReportOptions = {}): string {
  const title = options.title ?? 'bitext check report';
  const byCheck = new Map<string, Finding[]>();
  for (const f of report.findings) {
    let l = byCheck.get(f.check);
    if (!l) byCheck.set(f.check, (l = []));
    l.push(f);
  }
  const sections = [...byCheck.entries()]
    .sort((a, b) => checkOrder(a[0]) - checkOrder(b[0]))
    .map(([check, list]) => {
      const desc = CHECKS.find((c) => c.id === check)?.description ?? '';
      const items = list
        .map((f) => {
          const where = [f.file, f.line !== undefined ? `line ${f.line}` : '', f.link ? `link ${f.link}` : ''].filter(Boolean).map(htmlEscape).join(' · ');
          const rows = [
            f.srcText !== undefined ? `<tr><td class="side">src</td><td>${marked(f.srcText, f.srcSpan)}</td></tr>` : '',
            f.tgtText !== undefined ? `<tr><td class="side">tgt</td><td>${marked(f.tgtText, f.tgtSpan)}</td></tr>` : '',
          ].join('');
          return `<div class="finding ${f.severity}"><div class="where"><span class="${f.severity}">${f.severity}</span> ${where}</div><div class="msg">${htmlEscape(f.message)}</div>${rows ? `<table>${rows}</table>` : ''}</div>`;
        })
        .join('\n');
      return `<section id="${htmlEscape(check)}"><h2>${htmlEscape(checkTitle(check))} <small>(${htmlEscape(check)}, ${list.length})</small></h2><p class="desc">${htmlEscape(desc)}</p>\n${items}\n</section>`;
    })
    .join('\n');
  const counts = SEVERITIES.map((s) => `<span class="${s}">${report.counts[s]} ${s}${s === 'info' || report.counts[s] === 1 ? '' : 's'}</span>`).join('');
  const notes = [...report.skipped.map((s) => `skipped ${s.check}: ${s.reason}`), ...report.notes].map((n) => `<li>${htmlEscape(n)}</li>`).join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${htmlEscape(title)}</title>
<style>${CSS}</style>
</head>
<body>
<header><h1>${htmlEscape(title)}</h1><div class="counts">${counts}</div><div class="where">${htmlEscape(countsLine(report))}</div></header>
<main>
${report.findings.length === 0 ? '<p>No findings.</p>' : sections}
${notes ? `<ul class="desc">${notes}</ul>` : ''}
</main>
<footer>${htmlEscape(`bitext ${options.version ?? ''} · files: ${report.files.join(', ')}`)}</footer>
</body>
</html>
`;
}
