// One contract every format passes: read(write(x)) equals x for the part of the data model the format holds,
// on the same cases (empty, non-BMP characters, full-width punctuation, 1-2 and 0-1 links, CRLF input, notes).
import { describe, expect, it } from 'vitest';
import {
  alignIndexToAlignment,
  alignmentToAlignIndex,
  alignmentToTable,
  alignmentToXlsx,
  formatAlignIndex,
  parseAlignIndex,
  parseAlignmentJsonl,
  parseCsvTable,
  parseTermBaseCsv,
  parseTmxAlignment,
  readTbx,
  serializeAlignmentJsonl,
  serializeTermBaseCsv,
  stringifyCsvTable,
  tableToAlignment,
  termBaseToXlsx,
  writeTbx,
  writeTmx,
  xlsxToAlignment,
  xlsxToTermBase,
} from '../../src/formats/index.js';
import type { Alignment, Link, TermBase } from '../../src/model/types.js';
import { ALIGNMENTS, TERMBASES, header } from './samples.js';

type Projection = 'full' | 'table' | 'tmx' | 'align';

/** What each format keeps of a link. */
function project(a: Alignment, p: Projection): unknown {
  return a.links.map((l: Link) => {
    if (p === 'full') return l;
    const side = (ss: Link['src']) => ss.map((s) => ({ id: s.id, text: s.text }));
    if (p === 'align') return { src: l.src.map((s) => s.text), tgt: l.tgt.map((s) => s.text) };
    return { id: l.id, src: side(l.src), tgt: side(l.tgt), score: Math.round(l.score * 1e4) / 1e4, status: l.status, note: l.note };
  });
}

interface AlignmentFormatCase {
  name: string;
  projection: Projection;
  roundTrip(a: Alignment): Promise<Alignment>;
}

const alignmentFormats: AlignmentFormatCase[] = [
  { name: 'jsonl', projection: 'full', roundTrip: async (a) => parseAlignmentJsonl(serializeAlignmentJsonl(a)).alignment },
  { name: 'tmx', projection: 'tmx', roundTrip: async (a) => parseTmxAlignment(writeTmx(a, { date: new Date(0) }).text).alignment },
  {
    name: 'csv',
    projection: 'table',
    roundTrip: async (a) => {
      const t = parseCsvTable(stringifyCsvTable(alignmentToTable(a)));
      return tableToAlignment(t.records, t.lines).alignment;
    },
  },
  {
    name: 'tsv (excel-safe, BOM)',
    projection: 'table',
    roundTrip: async (a) => {
      const t = parseCsvTable(stringifyCsvTable(alignmentToTable(a), { delimiter: '\t', bom: true, excelSafe: true }));
      return tableToAlignment(t.records, t.lines).alignment;
    },
  },
  { name: 'xlsx', projection: 'table', roundTrip: async (a) => (await xlsxToAlignment(await alignmentToXlsx(a))).alignment },
  {
    name: 'align',
    projection: 'align',
    roundTrip: async (a) => {
      const { beads, srcSentences, tgtSentences } = alignmentToAlignIndex(a);
      return alignIndexToAlignment(parseAlignIndex(formatAlignIndex(beads.length ? beads : [[[], []]])), srcSentences, tgtSentences).alignment;
    },
  },
];

describe.each(alignmentFormats)('alignment format $name', (fmt) => {
  it.each(ALIGNMENTS)('round-trips $name', async ({ alignment }) => {
    const back = await fmt.roundTrip(alignment);
    if (fmt.name === 'align' && alignment.links.length === 0) {
      // .align cannot hold zero beads; the placeholder [] : [] bead comes back as nothing.
      expect(back.links.every((l) => l.src.length === 0 && l.tgt.length === 0)).toBe(true);
      return;
    }
    expect(project(back, fmt.projection)).toEqual(project(alignment, fmt.projection));
    if (fmt.projection !== 'align') {
      expect(back.header.srcLang.split('-')[0]).toBe(alignment.header.srcLang.split('-')[0]);
      expect(back.header.tgtLang.split('-')[0]).toBe(alignment.header.tgtLang.split('-')[0]);
    }
  });
});

describe('jsonl and tmx keep the header exactly', () => {
  it.each(ALIGNMENTS)('$name', ({ alignment }) => {
    expect(parseAlignmentJsonl(serializeAlignmentJsonl(alignment)).alignment.header).toEqual(alignment.header);
    expect(parseTmxAlignment(writeTmx(alignment, { date: new Date(0) }).text).alignment.header).toEqual(alignment.header);
  });
});

