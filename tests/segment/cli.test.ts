// bitext segment run as a user runs it (subprocess on the built CLI): outputs, encodings, every bad input.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBitext, tempDir } from '../helpers.js';
import { ENCODED } from '../read/encodings.js';

const SAMPLE = 'alignments/cyberspace-ii.md';
const dir = tempDir('bitext-segment-');
const file = (name: string, data: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, data);
  return p;
};

function expectUserError(args: string[], codeName: string) {
  const r = runBitext(args);
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toContain(`[${codeName}]`);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stdout).toBe('');
}

describe('bitext segment', { timeout: 60_000 }, () => {
  it('prints the sample one sentence per line, grouped by language, with a summary on stderr', () => {
    const r = runBitext(['segment', SAMPLE]);
    expect(r.code).toBe(0);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe(`[en] 47 sentences, 3 headings — ${SAMPLE}`);
    expect(out[1]).toBe('# Jointly Build a Community With a Shared Future in Cyberspace (II)');
    expect(out).toContain(`[zh] 38 sentences, 3 headings — ${SAMPLE}`);
    expect(out).toContain('## 携手构建网络空间命运共同体(下)');
    expect(out).toContain('“丝路电商”合作成果丰硕。');
    expect(r.stderr).toBe(`segment: en 47 sentences + 3 headings, zh 38 sentences + 3 headings; 4 page breaks repaired (${SAMPLE}, utf-8)\n`);
    expect(runBitext(['segment', SAMPLE, '--quiet']).stderr).toBe('');
  });

  it('prints JSON with positions, and orders sides by --src-lang', () => {
    const r = runBitext(['segment', SAMPLE, '--format', 'json', '--src-lang', 'zh']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.sides.map((s: { lang: string }) => s.lang)).toEqual(['zh', 'en']);
    expect(doc.sides[1].sentences[0]).toEqual({
      id: 'en.0', kind: 'heading', headingLevel: 1, text: 'Jointly Build a Community With a Shared Future in Cyberspace (II)', start: 4, end: 69, line: 3, column: 3, block: 0, paragraph: 0,
    });
    expect(doc.sides[0].sentences).toHaveLength(41);
    expect(doc.diagnostics.filter((d: { code: string }) => d.code === 'PAGE_BREAK_JOINED')).toHaveLength(4);
    // Deterministic: same input, same bytes.
    expect(runBitext(['segment', SAMPLE, '--format', 'json', '--src-lang', 'zh']).stdout).toBe(r.stdout);
  });

  it('reads every supported encoding', () => {
    for (const [name, bytes, encoding] of ENCODED) {
      const p = file(`enc-${name.replace(/\W+/g, '_')}.md`, bytes);
      const r = runBitext(['segment', p, '--format', 'json']);
      expect(r.code, name).toBe(0);
      const doc = JSON.parse(r.stdout);
      expect(doc.sides.map((s: { sentences: unknown[] }) => s.sentences.length)).toEqual([2, 2]);
      expect(r.stderr).toContain(encoding);
    }
  });

  it('segments a pair of files and pre-segmented files', () => {
    const en = file('en.txt', 'Mr. Smith arrived. He sat down.\n');
    const zh = file('zh.txt', '史密斯先生到了。他坐下了。\n');
    const r = runBitext(['segment', en, zh, '--format', 'json']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.stdout);
    expect(doc.sides.map((s: { lang: string; sentences: { text: string }[] }) => [s.lang, s.sentences.map((x) => x.text)])).toEqual([
      ['en', ['Mr. Smith arrived.', 'He sat down.']],
      ['zh', ['史密斯先生到了。', '他坐下了。']],
    ]);
    const p = runBitext(['segment', en, zh, '--presegmented']);
    expect(p.code).toBe(0);
    expect(p.stdout).toBe(`[en] 1 sentence, 0 headings — ${en}\nMr. Smith arrived. He sat down.\n\n[zh] 1 sentence, 0 headings — ${zh}\n史密斯先生到了。他坐下了。\n`);
  });

  const bad: Array<[string, () => string[], string]> = [
    ['an empty file', () => ['segment', file('empty.md', '')], 'EMPTY_FILE'],
    ['a white-space-only file', () => ['segment', file('blank.md', '  \n\n')], 'EMPTY_FILE'],
    ['a binary file', () => ['segment', file('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]))], 'BINARY_FILE'],
    ['undecodable bytes', () => ['segment', file('bad.txt', new Uint8Array([0x61, 0x62, 0x20, 0xff, 0xff, 0x63]))], 'BAD_ENCODING'],
    ['a missing file', () => ['segment', path.join(dir, 'missing.md')], 'FILE_NOT_FOUND'],
    ['an English-only file given as bilingual', () => ['segment', file('english.md', 'Only English here. Nothing else.\n')], 'NO_TEXT_IN_LANGUAGE'],
    ['a Chinese-only file given as bilingual', () => ['segment', file('chinese.md', '只有中文。\n')], 'NO_TEXT_IN_LANGUAGE'],
    ['a pair in the same language', () => ['segment', file('a.txt', 'One English file.\n'), file('b.txt', 'Another English file.\n')], 'SAME_LANGUAGE'],
    ['an unknown encoding', () => ['segment', SAMPLE, '--encoding', 'klingon'], 'UNKNOWN_ENCODING'],
    ['an unknown format', () => ['segment', SAMPLE, '--format', 'xml'], 'USAGE'],
    ['no file', () => ['segment'], 'USAGE'],
    ['three files', () => ['segment', 'a', 'b', 'c'], 'USAGE'],
  ];
  for (const [what, args, codeName] of bad) {
    it(`fails cleanly on ${what} (exit 2, one line with ${codeName}, no stack trace)`, () => expectUserError(args(), codeName));
  }
});
