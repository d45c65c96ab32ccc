/**
 * JUnit XML (the de-facto schema read by GitLab, Jenkins, Azure DevOps, CircleCI and GitHub test-report actions):
 * <testsuites> → one <testsuite> per file → one <testcase> per finding (a <failure> when at or above --fail-on,
 * otherwise passing with the message in <system-out>), plus one passing <testcase> per check without findings.
 */
import type { Severity } from '../../model/types.js';
import type { CheckReport } from '../types.js';
import { severityAtLeast } from '../run.js';
import { checkTitle, groupFindings, type ReportOptions } from './common.js';

/** XML 1.0 text/attribute escaping; characters XML 1.0 cannot carry are dropped. */
export function xmlEscape(s: string): string {
  return s
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function attr(s: string): string {
  return xmlEscape(s).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

export function formatJunit(report: CheckReport, options: ReportOptions = {}): string {
  const failOn: Severity | 'never' = options.failOn ?? 'error';
  const fails = (s: Severity) => failOn !== 'never' && severityAtLeast(s, failOn);
  const grouped = groupFindings(report.findings);
  const files = [...new Set([...report.files, ...grouped.keys()])];
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const file of files) {
    const byCheck = grouped.get(file) ?? new Map();
    const cases: string[] = [];
    let failures = 0;
    for (const check of report.checks) {
      const list = byCheck.get(check) ?? [];
      if (list.length === 0) {
        cases.push(`    <testcase classname="${attr(`bitext.check.${check}`)}" name="${attr(`${check}: ${checkTitle(check)}`)}" file="${attr(file)}"/>`);
        continue;
      }
      for (const f of list) {
        const name = `${check}: ${f.line !== undefined ? `line ${f.line}` : 'file'}${f.link ? ` (link ${f.link})` : ''}`;
        const body = [f.message, f.srcText !== undefined ? `source: ${f.srcText}` : '', f.tgtText !== undefined ? `target: ${f.tgtText}` : ''].filter(Boolean).join('\n');
        const open = `    <testcase classname="${attr(`bitext.check.${check}`)}" name="${attr(name)}" file="${attr(file)}"${f.line !== undefined ? ` line="${f.line}"` : ''}>`;
        if (fails(f.severity)) {
          failures++;
          cases.push(`${open}\n      <failure message="${attr(f.message)}" type="${f.severity}">${xmlEscape(body)}</failure>\n    </testcase>`);
        } else {
          cases.push(`${open}\n      <system-out>${xmlEscape(`${f.severity}: ${body}`)}</system-out>\n    </testcase>`);
        }
      }
    }
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(`  <testsuite name="${attr(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="bitext check" tests="${totalTests}" failures="${totalFailures}" errors="0">\n${suites.join('\n')}${suites.length ? '\n' : ''}</testsuites>\n`;
}
