// The file edge: format by extension, atomic writes that leave unchanged files alone, streaming, clear errors.
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAlignmentFile, readTermBaseFile, streamAlignmentFile, writeAlignmentFile, writeTermBaseFile } from '../../src/io/formats.js';
import { tempDir } from '../helpers.js';
import { ALIGNMENTS, TERMBASES } from './samples.js';

const mixed = ALIGNMENTS[1].alignment;

describe('io/formats', () => {
  it('writes a file only when its bytes change', async () => {
    const dir = tempDir();
    for (const name of ['a.jsonl', 'a.csv', 'a.xlsx']) {
      const f = path.join(dir, name);
      await writeAlignmentFile(f, mixed);
      utimesSync(f, new Date(2000, 0, 1), new Date(2000, 0, 1));
      await writeAlignmentFile(f, structuredClone(mixed));
      expect(statSync(f).mtime.getFullYear()).toBe(2000);
    }
    const g = path.join(dir, 'g.csv');
    await writeTermBaseFile(g, TERMBASES[1].termBase);
    const before = readFileSync(g, 'utf8');
    await writeTermBaseFile(g, TERMBASES[1].termBase);
    expect(readFileSync(g, 'utf8')).toBe(before);
  });
  it('streams JSONL and TMX files with the same links as whole reads', async () => {
    const dir = tempDir();
    for (const name of ['s.jsonl', 's.tmx']) {
      const f = path.join(dir, name);
      await writeAlignmentFile(f, mixed, { date: new Date(0) });
      const whole = await readAlignmentFile(f);
      const links = [];
      for await (const item of streamAlignmentFile(f)) if (item.type === 'link') links.push(item.link);
      expect(links).toEqual(whole.alignment.links);
    }
  });
  it('names the file in every error', async () => {
    const dir = tempDir();
    await expect(readAlignmentFile(path.join(dir, 'missing.jsonl'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(readAlignmentFile(path.join(dir, 'x.docx'))).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT' });
    await expect(readAlignmentFile(path.join(dir, 'x.jsonl'), { format: 'pdf' })).rejects.toMatchObject({ code: 'UNKNOWN_FORMAT' });
    for (const name of ['e.jsonl', 'e.tmx', 'e.csv', 'e.xlsx', 'e.align']) {
      const f = path.join(dir, name);
      writeFileSync(f, '');
      await expect(readAlignmentFile(f)).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    }
    for (const name of ['b.jsonl', 'b.tmx', 'b.csv', 'b.tbx']) {
      const f = path.join(dir, name);
      writeFileSync(f, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0, 0, 0, 1, 2, 3, 0, 0, 0, 9]));
      const read = name.endsWith('.tbx') ? readTermBaseFile(f) : readAlignmentFile(f);
      await expect(read).rejects.toMatchObject({ file: f });
    }
    const al = path.join(dir, 'c.align');
    writeFileSync(al, '[0]:[0]\n');
    await expect(readAlignmentFile(al)).rejects.toMatchObject({ code: 'FILE_NOT_FOUND', file: path.join(dir, 'c.en') });
    writeFileSync(path.join(dir, 'c.en'), 'Hello.\n');
    writeFileSync(path.join(dir, 'c.zh'), '你好。\n');
    expect((await readAlignmentFile(al)).alignment.links[0].tgt[0].text).toBe('你好。');
  });
});
