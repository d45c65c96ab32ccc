// bitext convert as a user runs it (the built CLI in a subprocess).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { serializeAlignmentJsonl } from '../../src/formats/index.js';
import { ROOT, runBitext, tempDir } from '../helpers.js';
import { ALIGNMENTS, TERMBASES } from './samples.js';
import { serializeTermBaseCsv } from '../../src/formats/index.js';

const FIX = path.join(ROOT, 'tests/fixtures/formats');
let dir: string;
let jsonl: string;
let glossary: string;

beforeAll(() => {
  dir = tempDir('bitext-convert-');
  jsonl = path.join(dir, 'book.jsonl');
  writeFileSync(jsonl, serializeAlignmentJsonl(ALIGNMENTS[1].alignment));
  glossary = path.join(dir, 'terms.csv');
  writeFileSync(glossary, serializeTermBaseCsv(TERMBASES[1].termBase));
});

describe('bitext convert', { timeout: 180_000 }, () => {
  it('JSONL → TMX → JSONL gives the same bytes (streamed)', () => {
    const tmx = path.join(dir, 'book.tmx');
    let r = runBitext(['convert', jsonl, tmx, '--date', '2024-01-01T00:00:00Z']);
    expect(r.stderr).toContain('converted 6 link(s)');
    expect(r.code).toBe(0);
    expect(readFileSync(tmx, 'utf8')).toContain('creationdate="20240101T000000Z"');
    const back = path.join(dir, 'back.jsonl');
    r = runBitext(['convert', tmx, back, '-q']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // TMX keeps ids, texts, scores, statuses, notes and the header; not the sentence positions in the document.
    const strip = (s: string) => s.replace(/,"(kind|headingLevel|start|end|line)":("[a-z]+"|\d+)/g, '');
    expect(readFileSync(back, 'utf8')).toBe(strip(readFileSync(jsonl, 'utf8')));
  });
  it('every alignment format round-trips through JSONL', () => {
    for (const ext of ['csv', 'tsv', 'xlsx', 'align']) {
      const out = path.join(dir, `book.${ext}`);
      const r = runBitext(['convert', jsonl, out]);
      expect(r.code, r.stderr).toBe(0);
      const back = path.join(dir, `from-${ext}.jsonl`);
      const r2 = runBitext(['convert', out, back]);
      expect(r2.code, r2.stderr).toBe(0);
      const lines = readFileSync(back, 'utf8').trim().split('\n');
      expect(lines).toHaveLength(7);
    }
    expect(existsSync(path.join(dir, 'book.en'))).toBe(true);
    expect(existsSync(path.join(dir, 'book.zh'))).toBe(true);
  });
  it('term bases: CSV → TBX → XLSX → CSV keeps the terms', () => {
    const tbx = path.join(dir, 'terms.tbx');
    const xlsx = path.join(dir, 'terms.xlsx');
    const csv = path.join(dir, 'terms2.csv');
    expect(runBitext(['convert', glossary, tbx]).code).toBe(0);
    expect(runBitext(['convert', tbx, xlsx]).code).toBe(0);
    const r = runBitext(['convert', xlsx, csv]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('c1,zh,网络空间,preferred');
  });
  it('writes to stdout with --to and warns about a third language', () => {
    const r = runBitext(['convert', path.join(FIX, 'tmx/okapi.tmx'), '-', '--to', 'jsonl']);
    expect(r.code).toBe(0);
    expect(r.stdout.split('\n')[0]).toContain('"format":"bitext-alignment"');
    expect(r.stderr).toMatch(/warning: .*fr-FR .*left out/);
    expect(r.stderr).toMatch(/warning: .*inline tags/);
  });
  it('reads a headerless OmegaT glossary into TBX on stdout', () => {
    const r = runBitext(['convert', path.join(FIX, 'glossary/omegat-utf16be.txt'), '-', '--to', 'tbx', '--tgt-lang', 'zh-CN']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<langSec xml:lang="zh-CN">');
  });
  it('errors are one line with exit code 2', () => {
    const bad = path.join(dir, 'bad.jsonl');
    writeFileSync(bad, readFileSync(jsonl, 'utf8').slice(0, -30));
    let r = runBitext(['convert', bad, path.join(dir, 'x.tmx')]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toMatch(/bad\.jsonl:7(:\d+)?: .*\[JSONL_MALFORMED\]/);
    expect(existsSync(path.join(dir, 'x.tmx'))).toBe(false);
    r = runBitext(['convert', jsonl, path.join(dir, 'x.tbx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[USAGE]');
    r = runBitext(['convert', jsonl, path.join(dir, 'x.docx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[UNKNOWN_FORMAT]');
    r = runBitext(['convert', path.join(dir, 'missing.tmx'), path.join(dir, 'x.jsonl')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[FILE_NOT_FOUND]');
    r = runBitext(['convert', glossary, path.join(dir, 'x.tmx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('term base');
  });
  it('has --help', () => {
    const r = runBitext(['convert', '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Usage: bitext convert IN OUT');
  });
});
