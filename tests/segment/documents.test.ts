// Input shapes and text hygiene: plain text, one paragraph per line, Markdown, CRLF/BOM/tabs/NBSP/full-width spaces,
// page-break guards, hyphen evidence, line-by-line bilingual text, pre-segmented files, pairs, errors, huge lines.
import { describe, expect, it } from 'vitest';
import { BitextError } from '../../src/errors.js';
import { segmentBilingual, segmentMonolingual, segmentPair, segmentPresegmented, MAX_SENTENCE_LENGTH } from '../../src/segment/index.js';
import { collectHyphenEvidence, detectLang, keepHyphen, parseBlocks } from '../../src/read/index.js';
import type { Diagnostic } from '../../src/model/types.js';

const texts = (t: string, lang?: string) => segmentMonolingual(t, { lang }).sentences.map((s) => s.text);

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (e) {
    return e instanceof BitextError ? e.code : 'NOT_A_BITEXT_ERROR';
  }
  return undefined;
}

describe('detectLang', () => {
  it('decides by Han versus Latin letters', () => {
    expect(detectLang('中国积极推动全面落实《APEC互联网和数字经济路线图》。')).toBe('zh');
    expect(detectLang('Silk Road e-commerce (丝路电商) cooperation has been fruitful.')).toBe('en');
    expect(detectLang('2020 — 12, 13.')).toBeUndefined();
  });
});

describe('plain text documents', () => {
  it('joins hard-wrapped lines, reads CRLF, tabs, NBSP and keeps exact offsets', () => {
    const t = 'The first paragraph is wrapped\r\nacross two lines. It has\ttwo sentences.\r\n\r\nSecond\u00a0paragraph here. Done.\r\n';
    const side = segmentMonolingual(t, { file: 'a.txt' });
    expect(side.lang).toBe('en');
    expect(side.sentences.map((s) => s.text)).toEqual(['The first paragraph is wrapped across two lines.', 'It has two sentences.', 'Second paragraph here.', 'Done.']);
    expect(side.sentences.map((s) => s.paragraph)).toEqual([0, 0, 1, 1]);
    expect(side.sentences.map((s) => s.line)).toEqual([1, 2, 4, 4]);
    expect(t.slice(side.sentences[1].start, side.sentences[1].end)).toBe('It has\ttwo sentences.');
    expect(t.slice(side.sentences[0].start, side.sentences[0].end)).toBe('The first paragraph is wrapped\r\nacross two lines.');
    expect(side.sentences[0].file).toBe('a.txt');
  });

  it('reads a file without blank lines as one paragraph per line', () => {
    const side = segmentMonolingual('Chapter One\nIt was a cold day. Snow fell.\nThe town slept.\n');
    expect(side.sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['Chapter One', 0],
      ['It was a cold day.', 1],
      ['Snow fell.', 1],
      ['The town slept.', 2],
    ]);
  });

  it('re-joins hard-wrapped lines of a file without blank lines (text copied from a PDF)', () => {
    const en = 'The agreement was signed by\nChina and Russia in 2019. It covers trade,\ninvestment and the digital economy. A joint\ncommittee meets every year.\nChapter Two\nThe second part of the text is\nhere.\n';
    expect(texts(en)).toEqual([
      'The agreement was signed by China and Russia in 2019.',
      'It covers trade, investment and the digital economy.',
      'A joint committee meets every year.',
      'Chapter Two',
      'The second part of the text is here.',
    ]);
    const zh = '中国积极参与国际和区域性\n多边机制下的数字经济治理合作。推动\n发起多个倡议。\n第二章\n推进亚太经合组织数字经济合\n作进程。加强同专业性国际组织合\n作。\n';
    expect(texts(zh)).toEqual(['中国积极参与国际和区域性多边机制下的数字经济治理合作。', '推动发起多个倡议。', '第二章', '推进亚太经合组织数字经济合作进程。', '加强同专业性国际组织合作。']);
    // A list of headlines (no sentence end inside a line) stays one paragraph per line.
    expect(texts('Silk Road e-commerce\nBelt and Road Initiative\ncross-border e-commerce\nthe digital economy\n')).toHaveLength(4);
  });

  it('reads indented paragraphs without blank lines (e-book style): an indented line opens a paragraph', () => {
    const t = '第一章\n　　中国积极参与国际和区域性多边机制下的数字经济\n治理合作。推动发起多个倡议。\n　　加强同专业性国际组织合作，\n为全球数字经济治理贡献力量。\n第二章\n　　推进亚太经合组织数字经济合作进程。\n';
    const side = segmentMonolingual(t);
    expect(side.sentences.map((s) => [s.text, s.paragraph])).toEqual([
      ['第一章', 0],
      ['中国积极参与国际和区域性多边机制下的数字经济治理合作。', 1],
      ['推动发起多个倡议。', 1],
      ['加强同专业性国际组织合作，为全球数字经济治理贡献力量。', 2],
      ['第二章', 3],
      ['推进亚太经合组织数字经济合作进程。', 4],
    ]);
  });

  it('joins Chinese lines without a space and trims full-width indents', () => {
    const t = '\u3000\u3000中国积极参与\n国际合作。优化数字营商环境\u3000激活市场主体活力。\n\n第二段。';
    expect(texts(t)).toEqual(['中国积极参与国际合作。', '优化数字营商环境 激活市场主体活力。', '第二段。']);
  });

  it('ignores a BOM and invisible characters but keeps offsets into the text', () => {
    const t = '\uFEFFHello\u200b world. Bye.';
    const side = segmentMonolingual(t);
    expect(side.sentences.map((s) => s.text)).toEqual(['Hello world.', 'Bye.']);
    expect(side.sentences[0].start).toBe(1);
  });
});

