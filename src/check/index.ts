// Public API of src/check: consistency checks for translation QA and CI (pure; the CLI reads files and prints).
export type { Check, CheckConfig, CheckContext, CheckGroup, CheckReport, CheckTermMatch, CheckTermMatcher, FailOn, FindingDraft, LinkItem, PreparedLink } from './types.js';
export { CHECKS, getCheck } from './registry.js';
export { runChecks, runChecksSync, linkItemsFrom, CheckSession, countFindings, failsAt, severityAtLeast, DEFAULT_REVIEW_THRESHOLD, DEFERRABLE_CHECKS, linkCheckRunner, type RunOptions, type DeferredInput } from './run.js';
export { parseCheckConfig, CONFIG_FILE } from './config.js';
export { makeBaseline, applyBaseline, parseBaseline, serializeBaseline, fingerprintFinding, BASELINE_FORMAT, BASELINE_VERSION, type Baseline, type BaselineEntry } from './baseline.js';
export { normalizeForCompare } from './text.js';
export { bracketProblems } from './checks/unbalanced-brackets.js';
export type { ReportOptions } from './report/common.js';
export { formatText } from './report/text.js';
export { formatJson, REPORT_FORMAT, REPORT_VERSION } from './report/json.js';
export { formatSarif } from './report/sarif.js';
export { formatJunit } from './report/junit.js';
export { formatGithub, escapeData as escapeGithubData, escapeProperty as escapeGithubProperty } from './report/github.js';
export { formatHtml } from './report/html.js';
