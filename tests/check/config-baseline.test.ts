import { describe, expect, it } from 'vitest';
import { applyBaseline, makeBaseline, parseBaseline, parseCheckConfig, runChecksSync, serializeBaseline } from '../../src/check/index.js';
import { BitextError } from '../../src/errors.js';
import { items, link, sampleItems } from './util.js';

function code(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof BitextError ? `${e.code}: ${e.message}` : String(e);
  }
  return undefined;
}

describe('config', () => {
  it('turns checks off and re-levels them', () => {
    const config = parseCheckConfig('{"checks": {"truncated-sentence": "error", "term-variants": "off"}, "failOn": "warning", "reviewThreshold": 0.3}', 'c.json');
    expect(config).toEqual({ checks: { 'truncated-sentence': 'error', 'term-variants': 'off' }, failOn: 'warning', reviewThreshold: 0.3 });
    const r = runChecksSync(sampleItems(), { config });
    expect(r.findings.filter((f) => f.check === 'truncated-sentence').map((f) => f.severity)).toEqual(['error']);
    expect(r.findings.filter((f) => f.check === 'term-variants')).toEqual([]);
    expect(r.checks).not.toContain('term-variants');
  });

  it('rejects unknown keys and unknown check ids with CONFIG_INVALID naming them', () => {
    expect(code(() => parseCheckConfig('{"check": {}}', 'c.json'))).toBe('CONFIG_INVALID: unknown key "check" in the config file');
    expect(code(() => parseCheckConfig('{"checks": {"term-mising": "off"}}'))).toBe('CONFIG_INVALID: unknown check "term-mising" in "checks"');
    expect(code(() => parseCheckConfig('{"checks": {"term-missing": "fatal"}}'))).toMatch(/^CONFIG_INVALID: "checks.term-missing" must be one of/);
    expect(code(() => parseCheckConfig('{"failOn": "sometimes"}'))).toMatch(/^CONFIG_INVALID: "failOn"/);
    expect(code(() => parseCheckConfig('{"reviewThreshold": 2}'))).toMatch(/^CONFIG_INVALID: "reviewThreshold"/);
    expect(code(() => parseCheckConfig('[1]'))).toMatch(/^CONFIG_INVALID/);
  });

  it('reports invalid JSON with its line and column', () => {
    try {
      parseCheckConfig('{\n  "checks": {,}\n}', 'c.json');
      expect.unreachable();
    } catch (e) {
      expect((e as BitextError).code).toBe('CONFIG_INVALID');
      expect((e as BitextError).line).toBe(2);
    }
  });
});

describe('baseline', () => {
  const base = sampleItems();
  const before = runChecksSync(base);

  it('fingerprints are stable across runs and do not depend on line numbers or link ids', () => {
    const shifted = base.map((i) => ({ ...i, line: i.line + 10, link: { ...i.link, id: 'moved-' + i.link.id } }));
    const after = runChecksSync(shifted);
    expect(after.findings.map((f) => f.fingerprint)).toEqual(before.findings.map((f) => f.fingerprint));
    expect(new Set(before.findings.map((f) => f.fingerprint)).size).toBe(before.findings.length);
  });

  it('hides known findings, reports only new ones, and counts fixed ones', () => {
    const baseline = parseBaseline(serializeBaseline(makeBaseline(before.findings)));
    expect(applyBaseline(before.findings, baseline)).toEqual({ findings: [], suppressed: before.findings.length, fixed: 0 });
    const more = runChecksSync([...base, ...items([link('“丝路电商”合作成果丰硕。', '')], 'cyberspace-ii.jsonl').map((i) => ({ ...i, line: 99 }))]);
    const applied = applyBaseline(more.findings, baseline);
    expect(applied.findings.map((f) => f.check)).toEqual(['target-missing']);
    const fewer = applyBaseline(before.findings.slice(1), baseline);
    expect(fewer.fixed).toBe(1);
  });

  it('writes a diff-friendly file (one finding per line, sorted) and rejects files that are not baselines', () => {
    const text = serializeBaseline(makeBaseline(before.findings));
    expect(text.split('\n').filter((l) => l.includes('"fingerprint"'))).toHaveLength(before.findings.length);
    expect(serializeBaseline(makeBaseline([...before.findings].reverse()))).toBe(text);
    expect(code(() => parseBaseline('{"findings": []}', 'b.json'))).toMatch(/^BASELINE_INVALID/);
    expect(code(() => parseBaseline('nope', 'b.json'))).toMatch(/^BASELINE_INVALID/);
  });
});
