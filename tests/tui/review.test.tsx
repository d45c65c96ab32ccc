import { afterEach, describe, expect, it } from 'vitest';
import { render, cleanup } from 'ink-testing-library';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import stringWidth from 'string-width';
import { ReviewApp } from '../../src/tui/ReviewApp.js';
import { openReviewSession } from '../../src/tui/session.js';
import { journalPathFor } from '../../src/tui/journal.js';
import { initialState, reduce, type Action } from '../../src/tui/state.js';
import { parseAlignmentJsonl, serializeAlignmentJsonl } from '../../src/formats/index.js';
import type { Alignment, Finding } from '../../src/model/types.js';
import { tempDir } from '../helpers.js';
import { readAlignmentFile, writeAlignmentFile } from '../../src/io/formats.js';
import { smallAlignment } from './fixture.js';

const KEY = { down: '\x1b[B', up: '\x1b[A', enter: '\r', esc: '\x1b', tab: '\t', ctrlS: '\x13', ctrlR: '\x12', ctrlZ: '\x1a' };
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

/** The last frame once it matches (the app renders asynchronously; shared machines are slow). */
async function frame(app: { lastFrame: () => string | undefined }, want: string | RegExp, timeout = 5000): Promise<string> {
  const end = Date.now() + timeout;
  for (;;) {
    const f = app.lastFrame() ?? '';
    if (typeof want === 'string' ? f.includes(want) : want.test(f)) return f;
    if (Date.now() > end) return f;
    await new Promise((r) => setTimeout(r, 10));
  }
}

afterEach(() => cleanup());

function writeAlignment(a: Alignment = smallAlignment()): { dir: string; file: string } {
  const dir = tempDir('bitext-tui-');
  const file = path.join(dir, 'doc.jsonl');
  writeFileSync(file, serializeAlignmentJsonl(a));
  return { dir, file };
}

async function open(file: string, options: { glossaryDir?: string; findings?: Finding[]; size?: { columns: number; rows: number } } = {}) {
  const session = await openReviewSession(file, { glossaryDir: options.glossaryDir ?? path.join(path.dirname(file), 'glossary'), findings: options.findings });
  let exited: unknown;
  const app = render(<ReviewApp session={session} size={options.size ?? { columns: 100, rows: 30 }} onExit={(r) => (exited = r)} />);
  await tick();
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await tick(k === KEY.esc ? 80 : 15);
    }
  };
  return { app, session, press, exited: () => exited };
}

const onDisk = (file: string) => parseAlignmentJsonl(readFileSync(file, 'utf8')).alignment;

/** Expected links after the actions, from the pure reducer. */
function expected(actions: Action[], cursor = 0) {
  return actions.reduce(reduce, initialState(smallAlignment().links, cursor)).links;
}

async function saved(file: string, before: string) {
  for (let i = 0; i < 100 && readFileSync(file, 'utf8') === before; i++) await tick(20);
}

