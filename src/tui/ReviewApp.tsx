/**
 * The review screen (Ink): two columns, one row per link, only the visible links rendered. Keys dispatch actions to
 * the pure reducer in state.ts; every state change is appended to the crash journal before it is shown. I/O comes
 * in through the `session` prop (open/save/journal, see session.ts) so the screen can be tested with
 * ink-testing-library on real temporary files.
 */
import { useEffect, useMemo, useReducer, useRef, type ReactElement } from 'react';
import { Box, Text, useApp, useInput, type Key } from 'ink';
import { useTerminalSize } from './terminal-size.js';
import type { AlignmentHeader, Finding, Link, TermStatus } from '../model/types.js';
import {
  LOW_CONFIDENCE,
  countByStatus,
  initialState,
  invertPatch,
  isDirty,
  linkText,
  linkType,
  reduce,
  type Action,
  type Patch,
  type ReviewState,
  type Side,
} from './state.js';
import { cellWidth, columnsFor, layoutLink, padCells, scrollTop, wrapText } from './layout.js';
import { STATUS_MARK, confidenceColor, formatScore, severityColor, statusColor, termStatusColor, theme } from './theme.js';
import { editLine, splitKeys } from './input.js';
import { joinSentences } from '../lang/tags.js';
import type { JournalContents, JournalEntry } from './journal.js';
import { pickUnits, type Span } from './spans.js';

export interface TermHit {
  side: Side;
  /** The term as found in the text. */
  text: string;
  conceptId: string;
  status: TermStatus;
  /** Preferred equivalents in the other language. */
  equivalents: string[];
  /** The other side of the link contains none of the equivalents. */
  missingOther?: boolean;
}

export interface NewTermPair {
  src: string;
  tgt: string;
  srcLang: string;
  tgtLang: string;
  status: TermStatus;
  /** The link the pair was taken from. */
  link: string;
}

/** What the screen needs from the outside world. */
export interface ReviewSession {
  /** The file as the user named it (shown in the status bar). */
  file: string;
  header: AlignmentHeader;
  links: Link[];
  /** Write the links atomically; resets the journal. */
  save(links: Link[]): Promise<void>;
  journal?: { append(entry: JournalEntry): void; discard(): void };
  /** A journal of unsaved edits from an earlier session that matches this file: offered for restore. */
  pending?: JournalContents;
  /** Shown once in the message line (e.g. an old journal set aside). */
  notice?: string;
  findings?: Finding[];
  /** Run the checks on the saved file (after it is read and after each save). */
  check?: () => Promise<{ findings: Finding[]; error?: string }>;
  /** Read the rest of a large file in the background, chunk by chunk; sets `pending` / `notice` when done. */
  loadRest?: (onChunk: (links: Link[], fraction: number) => boolean) => Promise<void>;
  termsFor?: (link: Link) => TermHit[];
  addTerm?: (pair: NewTermPair) => Promise<string>;
}

export interface ReviewExit {
  /** Reading the rest of the file failed (the screen closed): the CLI reports it. */
  error?: unknown;
  saved: boolean;
  /** Unsaved edits were thrown away on purpose. */
  discarded: boolean;
}

export interface ReviewAppProps {
  session: ReviewSession;
  initialCursor?: number;
  /** Fixed size (tests); otherwise the terminal's, updated on resize. */
  size?: { columns: number; rows: number };
  onExit?: (result: ReviewExit) => void;
}

type Mode =
  | { kind: 'normal' }
  | { kind: 'help' }
  | { kind: 'restore' }
  | { kind: 'quit' }
  | { kind: 'prompt'; purpose: 'goto' | 'search'; value: string }
  | { kind: 'split'; srcCut: number; tgtCut: number; side: Side }
  | { kind: 'unalign'; sel: number }
  | { kind: 'term'; field: 0 | 1 | 2; values: [string, string]; spans: [Span | undefined, Span | undefined]; status: TermStatus; busy?: boolean };

type Panel = 'none' | 'terms' | 'findings-link' | 'findings-file';

interface Ui {
  state: ReviewState;
  mode: Mode;
  panel: Panel;
  top: number;
  saving: boolean;
  everSaved: boolean;
  /** Fraction of the file read while loading in the background; undefined once it is all read. */
  loading?: number;
  findings?: Finding[];
  checking: boolean;
  checkError?: string;
}

const TERM_STATUS_CYCLE: TermStatus[] = ['preferred', 'admitted', 'deprecated', 'superseded'];

export const HELP_LINES: Array<[string, string]> = [
  ['↑ ↓ k j  PgUp PgDn', 'previous / next link, page up / down'],
  ['g G  :', 'first / last link, go to a link number or id'],
  ['/  n N', 'search both languages; next / previous match'],
  ['l L  Tab S-Tab  f F', 'next / previous: low confidence (< 0.5), unconfirmed, with findings'],
  ['c Enter  x', 'confirm, reject (then the next link)'],
  ['m M  s', 'merge with the next / previous link; split (choose the cut on each side)'],
  ['[ ]  { }', "source, target: push the last sentence into the next link / pull the next link's first one up"],
  ['d', 'mark the first or last sentence of a side as unaligned (1-0 / 0-1)'],
  ['u ctrl-z  ctrl-r', 'undo, redo'],
  ['a', 'add a term pair from this link to the glossary (type, or pick with ← →)'],
  ['t  i', 'terms of this link; findings of this link → of the file → hidden'],
  ['ctrl-s  q', 'save (edits are journaled until then); quit'],
];