describe('CRLF input reads like LF input', () => {
  const a = ALIGNMENTS.find((x) => x.name === 'mixed')!.alignment;
  it('jsonl', () => {
    const lf = serializeAlignmentJsonl(a);
    expect(parseAlignmentJsonl(lf.replace(/\n/g, '\r\n')).alignment).toEqual(parseAlignmentJsonl(lf).alignment);
  });
  it('tmx', () => {
    const lf = writeTmx(a, { date: new Date(0) }).text;
    expect(parseTmxAlignment(lf.replace(/\n/g, '\r\n')).alignment).toEqual(parseTmxAlignment(lf).alignment);
  });
  it('csv', () => {
    const lf = stringifyCsvTable(alignmentToTable(a));
    const read = (s: string) => {
      const t = parseCsvTable(s);
      return tableToAlignment(t.records, t.lines).alignment;
    };
    expect(read(lf.replace(/\n/g, '\r\n'))).toEqual(read(lf));
  });
  it('term base csv', () => {
    const lf = serializeTermBaseCsv(TERMBASES[1].termBase);
    expect(parseTermBaseCsv(lf.replace(/\n/g, '\r\n')).termBase).toEqual(parseTermBaseCsv(lf).termBase);
  });
});

interface TermBaseFormatCase {
  name: string;
  roundTrip(t: TermBase): Promise<TermBase>;
  /** TBX groups the terms of a concept by language (langSec): compare with terms in that order. */
  groupsByLanguage?: boolean;
}

function groupByLanguage(t: TermBase): TermBase {
  return {
    concepts: t.concepts.map((c) => {
      const langs = [...new Set(c.terms.map((x) => x.lang))];
      return { ...c, terms: langs.flatMap((l) => c.terms.filter((x) => x.lang === l)) };
    }),
  };
}

const termBaseFormats: TermBaseFormatCase[] = [
  { name: 'csv', roundTrip: async (t) => parseTermBaseCsv(serializeTermBaseCsv(t)).termBase },
  { name: 'tsv', roundTrip: async (t) => parseTermBaseCsv(serializeTermBaseCsv(t, { delimiter: '\t' })).termBase },
  { name: 'csv (semicolon, BOM, excel-safe)', roundTrip: async (t) => parseTermBaseCsv(serializeTermBaseCsv(t, { delimiter: ';', bom: true, excelSafe: true })).termBase },
  { name: 'xlsx', roundTrip: async (t) => (await xlsxToTermBase(await termBaseToXlsx(t))).termBase },
  { name: 'tbx', roundTrip: async (t) => readTbx(writeTbx(t)).termBase, groupsByLanguage: true },
];

describe.each(termBaseFormats)('term base format $name', (fmt) => {
  it.each(TERMBASES)('round-trips $name', async ({ termBase }) => {
    expect(await fmt.roundTrip(termBase)).toEqual(fmt.groupsByLanguage ? groupByLanguage(termBase) : termBase);
  });
});

describe('determinism', () => {
  it('same input, same bytes', async () => {
    for (const { alignment } of ALIGNMENTS) {
      expect(serializeAlignmentJsonl(alignment)).toBe(serializeAlignmentJsonl(structuredClone(alignment)));
      expect(writeTmx(alignment, { date: new Date(0) }).text).toBe(writeTmx(structuredClone(alignment), { date: new Date(0) }).text);
    }
    for (const { termBase } of TERMBASES) {
      expect(serializeTermBaseCsv(termBase)).toBe(serializeTermBaseCsv(structuredClone(termBase)));
      expect(writeTbx(termBase)).toBe(writeTbx(structuredClone(termBase)));
    }
  });
  it('scores are stored rounded to 4 decimals', () => {
    const a: Alignment = { header: header(), links: [{ id: 'L1', src: [{ id: 'en.0', text: 'a' }], tgt: [], score: 0.123456, status: 'auto' }] };
    expect(serializeAlignmentJsonl(a)).toContain('"score":0.1235');
    expect(writeTmx(a, { date: new Date(0) }).text).toContain('<prop type="x-score">0.1235</prop>');
  });
  it('the header keeps a fixed key order and unknown keys', () => {
    const a: Alignment = { header: { ...header(), extra: { x: 1 } }, links: [] };
    const text = serializeAlignmentJsonl(a);
    expect(text.startsWith('{"format":"bitext-alignment","version":1,"srcLang":"en","tgtLang":"zh","sources":')).toBe(true);
    expect(parseAlignmentJsonl(text).alignment.header.extra).toEqual({ x: 1 });
  });
});
