/**
 * Reading alignment files for `bitext check`: the links of a file in batches (one asynchronous step per chunk read,
 * not per link). JSONL files are read by `iterateAlignmentJsonlBatches`; other formats through `streamAlignmentFile`
 * (same validation and errors), a link per batch.
 */
import { iterateAlignmentJsonlBatches, type JsonlItem } from '../formats/jsonl.js';
import { openByteStream } from './files.js';
import { alignmentFormatOf, streamAlignmentFile } from './formats.js';

export async function* streamAlignmentBatches(file: string): AsyncGenerator<JsonlItem[]> {
  if (alignmentFormatOf(file) === 'jsonl') {
    const stream = await openByteStream(file);
    try {
      yield* iterateAlignmentJsonlBatches(stream, { file });
    } finally {
      stream.destroy();
    }
    return;
  }
  for await (const item of streamAlignmentFile(file)) yield [item];
}