export function ReviewApp({ session, initialCursor = 0, size, onExit }: ReviewAppProps) {
  const { exit } = useApp();
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const ui = useRef<Ui>(null as unknown as Ui);
  if (ui.current === null) {
    ui.current = {
      state: { ...initialState(session.links, initialCursor), message: session.notice },
      mode: session.pending && session.pending.entries.length > 0 ? { kind: 'restore' } : { kind: 'normal' },
      panel: 'none',
      top: 0,
      saving: false,
      everSaved: false,
      loading: session.loadRest ? 0 : undefined,
      findings: session.findings,
      checking: false,
    };
  }

  const runCheck = () => {
    if (!session.check || ui.current.checking) return;
    set({ checking: true });
    session
      .check()
      .then((r) => set({ findings: r.findings, checking: false, checkError: r.error }))
      .catch((err: Error) => set({ checking: false, checkError: err.message }));
  };
  useEffect(() => {
    if (!session.loadRest) runCheck();
  }, []);

  // Large files: the first screen is drawn from the first links; the rest arrive here.
  useEffect(() => {
    if (!session.loadRest) return;
    let live = true;
    session
      .loadRest((links, fraction) => {
        if (!live) return false;
        ui.current.state = reduce(ui.current.state, { type: 'append', links });
        set({ loading: fraction });
        return true;
      })
      .then(() => {
        if (!live) return;
        const restore = session.pending && session.pending.entries.length > 0;
        if (session.notice) ui.current.state = { ...ui.current.state, message: session.notice };
        // --at beyond the first screen's links: go there now that it is read (unless the user moved meanwhile).
        if (initialCursor > 0 && ui.current.state.cursor === Math.min(initialCursor, Math.max(0, session.links.length - 1)) && ui.current.state.cursor !== initialCursor) {
          ui.current.state = reduce(ui.current.state, { type: 'goto', index: initialCursor });
        }
        set({ loading: undefined, mode: restore ? { kind: 'restore' } : ui.current.mode });
        runCheck();
      })
      .catch((err: unknown) => {
        if (!live) return;
        onExit?.({ error: err, saved: false, discarded: false });
        exit();
      });
    return () => {
      live = false;
    };
  }, []);

  // Terminal size, redrawn on resize.
  const { columns, rows } = useTerminalSize(size);

  const findings = ui.current.findings;
  const findingsByLink = useMemo(() => {
    const m = new Map<string, Finding[]>();
    for (const f of findings ?? []) {
      if (!f.link) continue;
      const list = m.get(f.link);
      if (list) list.push(f);
      else m.set(f.link, [f]);
    }
    return m;
  }, [findings]);
  const findingIds = useMemo(() => new Set(findingsByLink.keys()), [findingsByLink]);

  const u = ui.current;
  const s = u.state;
  const counts = useMemo(() => countByStatus(s.links), [s.links]);

  const set = (patch: Partial<Ui>) => {
    Object.assign(ui.current, patch);
    rerender();
  };

  /** Reduce, journal the change (before it is shown), show it. */
  const dispatch = (action: Action, journal = true) => {
    const prev = ui.current.state;
    const next = reduce(prev, action);
    if (journal && next.links !== prev.links && session.journal) {
      let patches: Patch[];
      let label: string;
      if (next.undo.length > prev.undo.length) {
        const e = next.undo[next.undo.length - 1];
        patches = e.patches;
        label = e.label;
      } else {
        const e = prev.undo[prev.undo.length - 1];
        patches = e.patches.map(invertPatch).reverse();
        label = `undo: ${e.label}`;
      }
      try {
        session.journal.append({ label, cursor: next.cursor, patches });
      } catch (err) {
        next.message = `warning: could not write the journal (${(err as Error).message}); save with ctrl-s`;
      }
    }
    ui.current.state = next;
    rerender();
  };

  const restore = () => {
    const entries = session.pending?.entries ?? [];
    let st = ui.current.state;
    let applied = 0;
    for (const e of entries) {
      const ok = e.patches.every((p) => p.remove.every((l, k) => st.links[p.at + k]?.id === l.id));
      if (!ok) break;
      st = reduce(st, { type: 'replay', patches: e.patches, label: e.label, cursor: e.cursor });
      applied++;
    }
    st = {
      ...st,
      message:
        applied === entries.length
          ? `restored ${applied} unsaved edit${applied === 1 ? '' : 's'} from the journal (ctrl-s to save, u to undo)`
          : `restored ${applied} of ${entries.length} edits: the rest do not fit the file`,
    };
    ui.current.state = st;
    set({ mode: { kind: 'normal' } });
  };

  const save = async (thenQuit = false) => {
    if (ui.current.saving) return;
    set({ saving: true });
    try {
      await session.save(ui.current.state.links);
      ui.current.state = reduce(ui.current.state, { type: 'saved' });
      ui.current.state.message = `saved ${session.file}`;
      set({ saving: false, everSaved: true });
      runCheck();
      if (thenQuit) quit(false);
    } catch (err) {
      ui.current.state = { ...ui.current.state, message: `not saved: ${(err as Error).message}` };
      set({ saving: false, mode: { kind: 'normal' } });
    }
  };

  const quit = (discarded: boolean) => {
    if (discarded) session.journal?.discard();
    onExit?.({ saved: ui.current.everSaved, discarded });
    exit();
  };

  const listHeight = () => {
    const panelRows = panelHeight(ui.current, rows);
    return Math.max(3, rows - 1 - 3 - panelRows);
  };

  useInput((raw: string, rawKey: Key) => {
    for (const [input, key] of splitKeys(raw, rawKey)) onKey(input, key);
  });

  function onKey(input: string, key: Key) {
    const cur = ui.current;
    const st = cur.state;
    const mode = cur.mode;
    const link = st.links[st.cursor];
    switch (mode.kind) {
      case 'help':
        set({ mode: { kind: 'normal' } });
        return;
      case 'restore':
        if (input === 'r' || input === 'y') restore();
        else if (input === 'd' || input === 'n') {
          session.journal?.discard();
          cur.state = { ...cur.state, message: 'journal discarded' };
          set({ mode: { kind: 'normal' } });
        } else if (input === 'q' || (key.ctrl && input === 'c')) quit(false);
        return;
      case 'quit':
        if (input === 's' || input === 'y') void save(true);
        else if (input === 'd') quit(true);
        else if (key.escape || input === 'n' || input === 'c') set({ mode: { kind: 'normal' } });
        return;
      case 'prompt': {
        if (key.escape) return set({ mode: { kind: 'normal' } });
        if (key.return) {
          const v = mode.value.trim();
          set({ mode: { kind: 'normal' } });
          if (mode.purpose === 'search') dispatch({ type: 'search', query: v, dir: 1 });
          else gotoTarget(v);
          return;
        }
        const nv = editLine(mode.value, input, key);
        if (nv !== undefined) set({ mode: { ...mode, value: nv } });
        return;
      }
      case 'split': {
        if (!link) return set({ mode: { kind: 'normal' } });
        if (key.escape) return set({ mode: { kind: 'normal' } });
        if (key.tab || key.leftArrow || key.rightArrow) return set({ mode: { ...mode, side: mode.side === 'src' ? 'tgt' : 'src' } });
        const max = mode.side === 'src' ? link.src.length : link.tgt.length;
        const curCut = mode.side === 'src' ? mode.srcCut : mode.tgtCut;
        let cut = curCut;
        if (key.upArrow || input === 'k') cut = Math.max(0, curCut - 1);
        if (key.downArrow || input === 'j') cut = Math.min(max, curCut + 1);
        if (cut !== curCut) return set({ mode: mode.side === 'src' ? { ...mode, srcCut: cut } : { ...mode, tgtCut: cut } });
        if (key.return) {
          set({ mode: { kind: 'normal' } });
          dispatch({ type: 'split', srcCut: mode.srcCut, tgtCut: mode.tgtCut });
        }
        return;
      }
      case 'unalign': {
        if (!link) return set({ mode: { kind: 'normal' } });
        const total = link.src.length + link.tgt.length;
        if (key.escape) return set({ mode: { kind: 'normal' } });
        if (key.upArrow || input === 'k') return set({ mode: { kind: 'unalign', sel: Math.max(0, mode.sel - 1) } });
        if (key.downArrow || input === 'j') return set({ mode: { kind: 'unalign', sel: Math.min(total - 1, mode.sel + 1) } });
        if (key.return) {
          set({ mode: { kind: 'normal' } });
          const side: Side = mode.sel < link.src.length ? 'src' : 'tgt';
          dispatch({ type: 'unalign', side, index: side === 'src' ? mode.sel : mode.sel - link.src.length });
        }
        return;
      }
      case 'term':
        return termKey(mode, input, key);
      case 'normal':
        break;
    }

    // Normal mode.
    const page = Math.max(1, listHeight() - 1);
    if (cur.loading !== undefined && isEditKey(input, key)) {
      return dispatch({ type: 'message', text: `still reading the file (${Math.round(cur.loading * 100)}%): editing and saving start when it is read` });
    }
    if (key.ctrl) {
      if (input === 'c') return askQuit();
      if (input === 's') return void save(false);
      if (input === 'z') return dispatch({ type: 'undo' });
      if (input === 'r' || input === 'y') return dispatch({ type: 'redo' });
      if (input === 'd') return dispatch({ type: 'move', delta: Math.ceil(page / 2) });
      if (input === 'u') return dispatch({ type: 'move', delta: -Math.ceil(page / 2) });
      return;
    }
    if (key.upArrow || input === 'k') return dispatch({ type: 'move', delta: -1 });
    if (key.downArrow || input === 'j') return dispatch({ type: 'move', delta: 1 });
    if (key.pageDown || input === ' ') return dispatch({ type: 'move', delta: pageDelta(1) });
    if (key.pageUp || input === 'b') return dispatch({ type: 'move', delta: pageDelta(-1) });
    if (key.home || input === 'g') return dispatch({ type: 'goto', index: 0 });
    if (key.end || input === 'G') return dispatch({ type: 'goto', index: st.links.length - 1 });
    if (key.tab) return dispatch({ type: 'nextWhere', what: 'unconfirmed', dir: key.shift ? -1 : 1 });
    if (key.return) return dispatch({ type: 'setStatus', status: 'confirmed', advance: true });
    if (key.escape) return set({ panel: 'none' });
    switch (input) {
      case '?':
        return set({ mode: { kind: 'help' } });
      case 'q':
        return askQuit();
      case ':':
        return set({ mode: { kind: 'prompt', purpose: 'goto', value: '' } });
      case '/':
        return set({ mode: { kind: 'prompt', purpose: 'search', value: '' } });
      case 'n':
        return dispatch({ type: 'search', dir: 1 });
      case 'N':
        return dispatch({ type: 'search', dir: -1 });
      case 'l':
      case 'L':
        return dispatch({ type: 'nextWhere', what: 'low', dir: input === 'l' ? 1 : -1, threshold: LOW_CONFIDENCE });
      case 'f':
      case 'F':
        if (findingIds.size === 0) return dispatch({ type: 'message', text: cur.checking ? 'the checks are still running' : cur.findings ? 'no findings in this file' : 'no checks were run for this file' });
        // Show what was found there (the findings panel opens unless another panel is open).
        if (cur.panel === 'none') cur.panel = 'findings-link';
        return dispatch({ type: 'nextWhere', what: 'finding', dir: input === 'f' ? 1 : -1, linkIds: findingIds });
      case 'c':
        return dispatch({ type: 'setStatus', status: 'confirmed', advance: true });
      case 'x':
        return dispatch({ type: 'setStatus', status: 'rejected', advance: true });
      case 'm':
        return dispatch({ type: 'mergeNext' });
      case 'M':
        return dispatch({ type: 'mergePrev' });
      case 's':
        if (!link) return;
        if (link.src.length + link.tgt.length < 2) return dispatch({ type: 'message', text: 'a link with one sentence cannot be split' });
        return set({
          mode: {
            kind: 'split',
            srcCut: Math.min(link.src.length, Math.max(link.src.length > 1 ? 1 : link.src.length, Math.ceil(link.src.length / 2))),
            tgtCut: Math.ceil(link.tgt.length / 2),
            side: link.src.length > 1 || link.tgt.length <= 1 ? 'src' : 'tgt',
          },
        });
      case '[':
        return dispatch({ type: 'shift', side: 'src', dir: 'up' });
      case ']':
        return dispatch({ type: 'shift', side: 'src', dir: 'down' });
      case '{':
        return dispatch({ type: 'shift', side: 'tgt', dir: 'up' });
      case '}':
        return dispatch({ type: 'shift', side: 'tgt', dir: 'down' });
      case 'd':
        if (!link) return;
        return set({ mode: { kind: 'unalign', sel: 0 } });
      case 'u':
        return dispatch({ type: 'undo' });
      case 'U':
        return dispatch({ type: 'redo' });
      case 't':
        return set({ panel: cur.panel === 'terms' ? 'none' : 'terms' });
      case 'i':
        return set({ panel: cur.panel === 'findings-link' ? 'findings-file' : cur.panel === 'findings-file' ? 'none' : 'findings-link' });
      case 'a':
        if (!link) return;
        if (!session.addTerm) return dispatch({ type: 'message', text: 'no glossary folder to add terms to' });
        return set({ mode: { kind: 'term', field: 0, values: ['', ''], spans: [undefined, undefined], status: 'preferred' } });
    }
  }

  function pageDelta(dir: 1 | -1): number {
    // Move by what fits on the screen from the cursor, at least one link.
    const cur = ui.current;
    const cols = columnsFor(columns, cur.state.links.length);
    const h = listHeight();
    let used = 0;
    let k = 0;
    for (let i = cur.state.cursor + dir; i >= 0 && i < cur.state.links.length; i += dir) {
      used += layoutLink(cur.state.links[i], cols, h).height;
      if (used > h) break;
      k++;
    }
    return dir * Math.max(1, k);
  }

  function gotoTarget(v: string) {
    const st = ui.current.state;
    if (/^\d+$/.test(v)) {
      const n = Number(v);
      if (n < 1 || n > st.links.length) return dispatch({ type: 'message', text: `there are links 1 to ${st.links.length}` });
      return dispatch({ type: 'goto', index: n - 1 });
    }
    const i = st.links.findIndex((l) => l.id === v);
    if (i < 0) return dispatch({ type: 'message', text: `no link number or id “${v}”` });
    dispatch({ type: 'goto', index: i });
  }

  function askQuit() {
    if (isDirty(ui.current.state)) set({ mode: { kind: 'quit' } });
    else quit(false);
  }

  function termKey(mode: Extract<Mode, { kind: 'term' }>, input: string, key: Key) {
    const st = ui.current.state;
    const link = st.links[st.cursor];
    if (mode.busy) return;
    if (key.escape) return set({ mode: { kind: 'normal' } });
    if (key.tab) return set({ mode: { ...mode, field: (((mode.field + (key.shift ? 2 : 1)) % 3) as 0 | 1 | 2) } });
    if (key.return) {
      const [src, tgt] = mode.values.map((v) => v.trim());
      if (!src || !tgt) return dispatch({ type: 'message', text: 'type (or pick with ← →) both terms, then Enter' });
      // Back to reviewing at once; the glossary write finishes in the background and reports on the message line.
      ui.current.state = { ...ui.current.state, message: `adding ${src} ↔ ${tgt}…` };
      set({ mode: { kind: 'normal' } });
      session.addTerm!({ src, tgt, srcLang: session.header.srcLang, tgtLang: session.header.tgtLang, status: mode.status, link: link.id })
        .then((where) => {
          ui.current.state = { ...ui.current.state, message: `added ${src} ↔ ${tgt} (${mode.status}) to ${where}` };
          rerender();
        })
        .catch((err: Error) => {
          ui.current.state = { ...ui.current.state, message: `term not added (${src} ↔ ${tgt}): ${err.message}` };
          rerender();
        });
      return;
    }
    if (mode.field === 2) {
      const k = TERM_STATUS_CYCLE.indexOf(mode.status);
      if (key.leftArrow || key.upArrow) return set({ mode: { ...mode, status: TERM_STATUS_CYCLE[(k + 3) % 4] } });
      if (key.rightArrow || key.downArrow || input === ' ') return set({ mode: { ...mode, status: TERM_STATUS_CYCLE[(k + 1) % 4] } });
      const byLetter = TERM_STATUS_CYCLE.find((t) => t[0] === input);
      if (byLetter) set({ mode: { ...mode, status: byLetter } });
      return;
    }
    const f = mode.field;
    const side: Side = f === 0 ? 'src' : 'tgt';
    const lang = f === 0 ? session.header.srcLang : session.header.tgtLang;
    if (key.leftArrow || key.rightArrow) {
      // Pick a span of the link text: ← → move it, shift+← → shrink / grow it (words in English, characters in Chinese).
      const text = linkText(link, side);
      const units = pickUnits(text, lang);
      if (units.length === 0) return;
      const sp = mode.spans[f] ?? { start: 0, length: 1 };
      let next: Span = { ...sp };
      if (mode.spans[f] !== undefined) {
        if (key.shift) next.length = Math.max(1, Math.min(units.length - sp.start, sp.length + (key.rightArrow ? 1 : -1)));
        else next.start = Math.max(0, Math.min(units.length - 1, sp.start + (key.rightArrow ? 1 : -1)));
        next.length = Math.min(next.length, units.length - next.start);
      } else next = { start: 0, length: 1 };
      const value = text.slice(units[next.start][0], units[next.start + next.length - 1][1]);
      const values: [string, string] = [...mode.values];
      values[f] = value;
      const spans: [Span | undefined, Span | undefined] = [...mode.spans];
      spans[f] = next;
      return set({ mode: { ...mode, values, spans } });
    }
    const nv = editLine(mode.values[f], input, key);
    if (nv !== undefined) {
      const values: [string, string] = [...mode.values];
      values[f] = nv;
      const spans: [Span | undefined, Span | undefined] = [...mode.spans];
      spans[f] = undefined;
      set({ mode: { ...mode, values, spans } });
    }
  }

  // ---- render ----
  const width = Math.max(40, columns);
  const cols = columnsFor(width, s.links.length);
  const h = listHeight();
  const heightOf = (l: Link) => layoutLink(l, cols, h).height;
  u.top = scrollTop(s.links, s.cursor, u.top, h, heightOf);

  // Spans to mark in the current link: its terms (terms panel open) and the spans its findings point at.
  const marks = currentMarks();
  const listRows: ReactElement[] = [];
  if (u.mode.kind === 'help') {
    listRows.push(...renderHelp(width, h));
  } else if (s.links.length === 0) {
    listRows.push(<Text key="empty" color={theme.muted}>This alignment has no links.</Text>);
  } else {
    let used = 0;
    for (let i = u.top; i < s.links.length && used < h; i++) {
      const link = s.links[i];
      const lay = layoutLink(link, cols, h);
      const selected = i === s.cursor;
      const hasFinding = findingIds.has(link.id);
      for (let r = 0; r < lay.height && used < h; r++, used++) {
        const srcLine = padCells(lay.src[r] ?? '', cols.src);
        const tgtLine = padCells(lay.tgt[r] ?? '', cols.tgt);
        let gutter: ReactElement;
        if (r === 0) {
          gutter = (
            <Text>
              <Text color={selected ? theme.selection : hasFinding ? theme.warn : undefined} bold={selected}>
                {selected ? '▶' : hasFinding ? '!' : ' '}
              </Text>
              <Text color={selected ? theme.selection : theme.muted} bold={selected}>{String(i + 1).padStart(cols.numberWidth)}</Text>
              {' '}
              <Text color={link.src.length === 1 && link.tgt.length === 1 ? undefined : theme.accent}>{padCells(linkType(link), 3)}</Text>
              {' '}
              <Text color={confidenceColor(link.score)}>{formatScore(link.score)}</Text>
              {' '}
              <Text color={statusColor(link.status)}>{STATUS_MARK[link.status]}</Text>
              {' '}
            </Text>
          );
        } else {
          gutter = <Text color={theme.selection}>{(selected ? '▌' : ' ').padEnd(cols.gutter)}</Text>;
        }
        listRows.push(
          <Text key={`${link.id}:${r}`} wrap="truncate">
            {gutter}
            {selected && marks.src.length ? renderMarked(srcLine, marks.src) : <Text bold={selected} dimColor={link.status === 'rejected'}>{srcLine}</Text>}
            <Text color={theme.muted}>{' │ '}</Text>
            {selected && marks.tgt.length ? renderMarked(tgtLine, marks.tgt) : <Text bold={selected} dimColor={link.status === 'rejected'}>{tgtLine}</Text>}
          </Text>,
        );
      }
    }
  }
  while (listRows.length < h) listRows.push(<Text key={`pad${listRows.length}`}> </Text>);

  const headerRow = (
    <Text wrap="truncate" color={theme.muted}>
      {padCells(`${'#'.padStart(1 + cols.numberWidth)} n-m scr s`, cols.gutter)}
      <Text bold>{padCells(langName(session.header.srcLang), cols.src)}</Text>
      {' │ '}
      <Text bold>{padCells(langName(session.header.tgtLang), cols.tgt)}</Text>
    </Text>
  );

  const panel = renderPanel();
  const dirty = isDirty(s);
  const pos = s.links.length ? `${s.cursor + 1}/${s.links.length}${u.loading !== undefined ? '+' : ''}` : '0/0';
  const cur = s.links[s.cursor];
  const statusLeft = ` ${shortName(session.file)}${dirty ? ' [+]' : ''}  ${pos}${cur ? ` ${cur.id}` : ''} `;
  const statusCounts = ` ·${counts.auto} ✓${counts.confirmed} ✎${counts.edited} ✗${counts.rejected} `;
  const statusRight = `${u.loading !== undefined ? `reading ${Math.round(u.loading * 100)}% ` : ''}${u.saving ? 'saving… ' : dirty ? 'unsaved ' : ''}? help `;
  const fill = Math.max(0, width - cellWidth(statusLeft) - cellWidth(statusCounts) - cellWidth(statusRight));

  return (
    <Box flexDirection="column" width={width}>
      {headerRow}
      {listRows}
      {panel}
      <Text wrap="truncate" inverse>
        <Text bold>{statusLeft}</Text>
        {statusCounts}
        {' '.repeat(fill)}
        <Text color={dirty ? theme.warn : undefined}>{statusRight}</Text>
      </Text>
      {renderBottomLine()}
    </Box>
  );

  function renderBottomLine() {
    const m = u.mode;
    let text: ReactElement;
    if (m.kind === 'prompt') {
      text = (
        <Text>
          <Text color={theme.accent}>{m.purpose === 'goto' ? 'go to link: ' : 'search: '}</Text>
          {m.value}
          <Text inverse> </Text>
          <Text color={theme.muted}> Enter go, Esc cancel</Text>
        </Text>
      );
    } else if (m.kind === 'quit') {
      text = <Text color={theme.warn}>Unsaved changes. s save and quit · d discard them and quit · Esc keep reviewing</Text>;
    } else if (m.kind === 'restore') {
      const p = session.pending!;
      text = (
        <Text color={theme.warn}>
          {`Unsaved edits from ${p.header.created.replace('T', ' ').slice(0, 19)} (${p.entries.length}) were found in the journal. r restore them · d discard them`}
        </Text>
      );
    } else if (m.kind === 'split') {
      text = <Text color={theme.accent}>split: ↑ ↓ move the cut, Tab other side, Enter split, Esc cancel</Text>;
    } else if (m.kind === 'unalign') {
      text = <Text color={theme.accent}>unaligned: ↑ ↓ choose the sentence, Enter detach it into its own 1-0 / 0-1 link, Esc cancel</Text>;
    } else if (m.kind === 'term') {
      text = <Text color={theme.accent}>{m.busy ? 'adding…' : 'new term: type, or ← → pick (shift ← → resize); Tab next field; Enter add; Esc cancel'}</Text>;
    } else {
      text = <Text color={s.message?.startsWith('warning') || s.message?.startsWith('not ') ? theme.warn : undefined}>{s.message ?? ''}</Text>;
    }
    return <Text wrap="truncate">{text}</Text>;
  }

  function renderPanel(): ReactElement | null {
    const ph = panelHeight(u, rows);
    if (ph === 0) return null;
    const link = s.links[s.cursor];
    const lines: ReactElement[] = [];
    const inner = width - 2;
    const m = u.mode;
    let title = '';
    if (m.kind === 'split' && link) {
      title = 'split: the cut (────) separates the two new links';
      const side = (name: Side, cut: number, active: boolean) => {
        const list = link[name];
        const out: ReactElement[] = [];
        list.forEach((snt, k) => {
          if (k === cut) out.push(cutLine(name, active, k));
          out.push(
            <Text key={`${name}${k}`} wrap="truncate">
              {`  ${name === 'src' ? 'S' : 'T'}${k + 1} `}
              {padCells(snt.text, inner - 6)}
            </Text>,
          );
        });
        if (cut === list.length) out.push(cutLine(name, active, list.length));
        return out;
      };
      lines.push(...side('src', m.srcCut, m.side === 'src'), ...side('tgt', m.tgtCut, m.side === 'tgt'));
    } else if (m.kind === 'unalign' && link) {
      title = 'mark as unaligned: which sentence?';
      const all = [...link.src.map((x) => ['S', x.text] as const), ...link.tgt.map((x) => ['T', x.text] as const)];
      all.forEach(([tag, text], k) => {
        const sel = k === m.sel;
        const num = tag === 'S' ? k + 1 : k - link.src.length + 1;
        lines.push(
          <Text key={`u${k}`} wrap="truncate" inverse={sel}>
            {`${sel ? '▶' : ' '} ${tag}${num} `}
            {padCells(text, inner - 6)}
          </Text>,
        );
      });
    } else if (m.kind === 'term') {
      title = 'add a term pair from this link to the glossary';
      const field = (k: 0 | 1, label: string) => (
        <Text key={`f${k}`} wrap="truncate">
          <Text color={m.field === k ? theme.accent : theme.muted}>{`${m.field === k ? '▶' : ' '} ${label}: `}</Text>
          {m.values[k]}
          {m.field === k ? <Text inverse> </Text> : null}
        </Text>
      );
      lines.push(field(0, langName(session.header.srcLang)), field(1, langName(session.header.tgtLang)));
      lines.push(
        <Text key="st" wrap="truncate">
          <Text color={m.field === 2 ? theme.accent : theme.muted}>{`${m.field === 2 ? '▶' : ' '} status: `}</Text>
          {TERM_STATUS_CYCLE.map((t) => (
            <Text key={t} inverse={t === m.status} color={termStatusColor(t)}>{` ${t} `}</Text>
          ))}
        </Text>,
      );
    } else if (u.panel === 'terms') {
      const hits = link && session.termsFor ? session.termsFor(link) : [];
      title = session.termsFor ? `terms in link ${s.cursor + 1} (${hits.length})` : 'terms: no term base loaded (glossary/*.csv)';
      for (const t of hits) {
        lines.push(
          <Text key={`${t.side}${t.conceptId}${t.text}`} wrap="truncate">
            {`  ${t.side === 'src' ? 'S' : 'T'} `}
            <Text color={termStatusColor(t.status)}>{t.text}</Text>
            <Text color={theme.muted}>{` ${t.status}`}</Text>
            {t.equivalents.length ? ` → ${t.equivalents.join(' / ')}` : ''}
            {t.missingOther ? <Text color={theme.warn}> (not in the other side)</Text> : null}
          </Text>,
        );
      }
    } else if (u.panel === 'findings-link' || u.panel === 'findings-file') {
      const all = u.findings ?? [];
      const list = u.panel === 'findings-link' ? (link ? (findingsByLink.get(link.id) ?? []) : []) : orderFrom(all, s.links, s.cursor);
      title = u.checking
        ? 'findings: running the checks…'
        : u.checkError
          ? `findings: the checks did not run (${u.checkError})`
          : !u.findings
            ? 'findings: no checks were run for this file'
            : u.panel === 'findings-link'
            ? `findings in link ${s.cursor + 1} (${list.length}) — i: whole file${isDirty(s) ? ' (as saved)' : ''}`
            : `findings in the file (${all.length}), from this link on — i: hide${isDirty(s) ? ' (as saved)' : ''}`;
      for (const f of list.slice(0, ph - 1)) {
        lines.push(
          <Text key={`${f.check}${f.link}${f.message}${lines.length}`} wrap="truncate">
            {'  '}
            <Text color={severityColor(f.severity)}>{f.severity.padEnd(8)}</Text>
            {u.panel === 'findings-file' && f.link ? <Text color={theme.muted}>{`${f.link} `}</Text> : null}
            <Text color={theme.muted}>{`${f.check}: `}</Text>
            {f.message}
          </Text>,
        );
      }
    }
    const body = lines.slice(0, ph - 1);
    while (body.length < ph - 1) body.push(<Text key={`pp${body.length}`}> </Text>);
    return (
      <Box flexDirection="column">
        <Text wrap="truncate" color={theme.accent}>
          {padCells(`── ${title} `, width).replace(/ +$/, (sp) => '─'.repeat(sp.length))}
        </Text>
        {body}
      </Box>
    );
  }

  function currentMarks(): { src: Mark[]; tgt: Mark[] } {
    const out: { src: Mark[]; tgt: Mark[] } = { src: [], tgt: [] };
    const link = s.links[s.cursor];
    if (!link) return out;
    if (u.panel === 'terms' && session.termsFor) {
      for (const t of session.termsFor(link)) out[t.side].push({ text: t.text, color: t.missingOther ? theme.warn : termStatusColor(t.status) });
    }
    if (u.panel === 'findings-link' || u.panel === 'findings-file') {
      for (const f of findingsByLink.get(link.id) ?? []) {
        const color = severityColor(f.severity);
        if (f.srcSpan) out.src.push({ text: spanText(link, 'src', session.header.srcLang, f.srcSpan), color });
        if (f.tgtSpan) out.tgt.push({ text: spanText(link, 'tgt', session.header.tgtLang, f.tgtSpan), color });
      }
    }
    out.src = out.src.filter((m) => m.text.trim());
    out.tgt = out.tgt.filter((m) => m.text.trim());
    return out;
  }

  function cutLine(side: Side, active: boolean, k: number) {
    return (
      <Text key={`cut${side}${k}`} color={active ? theme.accent : theme.muted} wrap="truncate">
        {`  ${active ? '▶' : ' '}──── cut (${side === 'src' ? 'source' : 'target'}) ────`}
      </Text>
    );
  }

  function renderHelp(w: number, hh: number): ReactElement[] {
    const out: ReactElement[] = [
      <Text key="h0" bold wrap="truncate">
        Keys — any key closes this help
      </Text>,
      <Text key="h1" wrap="truncate" color={theme.muted}>
        {`status ${STATUS_MARK.auto} auto ${STATUS_MARK.confirmed} confirmed ${STATUS_MARK.edited} edited ${STATUS_MARK.rejected} rejected · confidence `}
        <Text color={theme.good}>≥.8</Text> <Text color={theme.warn}>≥.5</Text> <Text color={theme.bad}>&lt;.5</Text>
        {' · ! has findings'}
      </Text>,
    ];
    const kw = Math.max(...HELP_LINES.map(([k]) => cellWidth(k))) + 2;
    for (const [k, d] of HELP_LINES) {
      for (const [j, line] of wrapText(d, Math.max(10, w - kw - 2)).entries()) {
        out.push(
          <Text key={`h${out.length}`} wrap="truncate">
            <Text color={theme.accent}>{padCells(j === 0 ? k : '', kw)}</Text>
            {line}
          </Text>,
        );
      }
    }
    return out.slice(0, hh);
  }
}