describe('Markdown', () => {
  it('keeps ATX and Setext headings with their level and strips inline markup', () => {
    const t = 'Title\n=====\n\n## **3.积极参与数字经济治理合作** ##\n\nSome **bold** and _italic_ text with snake_case_name. [A link](http://x.y) here.\n\n- a bullet item without a stop\n- another item\n';
    const blocks = parseBlocks(t);
    expect(blocks.map((b) => [b.kind, b.headingLevel, b.lang, b.text])).toEqual([
      ['heading', 1, 'en', 'Title'],
      ['heading', 2, 'zh', '3.积极参与数字经济治理合作'],
      ['paragraph', undefined, 'en', 'Some bold and italic text with snake_case_name. A link here.'],
      ['paragraph', undefined, 'en', 'a bullet item without a stop'],
      ['paragraph', undefined, 'en', 'another item'],
    ]);
  });
});

describe('Markdown metadata', () => {
  it('skips YAML front matter and HTML comments', () => {
    expect(parseBlocks('---\ntitle: A report\nlang: en\n---\n\n<!-- a note\nfor editors -->\n\n# Report\n\nText here.\n').map((b) => b.text)).toEqual(['Report', 'Text here.']);
  });
});

describe('page-break repair guards', () => {
  it('does not glue an unmarked heading or a list item to the next paragraph', () => {
    expect(texts('Introduction\n\nThis paper studies ports. It has two parts.\n\nThe steps are the following\n\n1. Open the file.\n')).toEqual([
      'Introduction',
      'This paper studies ports.',
      'It has two parts.',
      'The steps are the following',
      '1. Open the file.',
    ]);
    expect(texts('Steps:\n\n- open the file\n\nthen save it.\n')).toEqual(['Steps:', 'open the file', 'then save it.']);
    expect(texts('第一章 总则\n\n为了规范数据处理活动，保障数据安全，制定本法。\n')).toEqual(['第一章 总则', '为了规范数据处理活动，保障数据安全，制定本法。']);
  });

  it('continues a paragraph cut in the middle of a sentence, with a space in English', () => {
    const side = segmentMonolingual('China has made new breakthroughs. It has helped upgrade infrastructure such as ports\n\nand railways with digital application. Done.');
    expect(side.sentences.map((s) => s.text)).toEqual(['China has made new breakthroughs.', 'It has helped upgrade infrastructure such as ports and railways with digital application.', 'Done.']);
    expect(side.sentences[1].block).toBe(0);
    expect(side.sentences[2].block).toBe(1);
  });
});

