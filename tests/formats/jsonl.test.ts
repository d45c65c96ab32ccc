// The native JSONL alignment file: exact shape, validation with line numbers, streaming = whole-file reading.
import { describe, expect, it } from 'vitest';
import { BitextError } from '../../src/errors.js';
import { collectAlignmentJsonl, iterateAlignmentJsonl, parseAlignmentJsonl, serializeAlignmentJsonl, serializeLinkJsonl } from '../../src/formats/index.js';
import { ALIGNMENTS } from './samples.js';

const mixed = ALIGNMENTS.find((a) => a.name === 'mixed')!.alignment;
const text = serializeAlignmentJsonl(mixed);
const lines = text.split('\n');

function err(fn: () => unknown): BitextError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(BitextError);
    return e as BitextError;
  }
  throw new Error('expected an error');
}

async function* chunks(s: string, size: number): AsyncGenerator<Uint8Array> {
  const bytes = new TextEncoder().encode(s);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function streamErr(s: string): Promise<BitextError> {
  try {
    await collectAlignmentJsonl(chunks(s, 7), { file: 'x.jsonl' });
  } catch (e) {
    expect(e).toBeInstanceOf(BitextError);
    return e as BitextError;
  }
  throw new Error('expected an error');
}

describe('writing', () => {
  it('writes the exact documented shape', () => {
    expect(lines[0]).toBe('{"format":"bitext-alignment","version":1,"srcLang":"en","tgtLang":"zh","sources":[{"role":"bilingual","file":"sample.md","sha256":"' + 'ab'.repeat(32) + '"}],"tool":{"name":"bitext","version":"0.1.0"}}');
    expect(lines[1]).toBe('{"id":"L1","src":[{"id":"en.0","text":"Cyberspace II","kind":"heading","headingLevel":1,"start":2,"end":15,"line":1}],"tgt":[{"id":"zh.0","text":"网络空间（二）","kind":"heading","headingLevel":1,"start":100,"end":107,"line":9}],"score":0.9712,"status":"auto"}');
    expect(lines[2]).toContain('"status":"edited","note":"split on the comma"}');
    expect(text.endsWith('}\n')).toBe(true);
    expect(serializeLinkJsonl(mixed.links[0])).toBe(lines[1]);
  });
  it('keeps a 1-2 link as two target sentences', () => {
    expect(JSON.parse(lines[2]).tgt).toHaveLength(2);
  });
});

describe('reading', () => {
  it('gives the file line of each link', () => {
    expect(parseAlignmentJsonl(text).lines).toEqual([2, 3, 4, 5, 6, 7]);
  });
  it('tolerates a BOM, CRLF and blank lines at the end', () => {
    const r = parseAlignmentJsonl('\ufeff' + text.replace(/\n/g, '\r\n') + '\r\n\r\n');
    expect(r.alignment).toEqual(mixed);
  });
  it('rejects an unknown version', () => {
    const e = err(() => parseAlignmentJsonl(text.replace('"version":1', '"version":2'), { file: 'a.jsonl' }));
    expect(e.code).toBe('JSONL_VERSION');
    expect(e.line).toBe(1);
    expect(e.file).toBe('a.jsonl');
  });
  it('rejects a file that is not an alignment', () => {
    expect(err(() => parseAlignmentJsonl('{"hello":1}\n')).code).toBe('WRONG_FORMAT');
    expect(err(() => parseAlignmentJsonl('')).code).toBe('EMPTY_FILE');
    expect(err(() => parseAlignmentJsonl('\n\n')).code).toBe('EMPTY_FILE');
  });
  it('reports a broken line with its number and column', () => {
    const broken = [...lines.slice(0, 3), lines[3].slice(0, 30), ...lines.slice(4)].join('\n');
    const e = err(() => parseAlignmentJsonl(broken, { file: 'a.jsonl' }));
    expect(e.code).toBe('JSONL_MALFORMED');
    expect(e.line).toBe(4);
    expect(e.toLine()).toMatch(/^a\.jsonl:4/);
  });
  it('reports a truncated last line', () => {
    const e = err(() => parseAlignmentJsonl(text.slice(0, -20)));
    expect(e.code).toBe('JSONL_MALFORMED');
    expect(e.line).toBe(7);
  });
  it.each([
    ['missing score', (o: any) => delete o.score],
    ['score above 1', (o: any) => (o.score = 1.5)],
    ['bad status', (o: any) => (o.status = 'ok')],
    ['src not a list', (o: any) => (o.src = 'x')],
    ['sentence without text', (o: any) => delete o.src[0].text],
    ['bad kind', (o: any) => (o.src[0].kind = 'para')],
    ['negative start', (o: any) => (o.src[0].start = -1)],
  ])('rejects a link with %s', (_name, mutate) => {
    const o = JSON.parse(lines[1]);
    mutate(o);
    const e = err(() => parseAlignmentJsonl([lines[0], JSON.stringify(o)].join('\n')));
    expect(e.code).toBe('JSONL_MALFORMED');
    expect(e.line).toBe(2);
  });
  it('rejects duplicate link ids, naming both lines', () => {
    const e = err(() => parseAlignmentJsonl([lines[0], lines[1], lines[2].replace('"id":"L2"', '"id":"L1"')].join('\n')));
    expect(e.code).toBe('JSONL_DUPLICATE_ID');
    expect(e.message).toContain('lines 2 and 3');
    expect(e.line).toBe(3);
  });
  it('rejects a sentence used by two links', () => {
    const e = err(() => parseAlignmentJsonl([lines[0], lines[1], lines[2].replace('"id":"zh.1"', '"id":"zh.0"')].join('\n')));
    expect(e.code).toBe('JSONL_SENTENCE_REUSED');
    expect(e.message).toContain('zh.0');
  });
  it('tells about unknown link fields', () => {
    const o = JSON.parse(lines[1]);
    o.flags = ['x'];
    const r = parseAlignmentJsonl([lines[0], JSON.stringify(o)].join('\n'));
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'JSONL_UNKNOWN_KEY', line: 2, severity: 'info' })]);
  });
  it('keeps unknown header keys and refuses __proto__ tricks', () => {
    const h = JSON.parse(lines[0]);
    h.reviewer = 'Li';
    const r = parseAlignmentJsonl(JSON.stringify(h).slice(0, -1) + ',"__proto__":{"polluted":1}}\n');
    expect(r.alignment.header.reviewer).toBe('Li');
    expect(({} as any).polluted).toBeUndefined();
    expect((r.alignment.header as any).polluted).toBeUndefined();
  });
});