const EDIT_KEYS = new Set(['c', 'x', 'm', 'M', 's', '[', ']', '{', '}', 'd', 'u', 'U', 'a']);

/** Keys that change the alignment (or save/quit), blocked while a large file is still being read. */
function isEditKey(input: string, key: Key): boolean {
  if (key.ctrl) return ['s', 'z', 'r', 'y'].includes(input);
  return key.return || EDIT_KEYS.has(input);
}

interface Mark {
  text: string;
  color: string;
}

/** The text a finding's span covers: offsets into the link side joined as the checks join it (space for English, nothing for Chinese). */
function spanText(link: Link, side: Side, lang: string, span: [number, number]): string {
  return joinSentences(link[side].map((x) => x.text), lang).slice(span[0], span[1]);
}

/** A screen line with the marked texts underlined in their colour (marks that a line break cuts are not shown). */
function renderMarked(line: string, marks: Mark[]): ReactElement {
  const parts: ReactElement[] = [];
  let pos = 0;
  for (;;) {
    let best: { at: number; m: Mark } | undefined;
    for (const m of marks) {
      const at = line.indexOf(m.text, pos);
      if (at >= 0 && (!best || at < best.at || (at === best.at && m.text.length > best.m.text.length))) best = { at, m };
    }
    if (!best) break;
    if (best.at > pos) parts.push(<Text key={parts.length} bold>{line.slice(pos, best.at)}</Text>);
    parts.push(
      <Text key={parts.length} bold underline color={best.m.color}>
        {best.m.text}
      </Text>,
    );
    pos = best.at + best.m.text.length;
  }
  parts.push(<Text key={parts.length} bold>{line.slice(pos)}</Text>);
  return <Text>{parts}</Text>;
}