describe('review screen', () => {
  it('shows two columns with type, confidence, status and a status bar; fits 80×24 with CJK text', async () => {
    const { file } = writeAlignment();
    const { app } = await open(file, { size: { columns: 80, rows: 24 } });
    const frame = app.lastFrame()!;
    const lines = frame.split('\n');
    expect(lines.length).toBeLessThanOrEqual(23);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(80);
    expect(frame).toContain('English (en)');
    expect(frame).toContain('Chinese 中文 (zh)');
    expect(frame).toMatch(/▶\s+1 1-1 \.95 ·/);
    expect(frame).toMatch(/2 2-1 \.42 ·/);
    expect(frame).toContain('丝路电商发展迅速。');
    expect(frame).toContain('1/8 L1');
    expect(frame).toContain('·8 ✓0 ✎0 ✗0');
    expect(frame).toContain('? help');
  });

  it('redraws for a new size (resize)', async () => {
    const { file } = writeAlignment();
    const session = await openReviewSession(file, { noJournal: true });
    const app = render(<ReviewApp session={session} size={{ columns: 100, rows: 30 }} />);
    await tick();
    app.rerender(<ReviewApp session={session} size={{ columns: 60, rows: 12 }} />);
    await tick();
    const lines = app.lastFrame()!.split('\n');
    expect(lines.length).toBeLessThanOrEqual(11);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(60);
  });

  it('help, go to, search, low-confidence and unconfirmed jumps', async () => {
    const { file } = writeAlignment();
    const { app, press } = await open(file);
    await press('?');
    expect(await frame(app, 'merge with the next / previous link')).toContain('merge with the next / previous link');
    await press('x'); // any key closes help (and does nothing else)
    expect(await frame(app, '1/8 L1')).toContain('1/8 L1');
    await press(':', '6', KEY.enter);
    expect(await frame(app, '6/8 L6')).toContain('6/8 L6');
    await press('/', '丝路', KEY.enter);
    expect(await frame(app, '3/8 L3')).toContain('3/8 L3');
    await press('l');
    expect(await frame(app, '6/8 L6')).toContain('6/8 L6');
    await press('g', KEY.tab, KEY.tab);
    expect(await frame(app, '3/8 L3')).toContain('3/8 L3');
    await press('G');
    expect(await frame(app, '8/8 L8')).toContain('8/8 L8');
  });

  it('every editing key, then ctrl-s: the file on disk is exactly what the edits imply', async () => {
    const { file } = writeAlignment();
    const before = readFileSync(file, 'utf8');
    const { app, press } = await open(file);
    // j: to L2 (2-1 wrong) · [ push en.2 into L3 · c confirm (→ L3) · x reject (→ L4) · m merge L4+L5 · M merge with L3
    // u undo that · ctrl-r redo · s split (default cuts) Enter · d unalign first sentence · } pull target · U redo (nothing)
    await press('j', '[', 'c', 'x', 'm', 'M', 'u', KEY.ctrlR, 's', KEY.enter, 'j', 'j', 'd', KEY.enter, '}', '{', 'k', ']');
    expect(await frame(app, '[+]')).toContain('[+]');
    await press(KEY.ctrlS);
    await saved(file, before);
    await frame(app, 'saved '); // the journal is reset and the marker cleared once the write is done
    const s0 = initialState(smallAlignment().links);
    const actions: Action[] = [
      { type: 'move', delta: 1 },
      { type: 'shift', side: 'src', dir: 'up' },
      { type: 'setStatus', status: 'confirmed', advance: true },
      { type: 'setStatus', status: 'rejected', advance: true },
      { type: 'mergeNext' },
      { type: 'mergePrev' },
      { type: 'undo' },
      { type: 'redo' },
    ];
    let s = actions.reduce(reduce, s0);
    const cur = s.links[s.cursor];
    s = reduce(s, { type: 'split', srcCut: Math.ceil(cur.src.length / 2), tgtCut: Math.ceil(cur.tgt.length / 2) });
    s = [
      { type: 'move', delta: 1 },
      { type: 'move', delta: 1 },
      { type: 'unalign', side: 'src', index: 0 },
      { type: 'shift', side: 'tgt', dir: 'down' },
      { type: 'shift', side: 'tgt', dir: 'up' },
      { type: 'move', delta: -1 },
      { type: 'shift', side: 'src', dir: 'down' },
    ].reduce((st, a) => reduce(st, a as Action), s);
    const disk = onDisk(file);
    expect(disk.links).toEqual(s.links);
    expect(disk.header).toEqual(smallAlignment().header);
    // the journal is gone after a save, and the marker too
    expect(existsSync(journalPathFor(file))).toBe(false);
    expect(app.lastFrame()).not.toContain('[+]');
    // spot checks of the intended fixes
    expect(disk.links[1]).toMatchObject({ id: 'L2', status: 'confirmed' });
    expect(disk.links[1].src.map((x) => x.id)).toEqual(['en.1']);
  });

  it('merge, split, shift, unalign, confirm, reject each give the expected file', async () => {
    const cases: Array<{ keys: string[]; actions: Action[]; cursor?: number }> = [
      { keys: ['j', 'm'], actions: [{ type: 'move', delta: 1 }, { type: 'mergeNext' }] },
      { keys: ['j', 'j', 'M'], actions: [{ type: 'goto', index: 2 }, { type: 'mergePrev' }] },
      { keys: ['j', 's', KEY.down, KEY.tab, KEY.up, KEY.enter], actions: [{ type: 'move', delta: 1 }, { type: 'split', srcCut: 2, tgtCut: 0 }] },
      { keys: ['j', '['], actions: [{ type: 'move', delta: 1 }, { type: 'shift', side: 'src', dir: 'up' }] },
      { keys: ['j', ']'], actions: [{ type: 'move', delta: 1 }, { type: 'shift', side: 'src', dir: 'down' }] },
      { keys: ['j', '}'], actions: [{ type: 'move', delta: 1 }, { type: 'shift', side: 'tgt', dir: 'down' }] },
      { keys: ['j', 'j', 'j', 'j', '{'], actions: [{ type: 'goto', index: 4 }, { type: 'shift', side: 'tgt', dir: 'up' }] },
      { keys: ['j', 'j', 'j', 'j', 'd', KEY.down, KEY.down, KEY.enter], actions: [{ type: 'goto', index: 4 }, { type: 'unalign', side: 'tgt', index: 1 }] },
      { keys: ['c', KEY.enter, 'x'], actions: [{ type: 'setStatus', status: 'confirmed', advance: true }, { type: 'setStatus', status: 'confirmed', advance: true }, { type: 'setStatus', status: 'rejected', advance: true }] },
      { keys: ['m', 'm', 'u', KEY.ctrlZ, KEY.ctrlR], actions: [{ type: 'mergeNext' }, { type: 'mergeNext' }, { type: 'undo' }, { type: 'undo' }, { type: 'redo' }] },
    ];
    for (const c of cases) {
      const { file } = writeAlignment();
      const before = readFileSync(file, 'utf8');
      const { press } = await open(file);
      await press(...c.keys, KEY.ctrlS);
      await saved(file, before);
      expect(onDisk(file).links, c.keys.join(' ')).toEqual(expected(c.actions, c.cursor));
      cleanup();
    }
  }, 30000);

  it('reviews a TMX file too and saves it back as TMX (atomic), keeping ids, status and the edits', async () => {
    const dir = tempDir('bitext-tui-');
    const file = path.join(dir, 'doc.tmx');
    await writeAlignmentFile(file, smallAlignment());
    const before = readFileSync(file, 'utf8');
    const { press } = await open(file);
    await press('j', 'm', 'c', KEY.ctrlS);
    await saved(file, before);
    expect(readFileSync(file, 'utf8')).toContain('<tmx');
    const back = (await readAlignmentFile(file)).alignment.links;
    const want = expected([{ type: 'move', delta: 1 }, { type: 'mergeNext' }, { type: 'setStatus', status: 'confirmed', advance: true }]);
    expect(back.map((l) => [l.id, l.status, l.src.map((x) => x.text), l.tgt.map((x) => x.text)])).toEqual(want.map((l) => [l.id, l.status, l.src.map((x) => x.text), l.tgt.map((x) => x.text)]));
  });

  it('quitting with unsaved changes asks; d discards (file untouched, journal removed)', async () => {
    const { file } = writeAlignment();
    const before = readFileSync(file, 'utf8');
    const { app, press, exited } = await open(file);
    await press('m', 'q');
    expect(await frame(app, 'Unsaved changes')).toContain('Unsaved changes');
    await press(KEY.esc);
    expect(exited()).toBeUndefined();
    await press('q', 'd');
    expect(exited()).toEqual({ saved: false, discarded: true });
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(existsSync(journalPathFor(file))).toBe(false);
  });

  it('quit: s saves then exits', async () => {
    const { file } = writeAlignment();
    const before = readFileSync(file, 'utf8');
    const { press, exited } = await open(file);
    await press('c', 'q', 's');
    await saved(file, before);
    for (let i = 0; i < 100 && !exited(); i++) await tick(20);
    expect(exited()).toEqual({ saved: true, discarded: false });
    expect(onDisk(file).links[0].status).toBe('confirmed');
  });

  it('journals every edit (fsync per edit) and offers to restore it on the next open', async () => {
    const { file } = writeAlignment();
    const before = readFileSync(file, 'utf8');
    const first = await open(file);
    await first.press('j', 'm', 'c', 'x', 'u');
    // The process "dies" here: nothing saved.
    cleanup();
    expect(readFileSync(file, 'utf8')).toBe(before);
    const journal = readFileSync(journalPathFor(file), 'utf8').trim().split('\n');
    expect(journal).toHaveLength(1 + 4);
    const second = await open(file);
    expect(second.app.lastFrame()).toMatch(/Unsaved edits from .* \(4\) were found in the journal/);
    await second.press('r');
    expect(second.app.lastFrame()).toContain('restored 4 unsaved edits');
    await second.press(KEY.ctrlS);
    await saved(file, before);
    expect(onDisk(file).links).toEqual(expected([{ type: 'move', delta: 1 }, { type: 'mergeNext' }, { type: 'setStatus', status: 'confirmed', advance: true }, { type: 'setStatus', status: 'rejected', advance: true }, { type: 'undo' }]));
  });

  it('a torn last journal line (killed mid-write) is ignored; a journal for other bytes is set aside', async () => {
    const { file, dir } = writeAlignment();
    const first = await open(file);
    await first.press('m', 'm');
    cleanup();
    const jp = journalPathFor(file);
    writeFileSync(jp, readFileSync(jp, 'utf8') + '{"label":"merg');
    const second = await open(file);
    expect(second.app.lastFrame()).toMatch(/\(2\) were found/);
    await second.press('d');
    expect(existsSync(jp)).toBe(false);
    cleanup();
    // Edit again, then change the file behind the journal's back.
    const third = await open(file);
    await third.press('m');
    cleanup();
    writeFileSync(file, serializeAlignmentJsonl({ ...smallAlignment(), links: smallAlignment().links.slice(0, 4) }));
    const fourth = await open(file);
    expect(fourth.app.lastFrame()).toContain('an old journal did not match this file');
    expect(existsSync(jp)).toBe(false);
    expect(readdirSync(dir).some((n) => n.endsWith('.stale'))).toBe(true);
  });

  it('does not offer or touch the journal of a review of the same file that is still running', async () => {
    const { file } = writeAlignment();
    const jp = journalPathFor(file);
    const sha = (await import('../../src/io/files.js')).sha256(readFileSync(file));
    const live = JSON.stringify({ journal: 1, file: 'doc.jsonl', sha256: sha, created: new Date().toISOString(), pid: process.ppid });
    writeFileSync(jp, live + '\n' + JSON.stringify({ label: 'x', cursor: 0, patches: [] }) + '\n');
    const { app, press } = await open(file);
    expect(await frame(app, 'open in another bitext review')).toContain('open in another bitext review');
    await press('m');
    expect(readFileSync(jp, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('adds a term pair picked from the link to glossary/reviewed.csv and shows it in the terms panel', async () => {
    const { file, dir } = writeAlignment();
    const gl = path.join(dir, 'glossary');
    const { app, press } = await open(file, { glossaryDir: gl });
    await press('j', 'j', 'a');
    expect(await frame(app, 'add a term pair')).toContain('add a term pair');
    // L3 has no source: type the English, pick the Chinese span with the arrow keys (丝 → 丝路电商)
    await press('S', 'i', 'l', 'k', ' ', 'R', 'o', 'a', 'd', ' ', 'e', '-', 'c', 'o', 'm', 'm', 'e', 'r', 'c', 'e', KEY.tab);
    await press('\x1b[C', '\x1b[1;2C', '\x1b[1;2C', '\x1b[1;2C', KEY.tab, '\x1b[C');
    expect(await frame(app, '丝路电商')).toContain('丝路电商');
    await press(KEY.enter);
    for (let i = 0; i < 50 && !existsSync(path.join(gl, 'reviewed.csv')); i++) await tick(20);
    await tick(50);
    const csv = readFileSync(path.join(gl, 'reviewed.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('concept,lang,term,status,pos,domain,definition,note,source');
    expect(csv).toContain('silk-road-e-commerce,en,Silk Road e-commerce,admitted');
    expect(csv).toContain('silk-road-e-commerce,zh,丝路电商,admitted');
    expect(csv).toMatch(/doc\.jsonl#L3/);
    expect(await frame(app, 'added Silk Road e-commerce ↔ 丝路电商')).toContain('added Silk Road e-commerce ↔ 丝路电商');
    await press('t');
    expect(await frame(app, /terms in link 3 \(1\)/)).toMatch(/terms in link 3 \(1\)/);
    expect(await frame(app, /T 丝路电商 admitted → Silk Road e-commerce \(not in the other side\)/)).toMatch(/T 丝路电商 admitted → Silk Road e-commerce \(not in the other side\)/);
  });

  it('shows findings for the link and the file, and jumps to the next finding', async () => {
    const { file } = writeAlignment();
    const findings: Finding[] = [
      { check: 'numbers', severity: 'error', message: '12% in the target, 12 percent in the source', file: 'doc.jsonl', link: 'L4', srcSpan: [14, 24], tgtSpan: [9, 12] },
      { check: 'terms', severity: 'warning', message: 'term missing', file: 'doc.jsonl', link: 'L7' },
    ];
    const { app, press } = await open(file, { findings });
    await press('f');
    expect(await frame(app, '4/8 L4')).toContain('4/8 L4');
    expect(await frame(app, /findings in link 4 \(1\)/)).toMatch(/findings in link 4 \(1\)/);
    expect(await frame(app, '12% in the target')).toContain('12% in the target');
    expect(app.lastFrame()).toContain('Trade rose by 12 percent in 2020.');
    await press('i');
    expect(await frame(app, /findings in the file \(2\)/)).toMatch(/findings in the file \(2\)/);
    expect(await frame(app, 'term missing')).toContain('term missing');
    await press('f');
    expect(await frame(app, '7/8 L7')).toContain('7/8 L7');
  });
});
