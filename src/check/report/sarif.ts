/**
 * SARIF 2.1.0 (OASIS) for GitHub code scanning and other SARIF viewers: one run, one rule per check, one result per
 * finding located at the JSONL file and line of the link; partialFingerprints carry the baseline fingerprint.
 */
import type { Severity } from '../../model/types.js';
import type { CheckReport } from '../types.js';
import { CHECKS } from '../registry.js';
import type { ReportOptions } from './common.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** A file path as a URI: relative paths as relative references, absolute ones as file: URIs (percent-encoded). */
export function pathToUri(file: string): string {
  const p = file.replace(/\\/g, '/');
  const drive = /^[A-Za-z]:\//.test(p);
  const segs = p.split('/').map((seg, i) => (drive && i === 0 ? seg : encodeURIComponent(seg)));
  const joined = segs.join('/');
  if (drive) return 'file:///' + joined;
  if (p.startsWith('/')) return 'file://' + joined;
  return joined;
}

export function formatSarif(report: CheckReport, options: ReportOptions = {}): string {
  const rules = CHECKS.map((c) => ({
    id: c.id,
    name: c.id.replace(/(^|-)([a-z])/g, (_, __, ch: string) => ch.toUpperCase()),
    shortDescription: { text: c.title },
    fullDescription: { text: c.description },
    defaultConfiguration: { level: LEVEL[c.defaultSeverity] },
    properties: { tags: ['translation', c.group] },
  }));
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const artifacts = report.files.map((f) => ({ location: { uri: pathToUri(f) }, mimeType: 'application/x-ndjson' }));
  const artifactIndex = new Map(report.files.map((f, i) => [f, i]));
  const results = report.findings.map((f) => {
    const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: pathToUri(f.file), ...(artifactIndex.has(f.file) ? { index: artifactIndex.get(f.file) } : {}) } };
    if (f.line !== undefined) physicalLocation.region = { startLine: f.line };
    const r: Record<string, unknown> = {
      ruleId: f.check,
      ...(index.has(f.check) ? { ruleIndex: index.get(f.check) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [{ physicalLocation, ...(f.link ? { logicalLocations: [{ name: f.link, kind: 'object' }] } : {}) }],
    };
    if (f.fingerprint) r.partialFingerprints = { 'bitextFingerprint/v1': f.fingerprint };
    const props: Record<string, unknown> = {};
    if (f.srcText !== undefined) props.source = f.srcText;
    if (f.tgtText !== undefined) props.target = f.tgtText;
    if (f.related) props.related = f.related;
    if (Object.keys(props).length) r.properties = props;
    return r;
  });
  const doc = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'bitext', version: options.version || '0.0.0', rules } },
        artifacts,
        results,
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
  return JSON.stringify(doc, null, 2) + '\n';
}