describe('hyphen at a break', () => {
  const doc = 'A framework helps. We need new frame-\nworks for trade. A data-\nsharing network grew. The pandemic ended; post-\npandemic trade rose. The infor-\nmation flows. Global e-\ncommerce grew. They found self-\nreliance and reliance on others.';
  it('re-joins typesetting breaks and keeps real compounds, by evidence', () => {
    expect(texts(doc, 'en')).toEqual([
      'A framework helps.',
      'We need new frameworks for trade.',
      'A data-sharing network grew.',
      'The pandemic ended; post-pandemic trade rose.',
      'The information flows.',
      'Global e-commerce grew.',
      'They found self-reliance and reliance on others.',
    ]);
  });

  it('keeps a hyphen before a capital or a digit, and an em dash, without adding a space', () => {
    expect(texts('Report\n\nThe Asia-\nPacific region and the Post-\n2015 agenda grew\n—all of it.', 'en')).toEqual(['Report', 'The Asia-Pacific region and the Post-2015 agenda grew—all of it.']);
  });

  it('prefers the form the document uses elsewhere', () => {
    const ev = collectHyphenEvidence('We use e-mail daily. Email is old. Our e-mail system works. The co-operation and cooperation and cooperation.');
    expect(keepHyphen('e', 'mail', ev)).toBe(true);
    expect(keepHyphen('co', 'operation', ev)).toBe(false);
    expect(keepHyphen('COVID', 'related', collectHyphenEvidence(''))).toBe(true);
    expect(keepHyphen('tech', 'nology', collectHyphenEvidence('tech-\nnology'))).toBe(false);
  });
});

describe('bilingual documents', () => {
  it('splits line-by-line bilingual blocks by language', () => {
    const r = segmentBilingual('# Title\n\n# 标题\n\nHello world. Nice day.\n你好世界。天气很好。\nGoodbye.\n再见。\n');
    expect(r.sides.en.sentences.map((s) => s.text)).toEqual(['Title', 'Hello world.', 'Nice day.', 'Goodbye.']);
    expect(r.sides.zh.sentences.map((s) => s.text)).toEqual(['标题', '你好世界。', '天气很好。', '再见。']);
    expect(r.order).toEqual(['en', 'zh']);
  });

  it('warns when one language has far fewer sentences than the other', () => {
    const r = segmentBilingual('One. Two. Three. Four. Five. Six.\n\n只有一句。\n');
    expect(r.diagnostics.map((d) => [d.code, d.severity])).toContainEqual(['UNBALANCED_SIDES', 'warning']);
    expect(segmentBilingual('One. Two.\n\n一。\n').diagnostics.map((d) => d.code)).not.toContain('UNBALANCED_SIDES');
  });

  it('puts the language of the first block first', () => {
    expect(segmentBilingual('中文在前。\n\nEnglish after.').order).toEqual(['zh', 'en']);
  });

  it('leaves out blocks without letters with an info diagnostic', () => {
    const r = segmentBilingual('The trade frame-\n\n2020–2021\n\n贸易框架。\n\nworks grew.');
    expect(r.sides.en.sentences.map((s) => s.text)).toEqual(['The trade frameworks grew.']);
    expect(r.diagnostics.map((d) => d.code)).toContain('BLOCK_WITHOUT_LANGUAGE');
  });

  it('leaves out page numbers and page labels, and repairs the sentence around them', () => {
    const r = segmentBilingual('The trade frame-\n\nPage 12\n\n贸易框架\n\n第12页\n\nworks grew.\n\n协定。\n');
    expect(r.sides.en.sentences.map((s) => s.text)).toEqual(['The trade frameworks grew.']);
    expect(r.sides.zh.sentences.map((s) => s.text)).toEqual(['贸易框架', '协定。']);
    expect(r.diagnostics.filter((d) => d.code === 'PAGE_NUMBER_SKIPPED')).toHaveLength(2);
    const diagnostics: Diagnostic[] = [];
    expect(segmentMonolingual('It has helped upgrade infrastructure such as ports\n\n- 7 -\n\nand railways. Done.', { diagnostics }).sentences.map((s) => s.text)).toEqual([
      'It has helped upgrade infrastructure such as ports and railways.',
      'Done.',
    ]);
    expect(diagnostics.map((d) => d.code)).toContain('PAGE_NUMBER_SKIPPED');
  });

  it('refuses a document with only one language', () => {
    expect(codeOf(() => segmentBilingual('Only English here. Nothing else.'))).toBe('NO_TEXT_IN_LANGUAGE');
    expect(codeOf(() => segmentBilingual('只有中文。'))).toBe('NO_TEXT_IN_LANGUAGE');
    try {
      segmentBilingual('Only English here.', { file: 'en.md' });
    } catch (e) {
      expect((e as BitextError).hint).toMatch(/second file/);
      expect((e as BitextError).file).toBe('en.md');
    }
  });
});

