// Term bases: TBX dialects, CSV/TSV glossaries as CAT tools and spreadsheets write them, XLSX via exceljs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BitextError } from '../../src/errors.js';
import { decodeBytes } from '../../src/read/decode.js';
import {
  detectDelimiter,
  parseTermBaseCsv,
  readTbx,
  readXlsx,
  serializeTermBaseCsv,
  termBaseToXlsx,
  writeTbx,
  writeXlsx,
  xlsxToAlignment,
  xlsxToTermBase,
  zipEntries,
} from '../../src/formats/index.js';
import { ROOT } from '../helpers.js';
import { TERMBASES } from './samples.js';

const FIX = path.join(ROOT, 'tests/fixtures/formats');
const text = (name: string) => decodeBytes(readFileSync(path.join(FIX, name)), { file: name }).text;
const full = TERMBASES[1].termBase;

describe('TBX reading', () => {
  it('TBX-Basic v3, DCA style: status, part of speech, definition in a descripGrp, notes', () => {
    const { termBase } = readTbx(text('tbx/basic-dca.tbx'));
    expect(termBase.concepts).toHaveLength(1);
    const c = termBase.concepts[0];
    expect(c).toMatchObject({ id: 'c1', domain: 'Networking', definition: 'A global network of networks.' });
    expect(c.terms).toEqual([
      { lang: 'en', text: 'cyberspace', status: 'preferred', pos: 'noun' },
      { lang: 'en', text: 'cyber space', status: 'deprecated', note: 'Spelling variant.' },
      { lang: 'zh-CN', text: '网络空间', status: 'preferred' },
      { lang: 'zh-CN', text: '赛博空间', status: 'admitted' },
    ]);
  });
  it('MultiTerm XML (UTF-16LE, conceptGrp/languageGrp/termGrp, field labels)', () => {
    const { termBase, rows } = readTbx(text('tbx/multiterm.xml'));
    expect(termBase.concepts).toEqual([
      {
        id: '17',
        domain: 'IT',
        definition: 'A computer that provides a service.',
        terms: [
          { lang: 'en-US', text: 'server', status: 'preferred', pos: 'noun' },
          { lang: 'zh-CN', text: '服务器', status: 'preferred' },
          { lang: 'zh-CN', text: '伺服器', status: 'deprecated', note: 'Taiwan usage' },
        ],
      },
    ]);
    expect(rows).toHaveLength(3);
  });
  it('gives the file line of each term', () => {
    const { rows } = readTbx(text('tbx/basic-dca.tbx'));
    expect(rows.map((r) => [r.text, r.line])).toEqual([['cyberspace', 10], ['cyber space', 15], ['网络空间', 22], ['赛博空间', 26]]);
    expect(rows[0]).toMatchObject({ concept: 'c1', lang: 'en', status: 'preferred', pos: 'noun', domain: 'Networking' });
  });
  it('TBX-Basic v3, DCT style (namespaced data categories)', () => {
    const c = readTbx(text('tbx/basic-dct.tbx')).termBase.concepts[0];
    expect(c.domain).toBe('Networking');
    expect(c.terms.map((t) => [t.text, t.status, t.pos])).toEqual([
      ['cyberspace', 'preferred', 'noun'],
      ['cyber space', 'superseded', undefined],
      ['网络空间', 'preferred', undefined],
    ]);
  });
  it('TBX v2 MARTIF (Lokalize): en_US tags, synonyms, ntig, forbidden → deprecated', () => {
    const { termBase } = readTbx(text('tbx/martif.tbx'));
    expect(termBase.concepts.map((c) => c.id)).toEqual(['e1', 'e2']);
    expect(termBase.concepts[0].terms).toEqual([
      { lang: 'en-US', text: 'bookmark', status: 'preferred' },
      { lang: 'zh-CN', text: '书签', status: 'preferred' },
      { lang: 'zh-CN', text: '收藏夹', status: 'deprecated' },
    ]);
    expect(termBase.concepts[1].terms[0].pos).toBe('verb');
  });
  it('TBX-Min 2013 (entry/langGroup/termGroup, notRecommended)', () => {
    const c = readTbx(text('tbx/min-2013.tbx')).termBase.concepts[0];
    expect(c.domain).toBe('IT');
    expect(c.terms.map((t) => [t.lang, t.text, t.status])).toEqual([
      ['en', 'server', 'preferred'],
      ['zh', '服务器', 'preferred'],
      ['zh', '伺服器', 'deprecated'],
    ]);
  });
  it('raises on bad input with position', () => {
    const bad = (s: string) => {
      try {
        readTbx(s, { file: 'x.tbx' });
      } catch (e) {
        expect(e).toBeInstanceOf(BitextError);
        return (e as BitextError).code;
      }
      return 'no error';
    };
    const good = text('tbx/basic-dca.tbx');
    expect(bad(good.slice(0, good.length - 30))).toBe('TBX_MALFORMED');
    expect(bad('')).toBe('EMPTY_FILE');
    expect(bad('<tmx version="1.4"/>')).toBe('WRONG_FORMAT');
    expect(bad('<!DOCTYPE tbx [<!ENTITY a "b">]><tbx/>')).toBe('XML_UNSAFE');
  });
});

