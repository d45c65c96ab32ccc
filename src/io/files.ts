/**
 * The file-system edge: reading with clear errors, decoding, atomic writes.
 * Atomic write = write a temp file in the same folder, fsync, rename over the target: a crash or a full disk never
 * leaves a user's file truncated.
 */
import { promises as fsp, constants as fsc, createReadStream, type ReadStream } from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { BitextError } from '../errors.js';
import { decodeBytes, type DecodeOptions } from '../read/decode.js';
import type { DecodedText } from '../model/types.js';

function mapFsError(err: unknown, file: string): BitextError {
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code === 'ENOENT') return new BitextError('FILE_NOT_FOUND', 'no such file', { file, hint: 'Check the path.' });
  if (code === 'EISDIR') return new BitextError('FILE_UNREADABLE', 'this is a folder, not a file', { file });
  if (code === 'EACCES' || code === 'EPERM') return new BitextError('FILE_UNREADABLE', 'permission denied', { file });
  return new BitextError('FILE_UNREADABLE', `cannot read the file (${code ?? String(err)})`, { file, cause: err });
}

/** Default bound for whole-file reads (documents, glossaries); streaming readers are not bound by it. */
export const MAX_WHOLE_FILE_BYTES = 512 * 1024 * 1024;

export async function readBytes(file: string, maxBytes = MAX_WHOLE_FILE_BYTES): Promise<Uint8Array> {
  try {
    const st = await fsp.stat(file);
    if (st.isDirectory()) throw new BitextError('FILE_UNREADABLE', 'this is a folder, not a file', { file });
    if (st.size > maxBytes) {
      throw new BitextError('FILE_UNREADABLE', `the file is too large (${st.size} bytes, limit ${maxBytes})`, { file });
    }
    return new Uint8Array(await fsp.readFile(file));
  } catch (err) {
    if (err instanceof BitextError) throw err;
    throw mapFsError(err, file);
  }
}

export async function readTextFile(file: string, options: Omit<DecodeOptions, 'file'> = {}): Promise<DecodedText> {
  const bytes = await readBytes(file);
  return decodeBytes(bytes, { ...options, file });
}

/** A byte stream of the file, for streaming readers; errors are mapped to BitextError on open. */
export async function openByteStream(file: string): Promise<ReadStream> {
  try {
    await fsp.access(file, fsc.R_OK);
    const st = await fsp.stat(file);
    if (st.isDirectory()) throw new BitextError('FILE_UNREADABLE', 'this is a folder, not a file', { file });
  } catch (err) {
    if (err instanceof BitextError) throw err;
    throw mapFsError(err, file);
  }
  return createReadStream(file, { highWaterMark: 1 << 16 });
}

export async function fileExists(file: string): Promise<boolean> {
  try {
    await fsp.access(file);
    return true;
  } catch {
    return false;
  }
}

export function sha256(bytes: Uint8Array | string): string {
  return crypto.createHash('sha256').update(bytes).digest('hex');
}

function tempPathFor(file: string): string {
  const dir = path.dirname(file);
  return path.join(dir, `.bitext-tmp-${path.basename(file)}-${process.pid}-${crypto.randomBytes(4).toString('hex')}`);
}

/**
 * Write `data` to `file` atomically (temp file in the same folder + fsync + rename). Creates parent folders.
 * Accepts a string (written as UTF-8), bytes, or an (async) iterable of chunks for large outputs.
 */
export async function writeFileAtomic(
  file: string,
  data: string | Uint8Array | Iterable<string | Uint8Array> | AsyncIterable<string | Uint8Array>,
): Promise<void> {
  const tmp = tempPathFor(file);
  let handle: fsp.FileHandle | undefined;
  try {
    await fsp.mkdir(path.dirname(path.resolve(file)), { recursive: true });
    handle = await fsp.open(tmp, 'w', 0o644);
    if (typeof data === 'string' || data instanceof Uint8Array) {
      await handle.writeFile(data);
    } else {
      let buffered: (string | Uint8Array)[] = [];
      let size = 0;
      const flush = async () => {
        if (buffered.length === 0) return;
        const chunk = Buffer.concat(buffered.map((c) => (typeof c === 'string' ? Buffer.from(c, 'utf8') : Buffer.from(c.buffer, c.byteOffset, c.byteLength))));
        buffered = [];
        size = 0;
        await handle!.write(chunk);
      };
      for await (const chunk of data as AsyncIterable<string | Uint8Array>) {
        buffered.push(chunk);
        size += chunk.length;
        if (size >= 1 << 20) await flush();
      }
      await flush();
    }
    await handle.sync();
    await handle.close();
    handle = undefined;
    try {
      const st = await fsp.stat(file);
      await fsp.chmod(tmp, st.mode & 0o777);
    } catch {
      /* new file: keep default mode */
    }
    await fsp.rename(tmp, file);
  } catch (err) {
    if (handle) await handle.close().catch(() => undefined);
    await fsp.rm(tmp, { force: true }).catch(() => undefined);
    if (err instanceof BitextError) throw err;
    const code = (err as NodeJS.ErrnoException)?.code;
    throw new BitextError('FILE_UNWRITABLE', `cannot write the file (${code ?? String(err)}); nothing was changed`, { file, cause: err });
  }
}

/** Atomic write that leaves the file untouched (same mtime) when its content would not change. Returns whether it wrote. */
export async function writeFileIfChanged(file: string, data: string | Uint8Array): Promise<boolean> {
  try {
    const old = await fsp.readFile(file);
    const next = typeof data === 'string' ? Buffer.from(data, 'utf8') : Buffer.from(data);
    if (old.equals(next)) return false;
  } catch {
    /* missing: write */
  }
  await writeFileAtomic(file, data);
  return true;
}

/** Files of a folder (not recursive) whose names end with one of `extensions`, sorted; [] when the folder is missing. */
export async function listFiles(dir: string, extensions: string[]): Promise<string[]> {
  try {
    const names = await fsp.readdir(dir);
    return names
      .filter((n) => !n.startsWith('.') && extensions.some((e) => n.toLowerCase().endsWith(e)))
      .sort()
      .map((n) => path.join(dir, n));
  } catch {
    return [];
  }
}
