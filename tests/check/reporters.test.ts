// Every reporter: SARIF validates against the OASIS 2.1.0 schema, JUnit is well-formed XML with the expected shape,
// GitHub annotations are escaped, the HTML page is self-contained and escaped, JSON is stable.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import AjvModule from 'ajv-draft-04';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatGithub, formatHtml, formatJson, formatJunit, formatSarif, formatText, runChecksSync, escapeGithubData, escapeGithubProperty, type CheckReport } from '../../src/check/index.js';
import { FIXTURES, items, link, sampleItems } from './util.js';

// ajv-draft-04 is CommonJS with `exports.default`: take the class from either shape.
const Ajv = ((AjvModule as unknown as { default?: typeof AjvModule }).default ?? AjvModule) as unknown as new (o?: object) => {
  compile(schema: object): ((data: unknown) => boolean) & { errors?: unknown[] | null };
  validate(schema: object, data: unknown): boolean;
};

function report(): CheckReport {
  const all = sampleItems('alignments/cyberspace-ii.jsonl');
  const extra = items(
    [
      link('<script>alert("x")</script>合作成果丰硕。', '', { id: 'x1' }),
      link('深化同东盟数字经济合作。', 'China has strengthened cooperation on the digital economy with ASEAN & <b>friends</b>, 100%', { id: 'x2', score: 0.1 }),
    ],
    'alignments/other, file: 100%.jsonl',
  );
  return runChecksSync([...all, ...extra]);
}

describe('reporters', () => {
  const r = report();

  it('SARIF 2.1.0 validates against the OASIS schema and points at the JSONL file and line', () => {
    const schema = JSON.parse(readFileSync(FIXTURES + 'sarif-schema-2.1.0.json', 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    const doc = JSON.parse(formatSarif(r, { version: '0.1.0' }));
    const ok = validate(doc);
    expect(validate.errors ?? []).toEqual([]);
    expect(ok).toBe(true);
    const results = doc.runs[0].results;
    expect(results).toHaveLength(r.findings.length);
    const trunc = results.find((x: any) => x.ruleId === 'truncated-sentence');
    expect(trunc.locations[0].physicalLocation.artifactLocation.uri).toBe('alignments/cyberspace-ii.jsonl');
    expect(trunc.locations[0].physicalLocation.region.startLine).toBe(42);
    expect(trunc.partialFingerprints['bitextFingerprint/v1']).toMatch(/^[0-9a-f]{28}$/);
    expect(doc.runs[0].tool.driver.rules[trunc.ruleIndex].id).toBe('truncated-sentence');
    const other = results.find((x: any) => x.ruleId === 'target-missing');
    expect(other.locations[0].physicalLocation.artifactLocation.uri).toBe('alignments/other%2C%20file%3A%20100%25.jsonl');
  });

  it('SARIF of a clean run still validates', () => {
    const clean = runChecksSync(items([link('深化同东盟数字经济合作。', 'China has strengthened cooperation on the digital economy with ASEAN.')]));
    const ajv = new Ajv({ strict: false, validateFormats: false });
    expect(ajv.validate(JSON.parse(readFileSync(FIXTURES + 'sarif-schema-2.1.0.json', 'utf8')), JSON.parse(formatSarif(clean)))).toBe(true);
  });

  it('JUnit XML is well-formed: testsuites/testsuite/testcase/failure, failures at or above --fail-on', () => {
    const xml = formatJunit(r, { failOn: 'warning' });
    expect(XMLValidator.validate(xml)).toBe(true);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    const suites = [doc.testsuites.testsuite].flat();
    expect(suites.map((s: any) => s.name)).toEqual(['alignments/cyberspace-ii.jsonl', 'alignments/other, file: 100%.jsonl']);
    const cases = suites.flatMap((s: any) => [s.testcase].flat());
    const failures = cases.filter((c: any) => c.failure);
    expect(failures.length).toBe(r.counts.error + r.counts.warning);
    expect(Number(doc.testsuites.failures)).toBe(failures.length);
    expect(Number(doc.testsuites.tests)).toBe(cases.length);
    expect(failures.find((c: any) => c.classname === 'bitext.check.target-missing').failure['#text']).toContain('<script>');
    // --fail-on error: warnings become passing test cases with the message in system-out
    const strict = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(formatJunit(r, { failOn: 'error' }));
    expect(Number(strict.testsuites.failures)).toBe(r.counts.error);
  });

  it('github annotations: one line per finding, %, CR, LF escaped; : and , also in properties', () => {
    expect(escapeGithubData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeGithubProperty('a, b: c%')).toBe('a%2C b%3A c%25');
    const out = formatGithub(r);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(r.findings.length + 1);
    expect(lines).toContain(lines.find((l) => l.startsWith('::warning file=alignments/cyberspace-ii.jsonl,line=42,title=truncated-sentence%3A Sentence cut off::')));
    const err = lines.find((l) => l.startsWith('::error file=alignments/other%2C file%3A 100%25.jsonl,line=2,'));
    expect(err).toBeDefined();
    for (const l of lines.slice(0, -1)) expect(l).toMatch(/^::(error|warning|notice) file=[^,:]+(,line=\d+)?,title=[^,:]+::[^\r\n]*$/);
  });

  it('HTML is one self-contained page: inline CSS, no scripts, no external assets, everything escaped, counts on top', () => {
    const html = formatHtml(r, { version: '0.1.0' });
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/url\(/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;');
    expect(html).toContain('&lt;b&gt;friends&lt;/b&gt;');
    expect(html.indexOf('class="counts"')).toBeLessThan(html.indexOf('<section'));
    expect(html).toContain('<mark>about</mark>');
    expect(html).toContain('<mark>人工智能</mark>');
    expect(XMLValidator.validate(html.replace('<!DOCTYPE html>', '').replace(/<meta[^>]*>/g, ''))).toBe(true);
  });

  it('text groups by file and check, highlights spans (ANSI only when asked), ends with the counts', () => {
    const plain = formatText(r);
    expect(plain).not.toContain('\x1b[');
    expect(plain).toContain('⟦about⟧');
    expect(plain.indexOf('alignments/cyberspace-ii.jsonl')).toBeLessThan(plain.indexOf('alignments/other, file: 100%.jsonl'));
    expect(plain.trimEnd().split('\n').at(-1)).toMatch(/^\d+ errors?, \d+ warnings?, \d+ info in 2 files \(43 links\)$/);
    const color = formatText(r, { color: true });
    expect(color).toContain('\x1b[7mabout\x1b[0m');
  });

  it('JSON is stable and documented: fixed top-level keys, findings with spans, fingerprints', () => {
    const doc = JSON.parse(formatJson(r, { version: '0.1.0' }));
    expect(Object.keys(doc)).toEqual(['format', 'version', 'tool', 'files', 'links', 'counts', 'suppressed', 'checks', 'skipped', 'notes', 'findings']);
    expect(doc.format).toBe('bitext-check-report');
    const f = doc.findings.find((x: any) => x.check === 'truncated-sentence');
    expect(Object.keys(f)).toEqual(['check', 'severity', 'message', 'file', 'line', 'link', 'src', 'tgt', 'tgtSpan', 'fingerprint', 'data']);
    expect(formatJson(report(), { version: '0.1.0' })).toBe(formatJson(r, { version: '0.1.0' }));
  });
});
