/**
 * Crash journal of the review screen: a write-ahead log next to the alignment file (`.<name>.journal`), one JSON
 * line per edit, appended and fsync'ed before the screen shows the edit, so a kill -9 or a closed terminal loses
 * nothing. Line 1 names the file and the sha256 of its bytes when the journal was started; every other line holds
 * the forward splice patches of one state change (an edit, an undo or a redo). Saving the file deletes the journal.
 * On the next open, a journal whose sha256 matches the file can be replayed; a torn last line (killed mid-write) is
 * ignored.
 */
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, rmSync, writeSync, existsSync } from 'node:fs';
import path from 'node:path';
import type { Patch } from './state.js';

export interface JournalHeader {
  journal: 1;
  file: string;
  sha256: string;
  created: string;
  /** Process that wrote it (to tell a live review of the same file from a crashed one). */
  pid?: number;
}

export interface JournalEntry {
  label: string;
  cursor: number;
  patches: Patch[];
}

export interface JournalContents {
  header: JournalHeader;
  entries: JournalEntry[];
  /** A last line was incomplete (the process died while writing it) and was ignored. */
  torn: boolean;
}

export function journalPathFor(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.journal`);
}

export class Journal {
  readonly path: string;
  private fd: number | undefined;

  constructor(
    readonly file: string,
    private sha256: string,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.path = journalPathFor(file);
  }

  /** The file was saved: the journal starts over against the new bytes. */
  reset(newSha256: string): void {
    this.close();
    rmSync(this.path, { force: true });
    this.sha256 = newSha256;
  }

  /** Append one entry and fsync (opens the journal with its header on the first entry). */
  append(entry: JournalEntry): void {
    if (this.fd === undefined) {
      const fresh = !existsSync(this.path);
      this.fd = openSync(this.path, 'a', 0o600);
      if (fresh) {
        syncDir(path.dirname(this.path));
        const header: JournalHeader = { journal: 1, file: path.basename(this.file), sha256: this.sha256, created: this.now().toISOString(), pid: process.pid };
        writeSync(this.fd, JSON.stringify(header) + '\n');
      }
    }
    writeSync(this.fd, JSON.stringify(entry) + '\n');
    fsyncSync(this.fd);
  }

  close(): void {
    if (this.fd !== undefined) {
      closeSync(this.fd);
      this.fd = undefined;
    }
  }

  /** Remove the journal (after a save, or when the user declines to restore it). */
  discard(): void {
    this.close();
    rmSync(this.path, { force: true });
  }

  /** Keep a journal that no longer matches the file, under another name, and return that name. */
  setAside(): string {
    this.close();
    const aside = `${this.path}.${this.now().toISOString().replace(/[:.]/g, '-')}.stale`;
    renameSync(this.path, aside);
    return aside;
  }
}

/** fsync a folder so that a newly created file's name survives a crash (best effort: not every platform allows it). */
function syncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    /* not supported here (e.g. Windows) */
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Is the process that wrote a journal still running (another review of the same file)? */
export function writerAlive(header: JournalHeader): boolean {
  if (!header.pid || header.pid === process.pid) return false;
  try {
    process.kill(header.pid, 0);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
  // A killed writer can linger as a zombie (e.g. re-parented to an init that never reaps, as in some containers):
  // signal 0 still succeeds, but it will never write again. On Linux, /proc tells.
  try {
    const stat = readFileSync(`/proc/${header.pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
  } catch {
    /* no /proc (macOS, Windows) or the process just ended: keep the signal's answer */
  }
  return true;
}

/** Read a journal; undefined when there is none or its header is unreadable. */
export function readJournal(file: string): JournalContents | undefined {
  const p = journalPathFor(file);
  let text: string;
  try {
    text = readFileSync(p, 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  let header: JournalHeader | undefined;
  const entries: JournalEntry[] = [];
  let torn = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      torn = true;
      break;
    }
    if (!header) {
      const h = v as JournalHeader;
      if (!h || h.journal !== 1 || typeof h.sha256 !== 'string') return undefined;
      header = h;
      continue;
    }
    const e = v as JournalEntry;
    if (!e || !Array.isArray(e.patches)) {
      torn = true;
      break;
    }
    entries.push(e);
  }
  if (!header) return undefined;
  return { header, entries, torn };
}
