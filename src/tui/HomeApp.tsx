/**
 * The home screen (`bitext` on a terminal): the alignments with their state, the term base, and the actions —
 * review, align a new document or pair, extract term candidates to accept or reject one by one, run the checks and
 * jump from a finding into the review. Every action is also a CLI command (shown on screen, so it can be learned).
 */
import { useEffect, useReducer, useRef, type ReactElement } from 'react';
import { Box, Text, useApp, useInput, type Key } from 'ink';
import { useTerminalSize } from './terminal-size.js';
import type { Finding, TermStatus } from '../model/types.js';
import type { AlignmentInfo, Candidate, HomeBackend, TermBaseInfo } from './home.js';
import { padCells, cellWidth } from './layout.js';
import { severityColor, theme } from './theme.js';
import { splitKeys } from './input.js';

export type HomeResult = { kind: 'quit'; file?: undefined; at?: undefined } | { kind: 'review'; file: string; at?: string };

export interface HomeAppProps {
  backend: HomeBackend;
  /** Shown on arrival (e.g. what the last review did). */
  message?: string;
  /** Alignment to select on arrival. */
  selected?: string;
  size?: { columns: number; rows: number };
  onExit?: (r: HomeResult) => void;
}

type View =
  | { kind: 'main' }
  | { kind: 'pick'; docs: string[]; sel: number; marked: string[] }
  | { kind: 'candidates'; file: string; list: Candidate[]; sel: number; decided: Map<number, TermStatus | 'rejected'>; srcLang: string; tgtLang: string }
  | { kind: 'findings'; list: Finding[]; sel: number; error?: string }
  | { kind: 'help' };

interface HomeState {
  alignments: AlignmentInfo[];
  sel: number;
  termBase?: TermBaseInfo | null;
  view: View;
  busy?: string;
  message?: string;
}

