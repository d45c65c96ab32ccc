// End to end: the real binary in a pseudo-terminal (tmux), open → merge → confirm → save → quit → reopen.
// Skips when tmux is missing (CI installs it). Without a TTY, `bitext review` says so and exits 2.
import { afterAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { BIN, runBitext, tempDir } from '../helpers.js';
import { parseAlignmentJsonl, serializeAlignmentJsonl } from '../../src/formats/index.js';
import { initialState, reduce, type Action } from '../../src/tui/state.js';
import { journalPathFor } from '../../src/tui/journal.js';
import { smallAlignment } from './fixture.js';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const SOCKET = `bitext-e2e-${process.pid}`;
const tmux = (...args: string[]) => spawnSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitFor(what: RegExp | string, session: string, timeout = 30000): Promise<string> {
  const end = Date.now() + timeout;
  let screen = '';
  while (Date.now() < end) {
    screen = tmux('capture-pane', '-p', '-t', session).stdout ?? '';
    if (typeof what === 'string' ? screen.includes(what) : what.test(screen)) return screen;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what} on the screen:\n${screen}`);
}

async function waitGone(session: string, timeout = 10000) {
  const end = Date.now() + timeout;
  while (Date.now() < end) {
    if (tmux('has-session', '-t', session).status !== 0) return;
    await sleep(50);
  }
  throw new Error('the app did not quit');
}

afterAll(() => {
  if (hasTmux) tmux('kill-server');
});

describe('bitext review', () => {
  it('needs a terminal: exits 2 with NOT_A_TTY on a pipe', () => {
    const dir = tempDir();
    const file = path.join(dir, 'doc.jsonl');
    writeFileSync(file, serializeAlignmentJsonl(smallAlignment()));
    const r = runBitext(['review', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('[NOT_A_TTY]');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    const help = runBitext(['review', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: bitext review');
  });

  it.skipIf(!hasTmux)('in a terminal: open → merge → confirm → save → quit → reopen', async () => {
    const dir = tempDir('bitext-e2e-');
    const file = path.join(dir, 'doc.jsonl');
    writeFileSync(file, serializeAlignmentJsonl(smallAlignment()));
    const cmd = `cd '${dir}' && NO_COLOR=1 '${process.execPath}' '${BIN}' review doc.jsonl`;
    expect(tmux('new-session', '-d', '-s', 'one', '-x', '100', '-y', '30', cmd).status).toBe(0);
    let screen = await waitFor('doc.jsonl  1/8 L1', 'one');
    expect(screen).toContain('Chinese 中文 (zh)');
    tmux('send-keys', '-t', 'one', 'j');
    await waitFor('2/8 L2', 'one');
    tmux('send-keys', '-t', 'one', 'm');
    await waitFor('merged links 2 and 3', 'one');
    tmux('send-keys', '-t', 'one', 'c');
    screen = await waitFor('confirmed link 2', 'one');
    expect(screen).toContain('[+]');
    expect(existsSync(journalPathFor(file))).toBe(true);
    tmux('send-keys', '-t', 'one', 'C-s');
    await waitFor('saved doc.jsonl', 'one');
    tmux('send-keys', '-t', 'one', 'q');
    await waitGone('one');

    const disk = parseAlignmentJsonl(readFileSync(file, 'utf8')).alignment;
    const actions: Action[] = [{ type: 'move', delta: 1 }, { type: 'mergeNext' }, { type: 'setStatus', status: 'confirmed', advance: true }];
    expect(disk.links).toEqual(actions.reduce(reduce, initialState(smallAlignment().links)).links);
    expect(disk.links[1]).toMatchObject({ id: 'L2', status: 'confirmed' });
    expect(existsSync(journalPathFor(file))).toBe(false);

    expect(tmux('new-session', '-d', '-s', 'two', '-x', '100', '-y', '30', cmd + ' --at 2').status).toBe(0);
    screen = await waitFor('doc.jsonl  2/7 L2', 'two');
    expect(screen).toMatch(/▶\s+2 2-2 \.30 ✓/);
    expect(screen).toContain('·6 ✓1 ✎0 ✗0');
    tmux('send-keys', '-t', 'two', 'q');
    await waitGone('two');
  }, 120000);

  it.skipIf(!hasTmux)('kill -9 loses nothing: the next review offers the journal', async () => {
    const dir = tempDir('bitext-e2e-');
    const file = path.join(dir, 'doc.jsonl');
    const original = serializeAlignmentJsonl(smallAlignment());
    writeFileSync(file, original);
    const cmd = `cd '${dir}' && NO_COLOR=1 exec '${process.execPath}' '${BIN}' review doc.jsonl`;
    tmux('new-session', '-d', '-s', 'three', '-x', '100', '-y', '30', cmd);
    await waitFor('1/8 L1', 'three');
    tmux('send-keys', '-t', 'three', 'x');
    await waitFor('rejected link 1', 'three');
    const pid = tmux('display-message', '-p', '-t', 'three', '#{pane_pid}').stdout.trim();
    spawnSync('kill', ['-9', pid]);
    await waitGone('three');
    expect(readFileSync(file, 'utf8')).toBe(original);
    tmux('new-session', '-d', '-s', 'four', '-x', '100', '-y', '30', cmd);
    await waitFor(/Unsaved edits from .* \(1\) were found in the journal/, 'four');
    tmux('send-keys', '-t', 'four', 'r');
    await waitFor('restored 1 unsaved edit', 'four');
    tmux('send-keys', '-t', 'four', 'C-s');
    await waitFor('saved doc.jsonl', 'four');
    tmux('send-keys', '-t', 'four', 'q');
    await waitGone('four');
    expect(parseAlignmentJsonl(readFileSync(file, 'utf8')).alignment.links[0].status).toBe('rejected');
  }, 120000);
});
