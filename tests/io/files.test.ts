import { describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic, writeFileIfChanged, readTextFile, readBytes } from '../../src/io/files.js';
import { BitextError, lineColumnAt } from '../../src/errors.js';
import { tempDir } from '../helpers.js';

describe('atomic writes', () => {
  it('replaces a file in one step and leaves no temp file behind', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'out.jsonl');
    writeFileSync(f, 'old content\n');
    await writeFileAtomic(f, 'new content\n');
    expect(readFileSync(f, 'utf8')).toBe('new content\n');
    expect(readdirSync(dir)).toEqual(['out.jsonl']);
  });

  it('writes chunked (async iterable) output', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'big.txt');
    async function* chunks() {
      for (let i = 0; i < 1000; i++) yield `line ${i}\n`;
    }
    await writeFileAtomic(f, chunks());
    const lines = readFileSync(f, 'utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(1000);
    expect(lines[999]).toBe('line 999');
  });

  it('keeps the old file intact when producing the new content fails midway', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'keep.txt');
    writeFileSync(f, 'precious\n');
    async function* failing() {
      yield 'partial ';
      throw new BitextError('INTERNAL', 'generator failed');
    }
    await expect(writeFileAtomic(f, failing())).rejects.toThrow('generator failed');
    expect(readFileSync(f, 'utf8')).toBe('precious\n');
    expect(readdirSync(dir)).toEqual(['keep.txt']);
  });

  it('reports an impossible target as a BitextError and creates nothing', async () => {
    const dir = tempDir();
    const notAFolder = path.join(dir, 'file.txt');
    writeFileSync(notAFolder, 'x');
    await expect(writeFileAtomic(path.join(notAFolder, 'out.txt'), 'x')).rejects.toMatchObject({ code: 'FILE_UNWRITABLE' });
    expect(readdirSync(dir)).toEqual(['file.txt']);
  });

  it('does not touch a file whose content would not change', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'same.txt');
    expect(await writeFileIfChanged(f, 'a\n')).toBe(true);
    expect(await writeFileIfChanged(f, 'a\n')).toBe(false);
    expect(await writeFileIfChanged(f, 'b\n')).toBe(true);
  });
});

describe('reading files', () => {
  it('maps a missing file and a folder to clear BitextErrors', async () => {
    const dir = tempDir();
    await expect(readBytes(path.join(dir, 'nope.txt'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
    await expect(readBytes(dir)).rejects.toMatchObject({ code: 'FILE_UNREADABLE' });
  });

  it('decodes UTF-8 with BOM and names the encoding', async () => {
    const dir = tempDir();
    const f = path.join(dir, 'bom.txt');
    writeFileSync(f, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('丝路电商\n')]));
    const t = await readTextFile(f);
    expect(t).toEqual({ text: '丝路电商\n', encoding: 'utf-8', bom: true });
  });
});

describe('error positions', () => {
  it('formats file:line:column and the code on one line', () => {
    const e = new BitextError('TMX_MALFORMED', 'unclosed <tu>', { file: 'a.tmx', line: 12, column: 3, hint: 'Check the file.' });
    expect(e.toLine()).toBe('a.tmx:12:3: unclosed <tu> [TMX_MALFORMED] — Check the file.');
    expect(e.toLine()).not.toContain('\n');
  });

  it('computes 1-based line and column of an offset', () => {
    expect(lineColumnAt('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumnAt('ab', 0)).toEqual({ line: 1, column: 1 });
  });
});
