// bitext check as a user (and CI) runs it: the built CLI in a subprocess, exit codes 0 / 1 / 2.
import { describe, expect, it, beforeAll } from 'vitest';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync, appendFileSync } from 'node:fs';
import path from 'node:path';
import { runBitext, tempDir } from '../helpers.js';
import { SAMPLE } from './util.js';

function project(): string {
  const dir = tempDir('bitext-check-');
  mkdirSync(path.join(dir, 'alignments'));
  copyFileSync(SAMPLE, path.join(dir, 'alignments', 'cyberspace-ii.jsonl'));
  return dir;
}

const CLEAN_LINK = JSON.stringify({ id: 'n1', src: [{ id: 'zh.90', text: '深化同东盟数字经济合作。' }], tgt: [{ id: 'en.90', text: 'China has strengthened cooperation on the digital economy with ASEAN.' }], score: 0.9, status: 'auto' });
const EMPTY_TARGET = JSON.stringify({ id: 'n2', src: [{ id: 'zh.91', text: '“丝路电商”合作成果丰硕。' }], tgt: [], score: 0.9, status: 'auto' });
const HEADER = readFileSync(SAMPLE, 'utf8').split('\n')[0];

describe('bitext check (CLI)', { timeout: 120_000 }, () => {
  beforeAll(() => {
    expect(existsSync(new URL('../../dist/cli/commands/check.js', import.meta.url))).toBe(true);
  });

  it('checks alignments/*.jsonl by default; warnings do not fail under the default --fail-on error', () => {
    const dir = project();
    const r = runBitext(['check'], { cwd: dir });
    expect(r.stderr).toBe('skipped term-missing: no term base (put one in glossary/ or pass --glossary)\nskipped term-forbidden: no term base (put one in glossary/ or pass --glossary)\n');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('alignments/cyberspace-ii.jsonl\n');
    expect(r.stdout).toContain('truncated-sentence');
    expect(r.stdout).toContain('⟦about⟧');
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('0 errors, 2 warnings, 0 info in 1 file (41 links)');
  });

  it('exit 1 at --fail-on warning, 0 at never; a term base in glossary/ is used', () => {
    const dir = project();
    expect(runBitext(['check', '--fail-on', 'warning', '-q'], { cwd: dir }).code).toBe(1);
    expect(runBitext(['check', '--fail-on', 'never', '-q'], { cwd: dir }).code).toBe(0);
    mkdirSync(path.join(dir, 'glossary'));
    writeFileSync(path.join(dir, 'glossary', 'terms.csv'), 'concept,lang,term,status\nsrec,zh,丝路电商,preferred\nsrec,en,Silk Road e-commerce,preferred\nsrec,en,Silk Road E-business,deprecated\n');
    const ok = runBitext(['check', '--format', 'json'], { cwd: dir });
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).skipped).toEqual([]);
    appendFileSync(path.join(dir, 'alignments', 'cyberspace-ii.jsonl'), JSON.stringify({ id: 'n3', src: [{ id: 'zh.92', text: '“丝路电商”合作成果丰硕。' }], tgt: [{ id: 'en.92', text: 'Silk Road E-business cooperation has been fruitful.' }], score: 0.9, status: 'auto' }) + '\n');
    const bad = runBitext(['check', '--format', 'json'], { cwd: dir });
    expect(bad.code).toBe(1);
    const doc = JSON.parse(bad.stdout);
    expect(doc.findings.filter((f: any) => f.severity === 'error').map((f: any) => [f.check, f.line])).toEqual([['term-forbidden', 43]]);
  });

  it('--threads 1 (term and number checks in a worker thread) gives the same report as --threads 0', () => {
    const dir = project();
    mkdirSync(path.join(dir, 'glossary'));
    for (const f of ['digital-economy.csv', 'organisations.csv']) copyFileSync(new URL(`../../glossary/${f}`, import.meta.url), path.join(dir, 'glossary', f));
    // 3,000 more links (several worker batches): the sample's links again under new ids, some with a changed number.
    const lines = readFileSync(SAMPLE, 'utf8').trim().split('\n').slice(1).map((l) => JSON.parse(l));
    const more: string[] = [];
    for (let i = 0; i < 3000; i++) {
      const l = lines[i % lines.length];
      const tgt = l.tgt.map((s: any, k: number) => ({ id: `en.x${i}.${k}`, text: i % 7 === 0 ? s.text.replace(/\d+/, (d: string) => String(Number(d) + 1)) : s.text }));
      more.push(JSON.stringify({ id: `x${i}`, src: l.src.map((s: any, k: number) => ({ id: `zh.x${i}.${k}`, text: s.text })), tgt, score: l.score, status: l.status }));
    }
    appendFileSync(path.join(dir, 'alignments', 'cyberspace-ii.jsonl'), more.join('\n') + '\n');
    const one = runBitext(['check', '--format', 'json', '--threads', '0', '--fail-on', 'never'], { cwd: dir });
    const two = runBitext(['check', '--format', 'json', '--threads', '1', '--fail-on', 'never'], { cwd: dir });
    expect(one.code).toBe(0);
    expect(two.code).toBe(0);
    const doc = JSON.parse(one.stdout);
    expect(doc.findings.some((f: any) => f.check === 'number-missing')).toBe(true);
    expect(doc.findings.some((f: any) => f.check === 'term-missing')).toBe(true);
    expect(two.stdout).toBe(one.stdout);
    // The main thread running the number checks of every batch (as it does when the worker is behind): same report.
    const shared = runBitext(['check', '--format', 'json', '--threads', '1', '--fail-on', 'never'], { cwd: dir, env: { BITEXT_CHECK_SHARE_AT: '0' } });
    expect(shared.code).toBe(0);
    expect(shared.stdout).toBe(one.stdout);
    expect(runBitext(['check', '--threads', '3'], { cwd: dir }).code).toBe(2);
    // An input error stops the worker too: exit 2, not a process kept alive by the thread.
    appendFileSync(path.join(dir, 'alignments', 'cyberspace-ii.jsonl'), '{"id":\n');
    const broken = runBitext(['check', '--threads', '1'], { cwd: dir });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toContain('[JSONL_MALFORMED]');
  });

  it('exit 0 on a clean file, with the counts on stderr for machine formats', () => {
    const dir = tempDir('bitext-check-');
    writeFileSync(path.join(dir, 'clean.jsonl'), HEADER + '\n' + CLEAN_LINK + '\n');
    const r = runBitext(['check', 'clean.jsonl', '--format', 'sarif', '--fail-on', 'info'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].results).toEqual([]);
    expect(r.stderr).toContain('bitext check: 0 error(s), 0 warning(s), 0 info in 1 file(s), 1 links');
  });

  it('exit 2 with one line on stderr for usage and input errors', () => {
    const dir = project();
    const cases: [string[], string][] = [
      [['check', 'missing.jsonl'], '[FILE_NOT_FOUND]'],
      [['check', '--format', 'pdf'], '[USAGE]'],
      [['check', '--fail-on', 'sometimes'], '[USAGE]'],
      [['check', '--only', 'no-such-check'], '[USAGE]'],
      [['check', '--glossary', 'nowhere'], '[FILE_NOT_FOUND]'],
      [['check', '--baseline', 'nothere.json'], '[FILE_NOT_FOUND]'],
      [['check', '--bogus'], '[USAGE]'],
    ];
    for (const [args, codeTag] of cases) {
      const r = runBitext(args, { cwd: dir });
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n'), args.join(' ')).toHaveLength(1);
      expect(r.stderr).toContain(codeTag);
    }
    const empty = tempDir('bitext-check-');
    const none = runBitext(['check'], { cwd: empty });
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('nothing to check');
    writeFileSync(path.join(empty, 'broken.jsonl'), HEADER + '\n{"id": "x", "src": [\n');
    const broken = runBitext(['check', 'broken.jsonl'], { cwd: empty });
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/broken\.jsonl:2.*\[JSONL_MALFORMED\]/);
  });

  it('config file: re-levels and turns off checks; unknown keys are rejected with the key named', () => {
    const dir = project();
    writeFileSync(path.join(dir, '.bitext-check.json'), JSON.stringify({ checks: { 'truncated-sentence': 'error' } }));
    const r = runBitext(['check', '-q'], { cwd: dir });
    expect(r.code).toBe(1);
    writeFileSync(path.join(dir, '.bitext-check.json'), JSON.stringify({ checks: { 'truncated-sentence': 'off', 'term-variants': 'off' }, failOn: 'warning' }));
    expect(runBitext(['check', '-q'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, '.bitext-check.json'), JSON.stringify({ checkz: {} }));
    const bad = runBitext(['check'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown key "checkz"');
    expect(bad.stderr).toContain('[CONFIG_INVALID]');
    writeFileSync(path.join(dir, 'other.json'), JSON.stringify({ failOn: 'warning' }));
    // --config names another file: the (bad) default one is not read; failOn comes from the named file
    expect(runBitext(['check', '--config', 'other.json', '-q'], { cwd: dir }).code).toBe(1);
  });

  it('baseline: --update-baseline accepts the current findings; later runs fail only on new ones', () => {
    const dir = project();
    const up = runBitext(['check', '--update-baseline'], { cwd: dir });
    expect(up.code).toBe(0);
    expect(up.stderr).toContain('wrote .bitext-baseline.json (2 accepted findings)');
    const base = JSON.parse(readFileSync(path.join(dir, '.bitext-baseline.json'), 'utf8'));
    expect(base.format).toBe('bitext-check-baseline');
    expect(base.findings.map((f: any) => f.check).sort()).toEqual(['term-variants', 'truncated-sentence']);
    const again = runBitext(['check', '--fail-on', 'warning'], { cwd: dir });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('2 known findings hidden by the baseline');
    // an edit above moves every line: the baseline still matches
    const file = path.join(dir, 'alignments', 'cyberspace-ii.jsonl');
    const lines = readFileSync(file, 'utf8').split('\n');
    writeFileSync(file, [lines[0], CLEAN_LINK, ...lines.slice(1)].join('\n'));
    expect(runBitext(['check', '--fail-on', 'warning', '-q'], { cwd: dir }).code).toBe(0);
    appendFileSync(file, EMPTY_TARGET + '\n');
    const fresh = runBitext(['check', '--format', 'json', '-q'], { cwd: dir });
    expect(fresh.code).toBe(1);
    expect(JSON.parse(fresh.stdout).findings.map((f: any) => f.check)).toEqual(['target-missing']);
    expect(runBitext(['check', '--no-baseline', '--format', 'json', '-q'], { cwd: dir }).stdout).toContain('truncated-sentence');
    expect(runBitext(['check', '--update-baseline', '-q'], { cwd: dir }).code).toBe(0);
    expect(runBitext(['check', '-q'], { cwd: dir }).code).toBe(0);
  });

  it('-o writes the report atomically (HTML page); --list-checks lists ids and severities', () => {
    const dir = project();
    const r = runBitext(['check', '--format', 'html', '-o', 'report/check.html'], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const html = readFileSync(path.join(dir, 'report', 'check.html'), 'utf8');
    expect(html).toContain('<mark>人工智能</mark>');
    const list = runBitext(['check', '--list-checks']);
    expect(list.code).toBe(0);
    expect(list.stdout).toMatch(/^term-forbidden +error +terms/m);
    expect(list.stdout).toMatch(/^truncated-sentence +warning +completeness/m);
  });

  it('github format prints workflow annotations', () => {
    const dir = project();
    const r = runBitext(['check', '--format', 'github', '--fail-on', 'warning'], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('::warning file=alignments/cyberspace-ii.jsonl,line=42,title=truncated-sentence%3A Sentence cut off::the translation stops mid-sentence');
  });
});
