// TMX: files as other tools write them (fixtures imitating their quirks), the writer checked by the TMX 1.4 DTD
// and by an independent parser, safety against hostile XML, streaming = whole-file reading.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { BitextError } from '../../src/errors.js';
import { decodeBytes } from '../../src/read/decode.js';
import { iterateTmx, iterateTmxAlignment, parseTmxAlignment, readTmx, tmxToAlignment, writeTmx, writeTmxStream } from '../../src/formats/index.js';
import type { Link } from '../../src/model/types.js';
import { ROOT, tempDir } from '../helpers.js';
import { ALIGNMENTS, header } from './samples.js';

const FIX = path.join(ROOT, 'tests/fixtures/formats/tmx');
const DTD = path.join(ROOT, 'tests/fixtures/formats/tmx14.dtd');
const mixed = ALIGNMENTS.find((a) => a.name === 'mixed')!.alignment;

function fixture(name: string): string {
  return decodeBytes(readFileSync(path.join(FIX, name)), { file: name }).text;
}

function err(fn: () => unknown): BitextError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BitextError);
    return e as BitextError;
  }
  throw new Error('expected an error');
}

const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;

describe('files written by other tools', () => {
  it('OmegaT (TMX 1.1 `lang`, upper-case tags, escaped markup, <ph>)', () => {
    const r = parseTmxAlignment(fixture('omegat.tmx'));
    expect(r.alignment.header.srcLang).toBe('en-US');
    expect(r.alignment.header.tgtLang).toBe('zh-CN');
    expect(r.alignment.links.map((l) => [l.src[0].text.trim(), l.tgt[0].text.trim()])).toEqual([
      ['The <b>quick</b> fox.', '敏捷的狐狸。'],
      ['Tags:  here.', '标签：这里。'],
    ]);
    expect(r.diagnostics.map((d) => d.code)).toContain('TMX_TAGS_FLATTENED');
  });
  it('Trados (UTF-16LE with BOM, CRLF, RTF props, bpt/ept)', () => {
    const doc = readTmx(fixture('trados-utf16le-bom.tmx'));
    expect(doc.units).toHaveLength(2);
    expect(doc.header.props[0]).toEqual({ type: 'RTFFontTable', value: '{\\fonttbl {\\f1 \\fnil Arial;}}' });
    expect(doc.units[0].props).toEqual([{ type: 'Txt::Client', value: 'ACME' }]);
    expect(doc.units[0].variants[0].text).toBe('Press Start now.');
    expect(doc.units[0].variants[0].tagged).toBe('Press <bpt i="1">{\\b </bpt>Start<ept i="1">}</ept> now.');
    expect(doc.units[1].variants[1].text).toBe('第二个单元，含𠀀和“引号”。');
    const kept = tmxToAlignment(doc, { keepTags: true });
    expect(kept.alignment.links[0].tgt[0].text).toContain('<bpt i="1">');
  });
  it('memoQ (declares utf-16, bytes are UTF-8)', () => {
    const r = parseTmxAlignment(fixture('memoq-declared-utf16-actually-utf8.tmx'));
    expect(r.alignment.links.map((l) => l.tgt[0].text)).toEqual(['你好，世界', '第二']);
    expect(r.alignment.header.tgtLang).toBe('zh-CN');
  });
  it('Okapi (tuid, notes, <hi> keeps its text, <it> does not, a third language warned about)', () => {
    const r = parseTmxAlignment(fixture('okapi.tmx'));
    expect(r.alignment.links[0].id).toBe('APCCalibrateTimeoutAction1_s0');
    expect(r.alignment.links[0].note).toBe('Translator note');
    expect(r.alignment.links[0].src[0].text).toBe('Calibrate now.');
    expect(r.alignment.links[0].tgt[0].text).toBe('立即校准。');
    const extra = r.diagnostics.find((d) => d.code === 'TMX_EXTRA_LANGUAGE');
    expect(extra?.message).toContain('fr-FR');
    expect(extra?.severity).toBe('warning');
  });
  it('Alchemy Catalyst (UTF-16LE BOM, single-quoted attributes, edge whitespace kept)', () => {
    const r = parseTmxAlignment(fixture('catalyst-single-quotes.tmx'));
    expect(r.alignment.links[0].src[0].text).toBe(' Sorry ');
    expect(r.alignment.links[0].tgt[0].text).toBe('抱歉 ');
  });
  it('MateCat (per-unit srclang, literal TAB and &#x09; both kept)', () => {
    const r = parseTmxAlignment(fixture('matecat-tabs.tmx'));
    expect(r.alignment.links[0].src[0].text).toBe('3.2\tUnderstanding');
    expect(r.alignment.links[0].tgt[0].text).toBe('3.2\t理解');
  });
  it('srclang *all*, several languages, units missing a language, <sub> inside a code', () => {
    const doc = readTmx(fixture('lisa-all-languages.tmx'));
    expect(doc.header.srclang).toBe('*all*');
    expect(doc.header.notes).toEqual(['Header note']);
    expect(doc.units).toHaveLength(4);
    expect(doc.units[0].srclang).toBe('zh-CN');
    const r = tmxToAlignment(doc, { srcLang: 'en', tgtLang: 'zh' });
    expect(r.alignment.links.map((l) => [l.src.map((s) => s.text), l.tgt.map((s) => s.text)])).toEqual([
      [['First'], ['第一']],
      [['Only English'], []],
      [['Click  to start.'], ['单击开始。']],
    ]);
    const codes = r.diagnostics.map((d) => d.code);
    expect(codes).toContain('TMX_UNIT_SKIPPED');
    expect(codes).toContain('TMX_EXTRA_LANGUAGE');
  });
  it('UTF-16BE with BOM', () => {
    expect(parseTmxAlignment(fixture('utf16be-bom.tmx')).alignment.links[0].tgt[0].text).toBe('大端');
  });
});

