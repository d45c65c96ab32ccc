// Fuzzing every reader (fast-check): random text and mutated valid files. A reader may accept the input or raise a
// BitextError; any other exception, or a hang, is a bug. Inputs are small and runs bounded.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BitextError } from '../../src/errors.js';
import {
  alignmentToTable,
  collectAlignmentJsonl,
  formatAlignIndex,
  iterateTmx,
  parseAlignIndex,
  parseAlignmentJsonl,
  parseCsvTable,
  parseTermBaseCsv,
  parseTmxAlignment,
  readTbx,
  readXlsx,
  serializeAlignmentJsonl,
  serializeTermBaseCsv,
  stringifyCsvTable,
  tableToAlignment,
  writeTbx,
  writeTmx,
  writeXlsx,
} from '../../src/formats/index.js';
import { ALIGNMENTS, TERMBASES } from './samples.js';

const mixed = ALIGNMENTS[1].alignment;

function onlyBitextErrors(fn: () => unknown): void {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof BitextError)) throw e;
  }
}

async function onlyBitextErrorsAsync(fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (e) {
    if (!(e instanceof BitextError)) throw e;
  }
}

/** A valid document with one random edit: truncation, insertion, deletion or duplication. */
function mutated(valid: string): fc.Arbitrary<string> {
  const n = valid.length;
  return fc.oneof(
    fc.nat({ max: n }).map((i) => valid.slice(0, i)),
    fc.tuple(fc.nat({ max: n }), fc.string({ maxLength: 6 })).map(([i, s]) => valid.slice(0, i) + s + valid.slice(i)),
    fc.tuple(fc.nat({ max: n }), fc.nat({ max: 40 })).map(([i, k]) => valid.slice(0, i) + valid.slice(i + k)),
    fc.tuple(fc.nat({ max: n }), fc.nat({ max: 60 })).map(([i, k]) => valid.slice(0, i) + valid.slice(i, i + k) + valid.slice(i)),
    fc.tuple(fc.nat({ max: n }), fc.constantFrom('<', '>', '"', '&', '\n', '\u0000', '\uD800', '{', '}', ',', '\t', ']', '&lol;')).map(([i, c]) => valid.slice(0, i) + c + valid.slice(i)),
  );
}

const randomText = fc.oneof(fc.string({ maxLength: 200 }), fc.string({ maxLength: 100, unit: 'binary' }), fc.constantFrom('', ' ', '\ufeff', '<', '<tmx', '{"format"', '[0]:[', 'a,"b'));

const params = { numRuns: 300, interruptAfterTimeLimit: 20_000 };
const tmxText = writeTmx(mixed, { date: new Date(0) }).text;
const tbxText = writeTbx(TERMBASES[1].termBase);
const jsonlText = serializeAlignmentJsonl(mixed);
const csvText = serializeTermBaseCsv(TERMBASES[1].termBase);
const tableText = stringifyCsvTable(alignmentToTable(mixed));
const alignText = formatAlignIndex([[[0], [0, 1]], [[], [2]], [[1, 2], []]]);

describe('readers raise only BitextError', { timeout: 60_000 }, () => {
  it('JSONL', () => {
    fc.assert(fc.property(fc.oneof(randomText, mutated(jsonlText)), (s) => onlyBitextErrors(() => parseAlignmentJsonl(s))), params);
  });
  it('JSONL streaming', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(randomText, mutated(jsonlText)), fc.integer({ min: 1, max: 50 }), async (s, size) => {
        async function* chunks(): AsyncGenerator<Uint8Array> {
          const b = new TextEncoder().encode(s);
          for (let i = 0; i < b.length; i += size) yield b.subarray(i, i + size);
        }
        await onlyBitextErrorsAsync(() => collectAlignmentJsonl(chunks()));
      }),
      { ...params, numRuns: 150 },
    );
  });
  it('TMX', () => {
    fc.assert(fc.property(fc.oneof(randomText, mutated(tmxText)), (s) => onlyBitextErrors(() => parseTmxAlignment(s))), params);
  });
  it('TMX streaming (bytes)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.uint8Array({ maxLength: 300 }), mutated(tmxText).map((s) => new TextEncoder().encode(s))), async (bytes) => {
        async function* chunks(): AsyncGenerator<Uint8Array> {
          for (let i = 0; i < bytes.length; i += 17) yield bytes.subarray(i, i + 17);
        }
        await onlyBitextErrorsAsync(async () => {
          for await (const _ of iterateTmx(chunks())) void _;
        });
      }),
      { ...params, numRuns: 150 },
    );
  });
  it('TBX', () => {
    fc.assert(fc.property(fc.oneof(randomText, mutated(tbxText)), (s) => onlyBitextErrors(() => readTbx(s))), params);
  });
  it('term-base CSV', () => {
    fc.assert(fc.property(fc.oneof(randomText, mutated(csvText)), (s) => onlyBitextErrors(() => parseTermBaseCsv(s))), params);
  });
  it('alignment table CSV', () => {
    fc.assert(
      fc.property(fc.oneof(randomText, mutated(tableText)), (s) =>
        onlyBitextErrors(() => {
          const t = parseCsvTable(s);
          return tableToAlignment(t.records, t.lines);
        }),
      ),
      params,
    );
  });
  it('.align', () => {
    fc.assert(fc.property(fc.oneof(randomText, mutated(alignText)), (s) => onlyBitextErrors(() => parseAlignIndex(s))), params);
  });
  it('XLSX', async () => {
    const good = await writeXlsx([['en', 'zh'], ['a', '甲'], ['b', '乙']]);
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.uint8Array({ maxLength: 400 }),
          fc.tuple(fc.nat({ max: good.length }), fc.uint8Array({ minLength: 1, maxLength: 8 })).map(([i, junk]) => {
            const b = new Uint8Array(good);
            b.set(junk.subarray(0, Math.max(0, b.length - i)), Math.min(i, b.length - 1));
            return b;
          }),
          fc.nat({ max: good.length }).map((i) => good.subarray(0, i)),
        ),
        async (bytes) => onlyBitextErrorsAsync(() => readXlsx(bytes)),
      ),
      { numRuns: 80, interruptAfterTimeLimit: 20_000 },
    );
  });
  it('the mutated documents do produce errors sometimes (the fuzzer reaches the validators)', () => {
    let errors = 0;
    for (let i = 10; i < jsonlText.length; i += 37) {
      try {
        parseAlignmentJsonl(jsonlText.slice(0, i));
      } catch (e) {
        expect(e).toBeInstanceOf(BitextError);
        errors++;
      }
    }
    expect(errors).toBeGreaterThan(5);
  });
});