describe('TBX writing', () => {
  const out = writeTbx(full);
  it('writes TBX-Basic with administrative status, part of speech, definition and notes', () => {
    expect(out).toContain('<tbx type="TBX-Basic" style="dca"');
    expect(out).toContain('<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>');
    expect(out).toContain('<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>');
    expect(out).toContain('<termNote type="partOfSpeech">noun</termNote>');
    expect(out).toContain('<descrip type="definition">The online world of computer networks</descrip>');
  });
  it('is read back by an independent parser (fast-xml-parser)', () => {
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', isArray: (n) => ['conceptEntry', 'langSec', 'termSec', 'termNote'].includes(n) }).parse(out);
    const entries = doc.tbx.text.body.conceptEntry;
    expect(entries.map((e: any) => e['@id'])).toEqual(['c1', 'c2', 'c3']);
    const zh = entries[0].langSec.find((l: any) => l['@xml:lang'] === 'zh');
    expect(zh.termSec.map((t: any) => t.term)).toEqual(['网络空间', '赛博空间']);
  });
});

describe('CSV/TSV glossaries', () => {
  it('native long format with status words from other tools', () => {
    const r = parseTermBaseCsv(text('glossary/native.csv'));
    expect(r.termBase.concepts[0].terms.map((t) => [t.text, t.status])).toEqual([
      ['cyberspace', 'preferred'],
      ['网络空间', 'preferred'],
      ['赛博空间', 'deprecated'],
    ]);
    expect(r.termBase.concepts[0].terms[1].origin).toEqual({ file: 'book.jsonl', link: 'L3' });
    expect(r.termBase.concepts[1].terms[0].text).toBe('-based');
    expect(r.rows[2]).toMatchObject({ concept: 'c1', lang: 'zh', text: '赛博空间', line: 4 });
  });
  it('wide table with language codes, BOM and a quoted newline', () => {
    const r = parseTermBaseCsv(text('glossary/wide-langcodes.csv'));
    expect(r.termBase.concepts).toEqual([
      { id: 'c1', note: 'multi\nline note', terms: [{ lang: 'zh-CN', text: '网络空间', status: 'preferred' }, { lang: 'en-US', text: 'cyberspace', status: 'preferred' }] },
      { id: 'c2', terms: [{ lang: 'zh-CN', text: '数据', status: 'preferred' }, { lang: 'en-US', text: 'data', status: 'preferred' }] },
    ]);
    expect(r.rows.map((x) => x.line)).toEqual([2, 2, 4, 4]);
  });
  it('language names and semicolons (European Excel)', () => {
    const r = parseTermBaseCsv(text('glossary/wide-names-semicolon.csv'));
    expect(r.termBase.concepts.map((c) => c.terms.map((t) => `${t.lang}:${t.text}`))).toEqual([
      ['en:cloud computing', 'zh:云计算'],
      ['en:term; with semicolon', 'zh:术语'],
    ]);
  });
  it('Source/Target headers take --src-lang/--tgt-lang; a literal quote inside TSV is text', () => {
    const r = parseTermBaseCsv(text('glossary/source-target.tsv'), { srcLang: 'en', tgtLang: 'zh-CN' });
    expect(r.termBase.concepts[0]).toMatchObject({ definition: 'A procedure', terms: [{ lang: 'en', text: 'algorithm' }, { lang: 'zh-CN', text: '算法' }] });
    expect(r.termBase.concepts[1].terms[0].text).toBe('"quoted" word');
  });
  it('headerless OmegaT glossary (UTF-16BE with BOM, CRLF, tab-separated)', () => {
    const r = parseTermBaseCsv(text('glossary/omegat-utf16be.txt'));
    expect(r.termBase.concepts.map((c) => c.terms.map((t) => t.text))).toEqual([['translation memory', '翻译记忆'], ['fuzzy match', '模糊匹配']]);
    expect(r.termBase.concepts[1].note).toBe('comment');
    expect(r.diagnostics[0].code).toBe('GLOSSARY_HEADERLESS');
  });
  it('Chinese column names', () => {
    const r = parseTermBaseCsv(text('glossary/chinese-headers.csv'));
    expect(r.termBase.concepts[0].terms).toEqual([{ lang: 'en', text: 'server', status: 'preferred' }, { lang: 'zh', text: '服务器', status: 'preferred' }]);
  });
  it('Crowdin-style "Term [en]" headers with per-language description and part of speech', () => {
    const r = parseTermBaseCsv(text('glossary/crowdin-style.csv'));
    expect(r.termBase.concepts).toEqual([{ id: 'c1', definition: 'Where code lives', terms: [{ lang: 'en', text: 'repository', status: 'preferred', pos: 'noun' }, { lang: 'zh-CN', text: '仓库', status: 'preferred', pos: 'noun' }] }]);
    expect(r.diagnostics).toEqual([]);
  });
  it('a quote inside an unquoted cell is text (hand-made CSV: 5" screen)', () => {
    const r = parseTermBaseCsv('en,zh\n5" screen,5英寸屏幕\n"a, b",c\n');
    expect(r.termBase.concepts.map((c) => c.terms[0].text)).toEqual(['5" screen', 'a, b']);
  });
  it('honours an Excel "sep=" first line', () => {
    const r = parseTermBaseCsv('sep=;\r\nen;zh\r\ncloud, computing;云计算\r\n');
    expect(r.termBase.concepts[0].terms.map((t) => t.text)).toEqual(['cloud, computing', '云计算']);
    expect(r.rows[0].line).toBe(3);
  });
  it('detects the delimiter', () => {
    expect(detectDelimiter('a;b;c\n1;2;3\n')).toBe(';');
    expect(detectDelimiter('a\tb\n1\t2, 3\n')).toBe('\t');
    expect(detectDelimiter('a,b\n"x;y",2\n')).toBe(',');
  });
  it('excelSafe neutralises formulas for Excel; the native file keeps "-based" as it is', () => {
    const safe = serializeTermBaseCsv(full, { excelSafe: true, bom: true });
    expect(safe.startsWith('\ufeff')).toBe(true);
    const rows = parse(safe, { bom: true, relax_column_count: true }) as string[][];
    expect(rows.find((r) => r[2].includes('based'))![2]).toBe("'-based");
    expect(rows.find((r) => r[2].includes('+86'))![2]).toBe('\'+86 𠀀 "quoted", semi;colon');
    const plain = parse(serializeTermBaseCsv(full), { relax_column_count: true }) as string[][];
    expect(plain[0]).toEqual(['concept', 'lang', 'term', 'status', 'pos', 'domain', 'definition', 'note', 'source', 'conceptNote']);
    expect(plain.find((r) => r[2].includes('based'))![2]).toBe('-based');
  });
  it('raises on broken quoting with the line, and on a one-column file', () => {
    expect(() => parseTermBaseCsv('en,zh\n"cloud,云\n', { file: 'g.csv' })).toThrow(expect.objectContaining({ code: 'CSV_MALFORMED', file: 'g.csv' }));
    expect(() => parseTermBaseCsv('just\nwords\n')).toThrow(expect.objectContaining({ code: 'GLOSSARY_INVALID' }));
    expect(() => parseTermBaseCsv('')).toThrow(expect.objectContaining({ code: 'EMPTY_FILE' }));
  });
  it('reports data problems as diagnostics and goes on', () => {
    const r = parseTermBaseCsv('concept,lang,term,status\nc1,en,a,weird\nc1,,b,\nc1,en,a,\n');
    expect(r.diagnostics.map((d) => d.code)).toEqual(['GLOSSARY_STATUS', 'GLOSSARY_NO_LANG', 'GLOSSARY_DUPLICATE']);
    expect(r.termBase.concepts[0].terms).toEqual([{ lang: 'en', text: 'a', status: 'preferred' }]);
  });
});