describe('writing', () => {
  const { text, diagnostics } = writeTmx(mixed, { date: new Date(Date.UTC(2024, 4, 1, 12, 30, 5)) });

  it('has every required header attribute, language tags and the date format', () => {
    expect(text).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<tmx version="1.4">/);
    for (const a of ['creationtool="bitext"', 'creationtoolversion="', 'segtype="sentence"', 'o-tmf="', 'adminlang="en-US"', 'srclang="en-US"', 'datatype="plaintext"', 'creationdate="20240501T123005Z"']) {
      expect(text).toContain(a);
    }
    expect(text).toContain('<tuv xml:lang="zh-CN">');
    expect(diagnostics).toEqual([]);
  });
  it('writes a 1-2 link as one unit, English joined with a space and Chinese without', () => {
    const r = writeTmx({ header: header(), links: [{ id: 'L1', src: [{ id: 'en.0', text: 'One.' }, { id: 'en.1', text: 'Two.' }], tgt: [{ id: 'zh.0', text: '一。' }, { id: 'zh.1', text: '二。' }], score: 1, status: 'auto' }] }, { date: new Date(0) });
    expect(r.text).toContain('<seg>One. Two.</seg>');
    expect(r.text).toContain('<seg>一。二。</seg>');
    expect(r.text.match(/<tu /g)).toHaveLength(1);
  });
  it('is read back by an independent parser (fast-xml-parser)', () => {
    const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', parseTagValue: false, trimValues: false }).parse(text);
    const tus = parsed.tmx.body.tu;
    expect(tus).toHaveLength(mixed.links.length);
    const tuv = (tu: any) => (Array.isArray(tu.tuv) ? tu.tuv : [tu.tuv]);
    expect(tuv(tus[1])[0].seg).toBe('He said: "It is 5 o\'clock & <late>."');
    expect(tuv(tus[1])[1].seg).toBe('他说：“五点了，太晚了。”');
    expect(tuv(tus[2])[1].seg).toBe('罕见字𠀀和𪚥！？；：');
    expect(tus[0].prop.find((p: any) => p['@type'] === 'x-score')['#text']).toBe('0.9712');
  });
  it.skipIf(!hasXmllint)('validates against the TMX 1.4 DTD (xmllint)', () => {
    const dir = tempDir();
    for (const { name, alignment } of ALIGNMENTS) {
      const f = path.join(dir, `${name}.tmx`);
      writeFileSync(f, writeTmx(alignment, { date: new Date(0) }).text);
      const r = spawnSync('xmllint', ['--noout', '--nonet', '--dtdvalid', DTD, f], { encoding: 'utf8' });
      expect(r.stderr).toBe('');
      expect(r.status).toBe(0);
    }
  });
  it('removes characters XML 1.0 cannot carry, with a warning', () => {
    const r = writeTmx({ header: header(), links: [{ id: 'L1', src: [{ id: 'en.0', text: 'bell\u0007 and \uFFFE and \uD800 lone' }], tgt: [{ id: 'zh.0', text: 'ok' }], score: 1, status: 'auto' }] }, { date: new Date(0) });
    expect(r.text).toContain('<seg>bell and  and  lone</seg>');
    expect(r.diagnostics[0]).toMatchObject({ code: 'XML_ILLEGAL_CHAR', severity: 'warning' });
    expect(() => readTmx(r.text)).not.toThrow();
  });
  it('keeps carriage returns and escapes attributes', () => {
    const r = writeTmx({ header: header(), links: [{ id: 'a"<b>&', src: [{ id: 'en.0', text: 'x\r\ny' }], tgt: [], score: 1, status: 'auto' }] }, { date: new Date(0) });
    const back = parseTmxAlignment(r.text).alignment.links[0];
    expect(back.id).toBe('a"<b>&');
    expect(back.src[0].text).toBe('x\r\ny');
  });
  it('a 1-2 unit edited in a CAT tool is read as one sentence under its first id', () => {
    const edited = writeTmx(mixed, { date: new Date(0) }).text.replace('他说：“五点了，太晚了。”', '他说：五点了。');
    const r = parseTmxAlignment(edited);
    expect(r.alignment.links[1].tgt).toEqual([{ id: 'zh.1', text: '他说：五点了。' }]);
    expect(r.diagnostics.map((d) => d.code)).toContain('TMX_SENTENCES_MERGED');
  });
  it('translationsOnly leaves rejected and one-sided links out of a translation memory', () => {
    const r = writeTmx(mixed, { date: new Date(0), translationsOnly: true });
    expect(parseTmxAlignment(r.text).alignment.links.map((l) => l.id)).toEqual(['L1', 'L2', 'L3', 'L6']);
    expect(r.diagnostics.filter((d) => d.code === 'TMX_NOT_A_TRANSLATION')).toHaveLength(2);
  });
  it('streaming writer gives the same bytes', async () => {
    async function* links(): AsyncGenerator<Link> {
      for (const l of mixed.links) yield l;
    }
    let out = '';
    for await (const c of writeTmxStream(mixed.header, links(), { date: new Date(Date.UTC(2024, 4, 1, 12, 30, 5)) }, [], 2)) out += c;
    expect(out).toBe(text);
  });
});