describe('document pairs and pre-segmented files', () => {
  it('segments a pair and refuses two files in the same language', () => {
    const r = segmentPair({ text: 'Hello. World.', file: 'en.txt' }, { text: '你好。世界。', file: 'zh.txt' });
    expect([r.src.lang, r.tgt.lang, r.src.sentences.length, r.tgt.sentences.length]).toEqual(['en', 'zh', 2, 2]);
    expect(codeOf(() => segmentPair({ text: 'Hello.' }, { text: 'World.' }))).toBe('SAME_LANGUAGE');
    const mixed = segmentPair({ text: 'Hello there. World.\n\n你好。世界。\n\nMore English here.' }, { text: '你好。世界。' });
    expect(mixed.diagnostics.map((d) => d.code)).toContain('MIXED_LANGUAGES');
    expect(codeOf(() => segmentPair({ text: 'Hello.' }, { text: '123 456' }))).toBe('NO_TEXT_IN_LANGUAGE');
  });

  it('uses pre-segmented lines as given, skips blank lines and keeps counting', () => {
    const t = 'First line. Still one sentence.\r\n\r\n  Second  \nThird! Yes.\n';
    const { side, diagnostics } = segmentPresegmented(t, { file: 'p.txt' });
    expect(side.sentences.map((s) => [s.id, s.text, s.line, s.paragraph])).toEqual([
      ['en.0', 'First line. Still one sentence.', 1, 0],
      ['en.1', 'Second', 3, 1],
      ['en.2', 'Third! Yes.', 4, 1],
    ]);
    expect(t.slice(side.sentences[1].start, side.sentences[1].end)).toBe('Second');
    expect(diagnostics.map((d: Diagnostic) => d.code)).toEqual(['BLANK_LINES_SKIPPED']);
    expect(segmentPresegmented('中文一句。第二句。\n', {}).side.sentences).toHaveLength(1);
  });
});

describe('a line with no sentence end', () => {
  it('cuts 1 MB without a sentence end at the hard bound, quickly, with a warning', () => {
    const t = 'word '.repeat(210_000);
    const diagnostics: Diagnostic[] = [];
    const t0 = Date.now();
    const side = segmentMonolingual(t, { diagnostics });
    expect(Date.now() - t0).toBeLessThan(10_000);
    expect(side.sentences.length).toBeGreaterThan(100);
    for (const s of side.sentences) expect(s.text.length).toBeLessThanOrEqual(MAX_SENTENCE_LENGTH);
    expect(side.sentences.map((s) => s.text).join(' ')).toBe(t.trim());
    expect(diagnostics.filter((d) => d.code === 'SENTENCE_TOO_LONG')).toHaveLength(1);
    const zh = segmentMonolingual('中'.repeat(300_000)).sentences;
    expect(zh.map((s) => s.text).join('')).toHaveLength(300_000);
  });
});
