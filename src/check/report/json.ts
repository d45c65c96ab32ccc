/** The JSON report (documented in docs/check-json.md): stable key order, one document, findings in report order. */
import type { Finding } from '../../model/types.js';
import type { CheckReport } from '../types.js';
import type { ReportOptions } from './common.js';

export const REPORT_FORMAT = 'bitext-check-report';
export const REPORT_VERSION = 1;

export function findingJson(f: Finding): Record<string, unknown> {
  const o: Record<string, unknown> = { check: f.check, severity: f.severity, message: f.message, file: f.file };
  if (f.line !== undefined) o.line = f.line;
  if (f.link !== undefined) o.link = f.link;
  if (f.srcText !== undefined) o.src = f.srcText;
  if (f.tgtText !== undefined) o.tgt = f.tgtText;
  if (f.srcSpan) o.srcSpan = f.srcSpan;
  if (f.tgtSpan) o.tgtSpan = f.tgtSpan;
  if (f.related) o.related = f.related;
  if (f.fingerprint) o.fingerprint = f.fingerprint;
  if (f.data) o.data = f.data;
  return o;
}

export function formatJson(report: CheckReport, options: ReportOptions = {}): string {
  const doc = {
    format: REPORT_FORMAT,
    version: REPORT_VERSION,
    tool: { name: 'bitext', version: options.version ?? '' },
    files: report.files,
    links: report.links,
    counts: report.counts,
    suppressed: report.suppressed,
    checks: report.checks,
    skipped: report.skipped,
    notes: report.notes,
    findings: report.findings.map(findingJson),
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