describe('streaming reader', () => {
  const text = writeTmx(mixed, { date: new Date(0) }).text;
  async function* chunks(bytes: Uint8Array, size: number): AsyncGenerator<Uint8Array> {
    for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
  }
  it('yields the same links as the whole-file reader for any chunk size and encoding', async () => {
    const whole = parseTmxAlignment(text).alignment;
    const utf16 = new Uint8Array([0xff, 0xfe, ...new Uint8Array(Buffer.from(text, 'utf16le'))]);
    for (const bytes of [new TextEncoder().encode(text), utf16]) {
      for (const size of [1, 5, 4096]) {
        const links: Link[] = [];
        for await (const item of iterateTmxAlignment(chunks(bytes, size))) if (item.type === 'link') links.push(item.link);
        expect(links).toEqual(whole.links);
      }
    }
  });
  it('reports the header first, then units', async () => {
    const items = [];
    for await (const i of iterateTmx(chunks(new TextEncoder().encode(fixture('okapi.tmx')), 16))) items.push(i.type);
    expect(items).toEqual(['header', 'unit', 'unit']);
  });
  it('raises on a truncated stream', async () => {
    const bytes = new TextEncoder().encode(text.slice(0, text.length - 40));
    await expect((async () => {
      for await (const _ of iterateTmx(chunks(bytes, 100), { file: 't.tmx' })) void _;
    })()).rejects.toMatchObject({ code: 'TMX_MALFORMED', file: 't.tmx' });
  });
});

describe('safety and bad input', () => {
  it('refuses entity declarations (billion laughs)', () => {
    const bomb = '<?xml version="1.0"?>\n<!DOCTYPE tmx [\n<!ENTITY lol "lol">\n<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">\n]>\n<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&lol2;</seg></tuv></tu></body></tmx>';
    const e = err(() => readTmx(bomb, { file: 'bomb.tmx' }));
    expect(e.code).toBe('XML_UNSAFE');
    expect(e.file).toBe('bomb.tmx');
    expect(e.line).toBeGreaterThan(0);
  });
  it('refuses external entities (XXE) and never fetches anything', () => {
    const xxe = '<?xml version="1.0"?>\n<!DOCTYPE tmx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&xxe;</seg></tuv></tu></body></tmx>';
    expect(err(() => readTmx(xxe)).code).toBe('XML_UNSAFE');
  });
  it('refuses undefined entities', () => {
    expect(err(() => readTmx('<tmx version="1.4"><header/><body><tu><tuv xml:lang="en"><seg>&nbsp;</seg></tuv></tu></body></tmx>')).code).toBe('XML_UNSAFE');
  });
  it('accepts a plain DOCTYPE naming the DTD without loading it', () => {
    expect(readTmx(fixture('omegat.tmx')).units).toHaveLength(2);
  });
  it('gives line and column for malformed XML', () => {
    const e = err(() => readTmx('<tmx version="1.4">\n<header/>\n<body>\n<tu><tuv xml:lang="en"><seg>a</tuv></tu>\n</body></tmx>', { file: 'm.tmx' }));
    expect(e.code).toBe('TMX_MALFORMED');
    expect(e.line).toBe(4);
    expect(e.column).toBeGreaterThan(1);
  });
  it('raises on truncated, empty and wrong-format files', () => {
    const text = writeTmx(mixed, { date: new Date(0) }).text;
    expect(err(() => readTmx(text.slice(0, text.length / 2))).code).toBe('TMX_MALFORMED');
    expect(err(() => readTmx('')).code).toBe('EMPTY_FILE');
    expect(err(() => readTmx('<html><body/></html>')).code).toBe('WRONG_FORMAT');
    expect(err(() => readTmx('just text')).code).toBe('TMX_MALFORMED');
    expect(err(() => readTmx('{"format":"bitext-alignment"}')).code).toBe('TMX_MALFORMED');
  });
});
