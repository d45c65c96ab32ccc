/**
 * Entry of the terminal app, loaded only by `bitext review` (dynamic import): the review screen for one file, or
 * the home screen (`bitext` alone on a terminal) that opens reviews and runs the other commands.
 * Full screen on the terminal's alternate buffer, restored on exit (also on a crash).
 */
import path from 'node:path';
import { createElement } from 'react';
import { render } from 'ink';
import type { Finding } from '../model/types.js';
import { ReviewApp, type ReviewExit } from './ReviewApp.js';
import { openReviewSession } from './session.js';

export { reduce, initialState, isDirty, type ReviewState, type Action, type Patch } from './state.js';
export { ReviewApp, type ReviewSession, type TermHit, type NewTermPair } from './ReviewApp.js';
export { openReviewSession, addTermPair, loadTerms, termHits } from './session.js';
export { Journal, readJournal, journalPathFor } from './journal.js';
export { runChecksOn } from './commands.js';

export interface TuiStreams {
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  stderr: NodeJS.WriteStream;
}

export interface ReviewOptions {
  file: string;
  cwd: string;
  glossaryDir: string;
  /** 1-based link number or a link id to open at. */
  at?: string;
  findings?: Finding[];
  /** Warnings to print (stderr) before the screen opens. */
  warn?: (message: string) => void;
  /** The file's bytes, if the caller started reading them (see openReviewSession). */
  bytes?: Promise<Uint8Array>;
}

const ALT_ON = '\x1b[?1049h\x1b[H';
const ALT_OFF = '\x1b[?1049l';

/** Run an Ink element full screen until it exits. */
export async function fullScreen(streams: TuiStreams, element: ReturnType<typeof createElement>): Promise<void> {
  streams.stdout.write(ALT_ON);
  const restore = () => streams.stdout.write(ALT_OFF);
  process.once('exit', restore);
  try {
    const instance = render(element, { stdin: streams.stdin, stdout: streams.stdout, stderr: streams.stderr, exitOnCtrlC: false, patchConsole: false });
    await instance.waitUntilExit();
    instance.cleanup();
  } finally {
    process.off('exit', restore);
    restore();
  }
}

export async function runReview(options: ReviewOptions, streams: TuiStreams = defaultStreams()): Promise<ReviewExit> {
  const display = path.relative(options.cwd, path.resolve(options.cwd, options.file)) || options.file;
  const session = await openReviewSession(path.resolve(options.cwd, options.file), {
    bytes: options.bytes,
    glossaryDir: path.resolve(options.cwd, options.glossaryDir),
    glossaryDisplay: options.glossaryDir,
    findings: options.findings,
    displayName: display,
    checkFrom: options.findings ? undefined : options.cwd,
  });
  for (const d of session.diagnostics) if (d.severity !== 'info') options.warn?.(`${d.file ? `${d.file}${d.line ? `:${d.line}` : ''}: ` : ''}${d.message}`);
  let cursor = 0;
  if (options.at) {
    const n = /^\d+$/.test(options.at) ? Number(options.at) - 1 : session.links.findIndex((l) => l.id === options.at);
    if (n >= 0) cursor = n;
  }
  let result: ReviewExit = { saved: false, discarded: false };
  await fullScreen(streams, createElement(ReviewApp, { session, initialCursor: cursor, onExit: (r: ReviewExit) => (result = r) }));
  if (result.error) throw result.error;
  return result;
}

export function defaultStreams(): TuiStreams {
  return { stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
}

export interface HomeOptions {
  cwd: string;
  glossaryDir: string;
  alignmentsDir: string;
  warn?: (message: string) => void;
}

export { runHome, homeBackend, type HomeBackend, type AlignmentInfo, type Candidate } from './home.js';
export { HomeApp, type HomeResult } from './HomeApp.js';