function panelHeight(u: Ui, rows: number): number {
  const m = u.mode;
  const max = Math.max(3, Math.floor((rows - 4) / 2));
  if (m.kind === 'term') return 4;
  if (m.kind === 'split' || m.kind === 'unalign') {
    const link = u.state.links[u.state.cursor];
    const n = link ? link.src.length + link.tgt.length + (m.kind === 'split' ? 2 : 0) : 0;
    return Math.min(max, n + 1);
  }
  if (u.panel === 'none') return 0;
  return Math.min(max, 7);
}

/** Findings of the file starting at the cursor's link (then wrapping), for the file panel. */
function orderFrom(findings: Finding[], links: readonly Link[], cursor: number): Finding[] {
  const index = new Map<string, number>();
  links.forEach((l, i) => index.set(l.id, i));
  const pos = (f: Finding) => {
    const i = f.link !== undefined ? (index.get(f.link) ?? -1) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : (i - cursor + links.length) % links.length;
  };
  return [...findings].sort((a, b) => pos(a) - pos(b));
}

const LANG_NAMES: Record<string, string> = { zh: 'Chinese 中文', en: 'English', ja: 'Japanese 日本語', de: 'German', fr: 'French', ko: 'Korean', es: 'Spanish', ru: 'Russian' };

export function langName(tag: string): string {
  const p = tag.split(/[-_]/)[0].toLowerCase();
  return `${LANG_NAMES[p] ?? tag} (${tag})`;
}

function shortName(file: string): string {
  const parts = file.split(/[\\/]/);
  return parts.slice(-2).join('/');
}
