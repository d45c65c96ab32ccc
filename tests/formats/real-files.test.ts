// Real files written by other tools (../shared/real, absent on a user's clone: skipped then). Every unit and every
// term must be read: counts are checked against a plain count of the elements in the raw text.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeBytes } from '../../src/read/decode.js';
import { iterateTmx, parseTermBaseCsv, readTbx, readTmx, tmxToAlignment } from '../../src/formats/index.js';
import { readAlignmentFile, readTermBaseFile } from '../../src/io/formats.js';
import { SHARED } from '../helpers.js';

const REAL = path.join(SHARED, 'real');
const present = existsSync(REAL);

function list(dir: string, ext: string): string[] {
  const d = path.join(REAL, dir);
  if (!existsSync(d)) return [];
  const out: string[] = [];
  for (const e of readdirSync(d, { withFileTypes: true })) {
    if (e.isDirectory()) out.push(...list(path.join(dir, e.name), ext));
    else if (e.name.endsWith(ext)) out.push(path.join(d, e.name));
  }
  return out.sort();
}

describe.skipIf(!present)('real TMX files', { timeout: 30_000 }, () => {
  const files = present ? list('tmx', '.tmx') : [];
  it.each(files.map((f) => [path.relative(REAL, f), f]))('%s: every unit read (whole and streaming)', async (_name, file) => {
    const text = decodeBytes(readFileSync(file), { file }).text;
    const rawUnits = (text.match(/<tu[\s>]/g) ?? []).length;
    const rawVariants = (text.match(/<tuv[\s>]/g) ?? []).length;
    const doc = readTmx(text, { file });
    expect(doc.units).toHaveLength(rawUnits);
    expect(doc.units.reduce((n, u) => n + u.variants.length, 0)).toBe(rawVariants);
    let streamed = 0;
    async function* bytes(): AsyncGenerator<Uint8Array> {
      const b = readFileSync(file);
      for (let i = 0; i < b.length; i += 1000) yield b.subarray(i, i + 1000);
    }
    for await (const item of iterateTmx(bytes(), { file })) if (item.type === 'unit') streamed++;
    expect(streamed).toBe(rawUnits);
    const a = tmxToAlignment(doc, { file });
    expect(a.alignment.links.length).toBeGreaterThan(0);
    // Every unit that has the source or the target language becomes a link.
    const r = await readAlignmentFile(file);
    expect(r.alignment.links).toEqual(a.alignment.links);
  });
  it('memoQ declared-utf-16 file is read as UTF-8', () => {
    const f = files.find((x) => x.includes('memoq'))!;
    const doc = readTmx(decodeBytes(readFileSync(f)).text);
    expect(doc.units[0].variants.map((v) => v.text)).toEqual(['Hello World', 'Bonjour le monde']);
  });
  it('Catalyst en-US → zh-CN: all 496 units with Chinese targets', () => {
    const f = files.find((x) => x.includes('catalyst'))!;
    const a = tmxToAlignment(readTmx(decodeBytes(readFileSync(f)).text));
    expect(a.alignment.header.tgtLang).toBe('zh-CN');
    expect(a.alignment.links.every((l) => l.tgt.length === 1)).toBe(true);
  });
  it('LISA 1J: source en-US and target en-GB are told apart by exact tags', () => {
    const f = files.find((x) => x.endsWith('ImportTest1J_many.tmx'))!;
    const a = tmxToAlignment(readTmx(decodeBytes(readFileSync(f)).text), { srcLang: 'en-US', tgtLang: 'en-GB' });
    expect(a.alignment.links.slice(0, 2).map((l) => [l.src[0].text, l.tgt[0].text])).toEqual([
      ['First entry in US English', 'First entry in UK English'],
      ['Second entry in US English', 'Second entry in UK English'],
    ]);
  });
});

describe.skipIf(!present)('real TBX files', () => {
  const files = present ? list('tbx', '.tbx') : [];
  it.each(files.map((f) => [path.basename(f), f]))('%s: every non-empty term read', async (_name, file) => {
    const text = decodeBytes(readFileSync(file), { file }).text;
    const rawTerms = (text.match(/<term>[^<]/g) ?? []).length;
    const rawConcepts = (text.match(/<(conceptEntry|termEntry)[\s>]/g) ?? []).length;
    const { termBase } = readTbx(text, { file });
    expect(termBase.concepts).toHaveLength(rawConcepts);
    expect(termBase.concepts.reduce((n, c) => n + c.terms.length, 0)).toBe(rawTerms);
    expect((await readTermBaseFile(file)).termBase).toEqual(termBase);
  });
  it('LTAC DCA and DCT files carry the same data', () => {
    const dca = readTbx(decodeBytes(readFileSync(files.find((f) => f.includes('dca'))!)).text).termBase;
    const dct = readTbx(decodeBytes(readFileSync(files.find((f) => f.includes('dct'))!)).text).termBase;
    expect(dct.concepts.map((c) => c.terms.map((t) => [t.lang, t.text, t.pos]))).toEqual(dca.concepts.map((c) => c.terms.map((t) => [t.lang, t.text, t.pos])));
  });
});

describe.skipIf(!present)('real glossaries', () => {
  it('OmegaT UTF-16BE tab-separated glossary: one concept per non-empty line', async () => {
    const f = path.join(REAL, 'glossary/omegat_l10n_en_zh-CN_utf16be-bom.tsv.txt');
    const text = decodeBytes(readFileSync(f)).text;
    const lines = text.split(/\r?\n/).filter((l) => l.trim()).length;
    const r = await readTermBaseFile(f, { srcLang: 'en', tgtLang: 'zh-CN' });
    expect(r.termBase.concepts).toHaveLength(lines);
    expect(r.termBase.concepts[0].terms.map((t) => t.lang)).toEqual(['en', 'zh-CN']);
  });
  it('en / zh-TW / zh-CN wide table (Taiwan/China headers)', () => {
    const f = path.join(REAL, 'glossary/leafwind_cs-terms_en_zh-TW_zh-CN.csv');
    const text = decodeBytes(readFileSync(f)).text;
    const r = parseTermBaseCsv(text, { file: f });
    expect(r.termBase.concepts).toHaveLength(text.trim().split('\n').length - 1);
    expect(r.termBase.concepts[0].terms.map((t) => t.lang)).toEqual(['en', 'zh-TW', 'zh-CN']);
  });
});
