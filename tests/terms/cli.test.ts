// bitext terms as a user runs it (subprocess on the built dist/); files read back with independent parsers.
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseCsv } from 'csv-parse/sync';
import { XMLParser } from 'fast-xml-parser';
import ExcelJS from 'exceljs';
import { ROOT, SHARED, runBitext, tempDir } from '../helpers.js';

const FIXTURE = path.join(ROOT, 'tests/fixtures/terms/cyberspace-ii.sentences.jsonl');
const HEADER = 'concept,lang,term,status,pos,domain,definition,note,source\n';

function glossaryDir(files: Record<string, string>): string {
  const dir = tempDir('bitext-terms-');
  mkdirSync(path.join(dir, 'glossary'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, 'glossary', name), text);
  return dir;
}

function csvRecords(file: string): Record<string, string>[] {
  return parseCsv(readFileSync(file), { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}

const BASIC =
  HEADER +
  'silk-road-ecommerce,zh,丝路电商,preferred,noun,digital economy,,,\n' +
  'silk-road-ecommerce,en,Silk Road e-commerce,preferred,noun,digital economy,,,\n' +
  'wto,zh,世界贸易组织,preferred,,,,,\n' +
  'wto,zh,世贸组织,admitted,,,,,\n' +
  'wto,en,WTO,preferred,,,,,\n' +
  'bri,en,One Belt One Road,deprecated,,,,outdated,\n' +
  'bri,en,Belt and Road Initiative,preferred,,,,,\n' +
  'bri,zh,一带一路,preferred,,,,,\n' +
  'formula,en,=SUM(A1),admitted,,,,,\n' +
  'formula,zh,公式,admitted,,,,,\n';

describe('bitext terms list', () => {
  it('lists the shipped glossary of the repository', () => {
    const r = runBitext(['terms', 'list', '--format', 'json']);
    expect(r.code).toBe(0);
    const concepts = JSON.parse(r.stdout) as Array<{ id: string }>;
    expect(concepts.length).toBeGreaterThanOrEqual(40);
    expect(concepts.map((c) => c.id)).toContain('silk-road-ecommerce');
    expect(r.stderr).not.toMatch(/warning/);
  });

  it('filters by text (traditional matches simplified), language and status', () => {
    const cwd = glossaryDir({ 'a.csv': BASIC });
    const byText = runBitext(['terms', 'list', '世貿', '--format', 'json'], { cwd });
    expect(JSON.parse(byText.stdout).map((c: { id: string }) => c.id)).toEqual(['wto']);
    const dep = runBitext(['terms', 'list', '--status', 'deprecated', '--format', 'csv'], { cwd });
    const rows = parseCsv(dep.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => r.term)).toEqual(['One Belt One Road']);
    const zh = runBitext(['terms', 'list', '--lang', 'zh'], { cwd });
    expect(zh.stdout).toContain('丝路电商');
    expect(zh.stdout).not.toContain('Silk Road');
    expect(zh.stderr).toMatch(/4 concepts, 5 terms/);
  });

  it('warns about duplicates, conflicting statuses and one term in two concepts with file:line', () => {
    const cwd = glossaryDir({
      'a.csv': BASIC,
      'b.csv': HEADER + 'wto,en,WTO,deprecated,,,,,\nother,zh,世贸组织,preferred,,,,,\nother,en,World Trade Organisation,preferred,,,,,\n',
    });
    const r = runBitext(['terms', 'list'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: glossary[\\/]b\.csv:2: .*WTO.*deprecated.*preferred at glossary[\\/]a\.csv:6.*\[TERM_STATUS_CONFLICT\]/);
    expect(r.stderr).toMatch(/warning: glossary[\\/]b\.csv:3: .*世贸组织.*concept other.*concept wto.*\[TERM_IN_TWO_CONCEPTS\]/);
  });

  it('rejects a bad option with exit 2 and one line', () => {
    const r = runBitext(['terms', 'list', '--status', 'maybe']);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const u = runBitext(['terms', 'frobnicate']);
    expect(u.code).toBe(2);
    expect(u.stderr).toMatch(/unknown subcommand/);
    const h = runBitext(['terms', '--help']);
    expect(h.code).toBe(0);
    expect(h.stdout).toMatch(/extract/);
  });
});

describe('bitext terms add', () => {
  it('appends a pair to a glossary CSV and refuses a duplicate', () => {
    const cwd = glossaryDir({ 'a.csv': BASIC });
    const r = runBitext(['terms', 'add', '跨境物流', 'cross-border logistics', '--status', 'preferred', '--pos', 'noun', '--note', 'from the white paper', '--domain', 'logistics'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/added .*cross-border-logistics.*terms\.csv/);
    const rows = csvRecords(path.join(cwd, 'glossary/terms.csv'));
    expect(rows).toEqual([
      { concept: 'cross-border-logistics', lang: 'zh', term: '跨境物流', status: 'preferred', pos: 'noun', domain: 'logistics', definition: '', note: 'from the white paper', source: '' },
      { concept: 'cross-border-logistics', lang: 'en', term: 'cross-border logistics', status: 'preferred', pos: 'noun', domain: 'logistics', definition: '', note: 'from the white paper', source: '' },
    ]);
    const again = runBitext(['terms', 'add', '跨境物流', 'cross border logistics'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/already in the term base.*\[TERM_DUPLICATE\]/);
    const one = runBitext(['terms', 'add', 'WTO', '世界貿易組織'], { cwd });
    expect(one.code).toBe(2);
    expect(one.stderr).toMatch(/--concept wto/);
  });

  it('adds a synonym to an existing concept in that concept\'s file, keeping the file as it was', () => {
    const cwd = glossaryDir({ 'a.csv': BASIC });
    const before = readFileSync(path.join(cwd, 'glossary/a.csv'), 'utf8');
    const r = runBitext(['terms', 'add', '一带一路', 'OBOR', '--concept', 'bri', '--status', 'deprecated'], { cwd });
    expect(r.code).toBe(0);
    const after = readFileSync(path.join(cwd, 'glossary/a.csv'), 'utf8');
    expect(after.startsWith(before)).toBe(true);
    expect(after.slice(before.length)).toBe('bri,en,OBOR,deprecated,,,,,\n');
    const list = runBitext(['terms', 'list', 'OBOR', '--format', 'json'], { cwd });
    expect(list.stderr).not.toMatch(/warning/);
  });
});

describe('bitext terms export', () => {
  it('writes an Excel-friendly CSV (BOM, formulas neutralised) that reads back', () => {
    const cwd = glossaryDir({ 'a.csv': BASIC });
    const r = runBitext(['terms', 'export', '-o', 'out/all.csv'], { cwd });
    expect(r.code).toBe(0);
    const bytes = readFileSync(path.join(cwd, 'out/all.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = csvRecords(path.join(cwd, 'out/all.csv'));
    expect(rows).toHaveLength(10);
    const f = rows.find((x) => x.concept === 'formula' && x.lang === 'en')!;
    expect(f.term.startsWith('=')).toBe(false);
    expect(f.term).toContain('SUM(A1)');
  });

  it('writes XLSX read back by exceljs and TBX-Basic read back by an XML parser', async () => {
    const cwd = glossaryDir({ 'a.csv': BASIC });
    expect(runBitext(['terms', 'export', '-o', 'all.xlsx'], { cwd }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(cwd, 'all.xlsx'));
    const texts: string[] = [];
    wb.worksheets[0].eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value))));
    expect(texts).toContain('丝路电商');
    expect(texts).toContain('Silk Road e-commerce');

    expect(runBitext(['terms', 'export', '-o', 'all.tbx'], { cwd }).code).toBe(0);
    const xml = new XMLParser({ ignoreAttributes: false }).parse(readFileSync(path.join(cwd, 'all.tbx'), 'utf8'));
    const text = JSON.stringify(xml);
    expect(text).toContain('丝路电商');
    expect(text).toContain('Belt and Road Initiative');
    expect(text).toMatch(/deprecatedTerm-admn-sts|deprecated/);
  });
});

describe('bitext terms import', () => {
  it('imports a CAT-tool wide table, joining existing concepts and reporting the merge', () => {
    const cwd = glossaryDir({ 'a.csv': BASIC });
    writeFileSync(path.join(cwd, 'client.csv'), 'English,Chinese,Note\nWTO,世贸组织,\nmobile payments,移动支付,payments on phones\nSilk Road e-commerce,丝路电商,\n');
    const r = runBitext(['terms', 'import', 'client.csv'], { cwd });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/imported 3 concepts .*1 new concepts, 2 joined existing concepts.*glossary[\\/]client\.csv/);
    const rows = csvRecords(path.join(cwd, 'glossary/client.csv'));
    expect(rows.map((x) => `${x.concept}:${x.lang}:${x.term}`)).toEqual(['mobile-payments:en:mobile payments', 'mobile-payments:zh:移动支付']);
    const list = runBitext(['terms', 'list', '--format', 'json'], { cwd });
    expect(list.stderr).not.toMatch(/warning/);
    const again = runBitext(['terms', 'import', 'client.csv'], { cwd });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/FILE_EXISTS/);
  });

  it('imports an XLSX and a TBX written by other tools', async () => {
    const cwd = glossaryDir({});
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Terms');
    ws.addRow(['en', 'zh']);
    ws.addRow(['cloud computing', '云计算']);
    ws.addRow(['big data', '大数据']);
    await wb.xlsx.writeFile(path.join(cwd, 'vendor.xlsx'));
    const r = runBitext(['terms', 'import', 'vendor.xlsx', '-o', 'glossary/vendor.csv'], { cwd });
    expect(r.code).toBe(0);
    expect(csvRecords(path.join(cwd, 'glossary/vendor.csv')).map((x) => x.term)).toEqual(['cloud computing', '云计算', 'big data', '大数据']);

    const tbx = `<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
<conceptEntry id="c7"><langSec xml:lang="en"><termSec><term>smart port</term></termSec></langSec>
<langSec xml:lang="zh-CN"><termSec><term>智慧港口</term><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></termSec></langSec></conceptEntry>
</body></text></tbx>`;
    writeFileSync(path.join(cwd, 'vendor.tbx'), tbx);
    const t = runBitext(['terms', 'import', 'vendor.tbx', '-o', 'glossary/vendor-tbx.csv'], { cwd });
    expect(t.stderr).toMatch(/1 new concepts/);
    expect(t.code).toBe(0);
    const rows = csvRecords(path.join(cwd, 'glossary/vendor-tbx.csv'));
    expect(rows.map((x) => x.status)).toEqual(['preferred', 'preferred']);
    const list = runBitext(['terms', 'list', '港口', '--format', 'json'], { cwd });
    expect(JSON.parse(list.stdout)[0].terms.map((x: { text: string }) => x.text)).toEqual(['smart port', '智慧港口']);
  });
});

describe('bitext terms extract', () => {
  it('prints ranked candidates with known pairs marked', () => {
    const r = runBitext(['terms', 'extract', FIXTURE, '--top', '40', '--no-builtin-dict']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(41);
    expect(r.stdout).toMatch(/数字经济\s+digital economy/);
    expect(r.stdout).toMatch(/\* 数字经济/);
    expect(r.stderr).toMatch(/40 candidate pairs from 41 links, \d+ already in the term base/);
  });

  it('writes candidates as a glossary CSV that reads back, and JSON to stdout', () => {
    const cwd = glossaryDir({});
    const r = runBitext(['terms', 'extract', FIXTURE, '-o', 'candidates.csv', '--top', '25', '--format', 'json'], { cwd });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Array<{ zh: string; en: string; score: number; examples: string[] }>;
    expect(json).toHaveLength(25);
    const rows = csvRecords(path.join(cwd, 'candidates.csv'));
    expect(rows.length).toBeGreaterThanOrEqual(50);
    expect(rows[0].status).toBe('admitted');
    expect(rows[0].note).toMatch(/^candidate: score/);
    expect(rows[0].source).toMatch(/cyberspace-ii\.sentences\.jsonl#\d+/);
    expect(new Set(rows.map((x) => x.lang))).toEqual(new Set(['zh', 'en']));
    const again = runBitext(['terms', 'extract', FIXTURE, '-o', 'candidates.csv'], { cwd });
    expect(again.code).toBe(2);
  });

  it('reports a missing or non-Chinese input as a user error', () => {
    const missing = runBitext(['terms', 'extract', 'no-such-file.jsonl']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no-such-file\.jsonl/);
    const bad = runBitext(['terms', 'extract', FIXTURE, '--top', 'many']);
    expect(bad.code).toBe(2);
  });

  it('has the shipped alignment of the sample when the aligner produced it', () => {
    const file = path.join(ROOT, 'alignments/cyberspace-ii.jsonl');
    if (!existsSync(file)) return;
    const r = runBitext(['terms', 'extract', file, '--top', '40', '--format', 'json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(10);
  });
});

const REAL = path.join(SHARED, 'real');
describe.skipIf(!existsSync(REAL))('bitext terms import on files written by other tools (../shared/real)', () => {
  it('imports an OmegaT glossary (UTF-16BE, headerless TSV) and a KDE Lokalize TBX, then lists them cleanly', () => {
    const cwd = glossaryDir({});
    const omegat = runBitext(['terms', 'import', path.join(REAL, 'glossary/omegat_l10n_en_zh-CN_utf16be-bom.tsv.txt'), '-o', 'glossary/omegat.csv'], { cwd });
    expect(omegat.code).toBe(0);
    expect(omegat.stderr).toMatch(/imported \d+ concepts/);
    const kde = runBitext(['terms', 'import', path.join(REAL, 'tbx/kde-lokalize_martif_en-US_zh-CN_synonyms.tbx'), '-o', 'glossary/kde.csv'], { cwd });
    expect(kde.code).toBe(0);
    const list = runBitext(['terms', 'list', '--format', 'json'], { cwd });
    expect(list.code).toBe(0);
    expect(JSON.parse(list.stdout).length).toBeGreaterThan(300);
    expect(list.stderr).not.toMatch(/TERM_STATUS_CONFLICT|TERM_DUPLICATE/);
  });
});