export function HomeApp({ backend, message, selected, size, onExit }: HomeAppProps) {
  const { exit } = useApp();
  const [, rerender] = useReducer((x: number) => x + 1, 0);
  const st = useRef<HomeState>({ alignments: [], sel: 0, view: { kind: 'main' }, message });
  const writes = useRef<Promise<void>>(Promise.resolve());
  const set = (p: Partial<HomeState>) => {
    Object.assign(st.current, p);
    rerender();
  };
  const { columns, rows } = useTerminalSize(size);

  const refresh = async (select?: string) => {
    const files = await backend.listAlignments();
    const keep = select ?? st.current.alignments[st.current.sel]?.file ?? selected;
    const alignments: AlignmentInfo[] = files.map((f) => st.current.alignments.find((a) => a.file === f) ?? { file: f });
    set({ alignments, sel: Math.max(0, alignments.findIndex((a) => a.file === keep)) });
    backend.termBase().then((t) => set({ termBase: t ?? null }));
    for (const f of files) {
      const info = await backend.stats(f);
      const i = st.current.alignments.findIndex((a) => a.file === f);
      if (i >= 0) st.current.alignments[i] = { ...st.current.alignments[i], ...info, findings: st.current.alignments[i].findings };
      rerender();
    }
    if (files.length) {
      const r = await backend.checks(files);
      if (!r.error) {
        for (const a of st.current.alignments) a.findings = r.findings.filter((x) => sameFile(backend.cwd, x.file, a.file)).length;
        rerender();
      }
    }
  };

  useEffect(() => {
    void refresh(selected);
  }, []);

  const leave = (r: HomeResult) => {
    onExit?.(r);
    exit();
  };

  const busy = async (label: string, fn: () => Promise<void>) => {
    set({ busy: label, message: undefined });
    try {
      await fn();
    } catch (err) {
      set({ message: `${label.replace(/…$/, '')} failed: ${(err as Error).message}` });
    } finally {
      set({ busy: undefined });
    }
  };

  useInput((raw: string, rawKey: Key) => {
    for (const [input, key] of splitKeys(raw, rawKey)) onKey(input, key);
  });

  function onKey(input: string, key: Key) {
    const s = st.current;
    if (s.busy) return;
    const v = s.view;
    if (key.ctrl && input === 'c') return leave({ kind: 'quit' });
    const up = key.upArrow || input === 'k';
    const down = key.downArrow || input === 'j';
    switch (v.kind) {
      case 'help':
        return set({ view: { kind: 'main' } });
      case 'pick': {
        if (key.escape) return set({ view: { kind: 'main' } });
        if (up) return set({ view: { ...v, sel: Math.max(0, v.sel - 1) } });
        if (down) return set({ view: { ...v, sel: Math.min(v.docs.length - 1, v.sel + 1) } });
        const doc = v.docs[v.sel];
        if (input === ' ' && doc) {
          const marked = v.marked.includes(doc) ? v.marked.filter((d) => d !== doc) : [...v.marked, doc].slice(-2);
          return set({ view: { ...v, marked } });
        }
        if (key.return && doc) {
          const files = v.marked.length ? v.marked : [doc];
          void busy(`aligning ${files.join(' + ')}…`, async () => {
            const r = await backend.align(files);
            set({ view: { kind: 'main' }, message: `${r.summary || 'aligned'} — Enter to review ${r.output}` });
            await refresh(r.output);
          });
        }
        return;
      }
      case 'candidates': {
        if (key.escape || input === 'q') return set({ view: { kind: 'main' } });
        if (up) return set({ view: { ...v, sel: Math.max(0, v.sel - 1) } });
        if (down) return set({ view: { ...v, sel: Math.min(v.list.length - 1, v.sel + 1) } });
        const c = v.list[v.sel];
        if (!c) return;
        const next = () => {
          let k = v.sel + 1;
          while (k < v.list.length && v.decided.has(k)) k++;
          return Math.min(k, v.list.length - 1);
        };
        if (input === 'x') {
          v.decided.set(v.sel, 'rejected');
          return set({ view: { ...v, sel: next() }, message: `rejected ${c.zh} ↔ ${c.en}` });
        }
        const status: TermStatus | undefined = input === 'a' || key.return ? 'admitted' : input === 'p' ? 'preferred' : input === 'd' ? 'deprecated' : undefined;
        if (status) {
          const zhIsSrc = /^(zh|ja)/i.test(v.srcLang);
          const pair = { src: zhIsSrc ? c.zh : c.en, tgt: zhIsSrc ? c.en : c.zh, srcLang: v.srcLang, tgtLang: v.tgtLang, status, link: c.example ?? '' };
          const at = v.sel;
          v.decided.set(at, status);
          set({ view: { ...v, sel: next() } });
          // Writes run one after another (each rewrites reviewed.csv); the list stays usable meanwhile.
          writes.current = writes.current
            .then(() => backend.addTerm(pair, v.file))
            .then(
              (where) => {
                set({ message: `added ${c.zh} ↔ ${c.en} (${status}) to ${where}` });
                backend.termBase().then((t) => set({ termBase: t ?? null }));
              },
              (err: Error) => {
                v.decided.delete(at);
                set({ message: `not added: ${c.zh} ↔ ${c.en}: ${err.message}` });
              },
            );
        }
        return;
      }
      case 'findings': {
        if (key.escape || input === 'q') return set({ view: { kind: 'main' } });
        if (up) return set({ view: { ...v, sel: Math.max(0, v.sel - 1) } });
        if (down) return set({ view: { ...v, sel: Math.min(v.list.length - 1, v.sel + 1) } });
        if (key.pageDown) return set({ view: { ...v, sel: Math.min(v.list.length - 1, v.sel + listRows()) } });
        if (key.pageUp) return set({ view: { ...v, sel: Math.max(0, v.sel - listRows()) } });
        const f = v.list[v.sel];
        if (key.return && f) {
          const file = s.alignments.find((a) => sameFile(backend.cwd, f.file, a.file))?.file ?? f.file;
          return leave({ kind: 'review', file, at: f.link });
        }
        return;
      }
      case 'main':
        break;
    }
    const cur = s.alignments[s.sel];
    if (up) return set({ sel: Math.max(0, s.sel - 1) });
    if (down) return set({ sel: Math.min(s.alignments.length - 1, s.sel + 1) });
    if (input === 'q' || key.escape) return leave({ kind: 'quit' });
    if (input === '?') return set({ view: { kind: 'help' } });
    if ((key.return || input === 'r') && cur) return leave({ kind: 'review', file: cur.file });
    if (input === 'n') {
      return void busy('looking for documents…', async () => {
        const docs = await backend.documents();
        if (docs.length === 0) set({ message: `no .md or .txt documents in ${backend.alignmentsDir}/ or here: put the document there, or run bitext align FILE` });
        else set({ view: { kind: 'pick', docs, sel: 0, marked: [] } });
      });
    }
    if (input === 'e' && cur) {
      return void busy(`extracting term candidates from ${cur.file}…`, async () => {
        const r = await backend.candidates(cur.file);
        if (r.list.length === 0) set({ message: `no new term candidates in ${cur.file}` });
        else set({ view: { kind: 'candidates', file: cur.file, list: r.list, sel: 0, decided: new Map(), srcLang: r.srcLang, tgtLang: r.tgtLang } });
      });
    }
    if (input === 'c') {
      return void busy('running the checks…', async () => {
        const files = s.alignments.map((a) => a.file);
        if (!files.length) return set({ message: 'no alignments to check' });
        const r = await backend.checks(files);
        for (const a of st.current.alignments) a.findings = r.findings.filter((x) => sameFile(backend.cwd, x.file, a.file)).length;
        set({ view: { kind: 'findings', list: r.findings, sel: 0, error: r.error } });
      });
    }
    if (input === 'g') return void refresh();
  }

  function listRows() {
    return Math.max(3, rows - 1 - 6);
  }

  // ---- render ----
  const s = st.current;
  const width = Math.max(40, columns);
  const lines: ReactElement[] = [];
  const title = (t: string, right = '') => (
    <Text key={`t${lines.length}`} bold wrap="truncate">
      {padCells(t, Math.max(1, width - cellWidth(right)))}
      <Text color={theme.muted}>{right}</Text>
    </Text>
  );
  const h = listRows();
  const v = s.view;
  let keys = '';
  if (v.kind === 'main' || v.kind === 'help') {
    lines.push(title('bitext — alignment review and term base', backend.cwd));
    lines.push(<Text key="blank0"> </Text>);
    const nameW = Math.min(40, Math.max(26, ...s.alignments.map((a) => cellWidth(a.file) + 2)));
    lines.push(
      <Text key="hdr" color={theme.muted} wrap="truncate">
        {`  ${padCells(`Alignments (${backend.alignmentsDir}/)`, nameW)}${'links'.padStart(8)}${'unconfirmed'.padStart(13)}${'low conf.'.padStart(11)}${'findings'.padStart(10)}`}
      </Text>,
    );
    if (v.kind === 'help') {
      for (const [k, d] of HOME_KEYS) lines.push(<Text key={`hk${k}`} wrap="truncate"><Text color={theme.accent}>{padCells(`  ${k}`, 14)}</Text>{d}</Text>);
    } else if (s.alignments.length === 0) {
      lines.push(<Text key="none" color={theme.muted} wrap="truncate">{`  none yet — press n to align a document (or run: bitext align FILE -o ${backend.alignmentsDir}/NAME.jsonl)`}</Text>);
    }
    const shown = v.kind === 'help' ? [] : window(s.alignments, s.sel, h - 3);
    for (const [i, a] of shown) {
      const sel = i === s.sel;
      const num = (n: number | undefined, w: number, color?: string) => <Text color={n ? color : theme.muted}>{(n === undefined ? '…' : String(n)).padStart(w)}</Text>;
      lines.push(
        <Text key={a.file} wrap="truncate">
          <Text color={theme.selection} bold={sel}>{sel ? '▶ ' : '  '}</Text>
          <Text bold={sel}>{padCells(a.file, nameW)}</Text>
          {a.error ? (
            <Text color={theme.bad}>{`  cannot read: ${a.error}`}</Text>
          ) : (
            <>
              {num(a.links, 8)}
              {num(a.unconfirmed, 13, theme.warn)}
              {num(a.low, 11, theme.bad)}
              {num(a.findings, 10, theme.warn)}
            </>
          )}
        </Text>,
      );
    }
    lines.push(<Text key="blank1"> </Text>);
    const tb = s.termBase;
    lines.push(
      <Text key="tb" wrap="truncate">
        <Text bold>{`Term base (${backend.glossaryDir}/): `}</Text>
        {tb === undefined ? '…' : tb === null ? 'none yet (add terms from a review with a, or accept extracted candidates)' : tb.error ? <Text color={theme.bad}>{tb.error}</Text> : `${tb.concepts} concepts, ${tb.terms} terms in ${tb.files} file${tb.files === 1 ? '' : 's'}`}
      </Text>,
    );
    keys = 'Enter review · n align a new document · e extract terms · c run checks · g refresh · ? keys · q quit';
  } else if (v.kind === 'pick') {
    lines.push(title('Align a new document', 'bitext align FILE [FILE2] -o alignments/NAME.jsonl'));
    lines.push(<Text key="p1" color={theme.muted} wrap="truncate">  A bilingual document (English and Chinese blocks), or Space-mark two: source, then target.</Text>);
    for (const [i, d] of window(v.docs, v.sel, h - 1)) {
      const m = v.marked.indexOf(d);
      lines.push(
        <Text key={d} wrap="truncate">
          <Text color={theme.selection}>{i === v.sel ? '▶ ' : '  '}</Text>
          <Text color={theme.accent}>{m === 0 ? '[source] ' : m === 1 ? '[target] ' : '         '}</Text>
          <Text bold={i === v.sel}>{d}</Text>
        </Text>,
      );
    }
    keys = 'Space mark · Enter align (the marked pair, or the document under the cursor) · Esc back';
  } else if (v.kind === 'candidates') {
    lines.push(title(`Term candidates from ${v.file} (${v.list.length})`, `accepted go to ${backend.glossaryDir}/reviewed.csv`));
    const zw = Math.min(24, Math.max(9, ...v.list.map((c) => cellWidth(c.zh) + 2)));
    const ew = Math.max(20, Math.min(60, width - zw - 18));
    lines.push(<Text key="ch" color={theme.muted} wrap="truncate">{`    ${padCells('Chinese', zw)}${padCells('English', ew)} score  freq`}</Text>);
    for (const [i, c] of window(v.list, v.sel, h - 1)) {
      const d = v.decided.get(i);
      lines.push(
        <Text key={`c${i}`} wrap="truncate" dimColor={d === 'rejected'}>
          <Text color={theme.selection}>{i === v.sel ? '▶ ' : '  '}</Text>
          <Text color={d === undefined ? undefined : d === 'rejected' ? theme.bad : theme.good}>{d === undefined ? '  ' : d === 'rejected' ? '✗ ' : '✓ '}</Text>
          <Text bold={i === v.sel}>{padCells(c.zh, zw)}</Text>
          {padCells(c.en, ew)}
          {` ${c.score.toFixed(2)} ${String(c.freq).padStart(5)}`}
        </Text>,
      );
    }
    keys = 'a / Enter accept (admitted) · p accept as preferred · d as deprecated · x reject · ↑↓ move · Esc back';
  } else if (v.kind === 'findings') {
    lines.push(title(`Check findings (${v.list.length})`, 'bitext check'));
    if (v.error) lines.push(<Text key="fe" color={theme.bad} wrap="truncate">{`  the checks did not run: ${v.error}`}</Text>);
    else if (v.list.length === 0) lines.push(<Text key="f0" color={theme.good}>  no findings</Text>);
    for (const [i, f] of window(v.list, v.sel, h - 1)) {
      lines.push(
        <Text key={`f${i}`} wrap="truncate">
          <Text color={theme.selection}>{i === v.sel ? '▶ ' : '  '}</Text>
          <Text color={severityColor(f.severity)}>{f.severity.padEnd(8)}</Text>
          <Text color={theme.muted}>{`${shortFile(f.file)}${f.link ? ` ${f.link}` : ''} ${f.check}: `}</Text>
          {f.message}
        </Text>,
      );
    }
    keys = 'Enter open the review at this link · ↑↓ PgUp PgDn move · Esc back';
  }
  while (lines.length < rows - 3) lines.push(<Text key={`pad${lines.length}`}> </Text>);
  const out = lines.slice(0, rows - 3);
  return (
    <Box flexDirection="column" width={width}>
      {out}
      <Text wrap="truncate" inverse>{padCells(` ${keys}`, width)}</Text>
      <Text wrap="truncate" color={s.busy ? theme.accent : undefined}>{s.busy ?? s.message ?? ''}</Text>
    </Box>
  );
}

export const HOME_KEYS: Array<[string, string]> = [
  ['↑ ↓  k j', 'choose an alignment'],
  ['Enter  r', 'review it (bitext review FILE)'],
  ['n', 'align a new document or pair (bitext align)'],
  ['e', 'extract term candidates from it, accept or reject them one by one'],
  ['c', 'run the checks on every alignment and jump from a finding into the review (bitext check)'],
  ['g', 'refresh the lists'],
  ['q', 'quit'],
];

/** The items to show around the selection: [index, item] pairs, at most `n`. */
function window<T>(items: readonly T[], sel: number, n: number): Array<[number, T]> {
  const count = Math.max(1, n);
  const start = Math.max(0, Math.min(sel - Math.floor(count / 2), items.length - count));
  return items.slice(start, start + count).map((x, k) => [start + k, x]);
}

function shortFile(f: string): string {
  return f.split(/[\\/]/).slice(-2).join('/');
}

function sameFile(cwd: string, a: string, b: string): boolean {
  const norm = (p: string) => (p.startsWith('/') ? p : `${cwd.replace(/\/$/, '')}/${p}`).replace(/\/\.\//g, '/');
  return norm(a) === norm(b);
}