describe('streaming', () => {
  it('yields the same header and links as the whole-file parser, whatever the chunk size', async () => {
    for (const size of [1, 3, 64, 1 << 20]) {
      const items = [];
      for await (const item of iterateAlignmentJsonl(chunks(text, size))) items.push(item);
      expect(items[0]).toEqual({ type: 'header', header: mixed.header, line: 1 });
      expect(items.slice(1).map((i) => (i.type === 'link' ? i.link : null))).toEqual(mixed.links);
      expect(items.slice(1).map((i) => i.line)).toEqual([2, 3, 4, 5, 6, 7]);
    }
  });
  it('handles a multi-byte character split across chunks and a file without final newline', async () => {
    const r = await collectAlignmentJsonl(chunks(text.trimEnd(), 1));
    expect(r.alignment).toEqual(mixed);
  });
  it('validates like the whole-file parser', async () => {
    expect((await streamErr(text.replace('"version":1', '"version":9'))).code).toBe('JSONL_VERSION');
    expect((await streamErr([lines[0], lines[1], lines[1]].join('\n'))).code).toBe('JSONL_DUPLICATE_ID');
    const e = await streamErr(text.slice(0, -20));
    expect(e.code).toBe('JSONL_MALFORMED');
    expect(e.line).toBe(7);
    expect(e.file).toBe('x.jsonl');
    expect((await streamErr('')).code).toBe('EMPTY_FILE');
  });
  it('refuses bytes that are not UTF-8', async () => {
    async function* bad(): AsyncGenerator<Uint8Array> {
      yield new TextEncoder().encode(lines[0] + '\n');
      yield new Uint8Array([0xff, 0xfe, 0x00, 0x41]);
    }
    await expect(collectAlignmentJsonl(bad())).rejects.toMatchObject({ code: 'BAD_ENCODING' });
  });
});