describe('XLSX', { timeout: 30_000 }, () => {
  it('is read back by exceljs itself: header row, one row per term, column widths', async () => {
    const bytes = await termBaseToXlsx(full);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes) as any);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).values).toEqual([undefined, 'concept', 'lang', 'term', 'status', 'pos', 'domain', 'definition', 'note', 'source', 'conceptNote']);
    expect(ws.rowCount).toBe(1 + 9);
    expect(ws.getColumn(3).width).toBeGreaterThan(8);
  });
  it('writes the same bytes for the same data (ZIP timestamps fixed)', async () => {
    const a = await termBaseToXlsx(full);
    await new Promise((r) => setTimeout(r, 2100));
    const b = await termBaseToXlsx(full);
    expect(Buffer.compare(Buffer.from(a), Buffer.from(b))).toBe(0);
  });
  it('reads formulas as their cached values and rich text as text', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('G');
    ws.addRow(['English', 'Chinese']);
    ws.addRow([{ formula: 'CONCATENATE("cloud"," computing")', result: 'cloud computing' }, { richText: [{ text: '云' }, { text: '计算', font: { bold: true } }] }]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const r = await xlsxToTermBase(bytes);
    expect(r.termBase.concepts[0].terms.map((t) => t.text)).toEqual(['cloud computing', '云计算']);
  });
  it('refuses files that are not workbooks, truncated ones and zip bombs', async () => {
    await expect(readXlsx(new TextEncoder().encode('concept,lang\n'), { file: 'a.xlsx' })).rejects.toMatchObject({ code: 'XLSX_MALFORMED', file: 'a.xlsx' });
    const good = await writeXlsx([['en', 'zh'], ['a', '甲']]);
    await expect(readXlsx(good.subarray(0, good.length - 40))).rejects.toMatchObject({ code: 'XLSX_MALFORMED' });
    await expect(readXlsx(new Uint8Array(0))).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    // Declared sizes are checked before anything is inflated: patch the central directory to claim 3 GB.
    const bomb = new Uint8Array(good);
    const dv = new DataView(bomb.buffer);
    const entries = zipEntries(bomb);
    expect(entries.some((e) => e.name === 'xl/worksheets/sheet1.xml')).toBe(true);
    for (let i = 0; i < bomb.length - 4; i++) if (dv.getUint32(i, true) === 0x02014b50) dv.setUint32(i + 24, 3_000_000_000, true);
    await expect(readXlsx(bomb)).rejects.toMatchObject({ code: 'XLSX_TOO_LARGE' });
    await expect(readXlsx(good, { maxCells: 2 })).rejects.toMatchObject({ code: 'XLSX_TOO_LARGE' });
  });
  it('an alignment workbook with language headers from another tool', async () => {
    const bytes = await writeXlsx([['Source', 'Target', 'Comment'], ['Hello.', '你好。', 'greeting'], ['Bye.', '再见。', '']]);
    const r = await xlsxToAlignment(bytes, { srcLang: 'en', tgtLang: 'zh' });
    expect(r.alignment.links.map((l) => [l.id, l.src[0].text, l.tgt[0].text, l.status, l.note])).toEqual([
      ['L1', 'Hello.', '你好。', 'confirmed', 'greeting'],
      ['L2', 'Bye.', '再见。', 'confirmed', undefined],
    ]);
    expect(r.lines).toEqual([2, 3]);
  });
});
