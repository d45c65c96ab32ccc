/**
 * The review screen's state as a pure reducer: (state, action) → state. No I/O, no rendering; tested on its own.
 *
 * Edits are recorded as splice patches over the link array (`at`, the links removed, the links inserted), the
 * classic command pattern with inverse operations: undo applies the inverse patches, redo the forward ones. A
 * patch holds only the few links it touches, so the history stays small on a 100,000-link file, and the same
 * patches are what the crash journal appends (see journal.ts), so replaying a journal reproduces the edits exactly.
 */
import type { Link, LinkSentence, LinkStatus } from '../model/types.js';

/** Replace `remove.length` links at index `at` by `insert`. */
export interface Patch {
  at: number;
  remove: Link[];
  insert: Link[];
}

export interface Edit {
  /** Unique, increasing: identifies a point in the history (for the unsaved-changes marker). */
  seq: number;
  label: string;
  patches: Patch[];
  cursorBefore: number;
  cursorAfter: number;
}

export type Side = 'src' | 'tgt';

export interface ReviewState {
  links: Link[];
  cursor: number;
  undo: Edit[];
  redo: Edit[];
  /** seq of the edit the saved file corresponds to (0: the file as opened). */
  savedSeq: number;
  nextSeq: number;
  /** Next number for a new link id `L<n>`. */
  nextIdNum: number;
  /** Last message for the status line (what an action did, or why it did nothing). */
  message?: string;
  /** Last search, for n / N. */
  search?: string;
}

export type Action =
  | { type: 'move'; delta: number }
  | { type: 'goto'; index: number }
  | { type: 'nextWhere'; what: 'low' | 'unconfirmed' | 'finding'; dir: 1 | -1; threshold?: number; linkIds?: ReadonlySet<string> }
  | { type: 'search'; query?: string; dir: 1 | -1 }
  | { type: 'mergeNext' }
  | { type: 'mergePrev' }
  | { type: 'split'; srcCut: number; tgtCut: number }
  /** Shift the boundary between the current link and the next one on one side: 'up' pushes the current link's last sentence down into the next link, 'down' pulls the next link's first sentence up into the current one. */
  | { type: 'shift'; side: Side; dir: 'up' | 'down' }
  /** Detach one sentence of the current link into its own 1-0 / 0-1 link. */
  | { type: 'unalign'; side: Side; index: number }
  | { type: 'setStatus'; status: LinkStatus; advance?: boolean }
  | { type: 'undo' }
  | { type: 'redo' }
  | { type: 'saved' }
  /** Replay an edit from the journal (forward patches, as recorded). */
  | { type: 'replay'; patches: Patch[]; label: string; cursor: number }
  | { type: 'message'; text?: string }
  /** More links read from the file (background loading): not an edit, not undoable. */
  | { type: 'append'; links: Link[] };

/** Confidence below which a link counts as low-confidence (review first). */
export const LOW_CONFIDENCE = 0.5;

export function initialState(links: Link[], cursor = 0): ReviewState {
  let max = 0;
  for (const l of links) {
    const m = /^L(\d+)$/.exec(l.id);
    if (m) max = Math.max(max, Number(m[1]));
  }
  // Ids of the form L<n> continue after the highest; other id schemes get L<count+1>… which cannot collide with them unless they use the same form.
  return { links, cursor: clamp(cursor, links.length), undo: [], redo: [], savedSeq: 0, nextSeq: 1, nextIdNum: Math.max(max, links.length) + 1 };
}

export function isDirty(s: ReviewState): boolean {
  return headSeq(s) !== s.savedSeq;
}

export function headSeq(s: ReviewState): number {
  return s.undo.length ? s.undo[s.undo.length - 1].seq : 0;
}

function clamp(i: number, n: number): number {
  return n === 0 ? 0 : Math.max(0, Math.min(n - 1, i));
}

export function applyPatch(links: Link[], p: Patch): Link[] {
  const out = links.slice(0, p.at);
  for (const l of p.insert) out.push(l);
  for (let i = p.at + p.remove.length; i < links.length; i++) out.push(links[i]);
  return out;
}

export function invertPatch(p: Patch): Patch {
  return { at: p.at, remove: p.insert, insert: p.remove };
}

export function linkType(l: Link): string {
  return `${l.src.length}-${l.tgt.length}`;
}

/** Is the link still waiting for a human decision? (auto or edited-but-not-confirmed count as unconfirmed.) */
export function isUnconfirmed(l: Link): boolean {
  return l.status === 'auto' || l.status === 'edited';
}

export function countByStatus(links: readonly Link[]): Record<LinkStatus, number> {
  const c: Record<LinkStatus, number> = { auto: 0, confirmed: 0, edited: 0, rejected: 0 };
  for (const l of links) c[l.status] = (c[l.status] ?? 0) + 1;
  return c;
}

function commit(s: ReviewState, label: string, patches: Patch[], cursorAfter: number, extra: Partial<ReviewState> = {}): ReviewState {
  let links = s.links;
  for (const p of patches) links = applyPatch(links, p);
  const edit: Edit = { seq: s.nextSeq, label, patches, cursorBefore: s.cursor, cursorAfter: clamp(cursorAfter, links.length) };
  return { ...s, ...extra, links, cursor: edit.cursorAfter, undo: [...s.undo, edit], redo: [], nextSeq: s.nextSeq + 1, message: label };
}

function withMessage(s: ReviewState, message: string): ReviewState {
  return { ...s, message };
}

function edited(l: Link, src: LinkSentence[], tgt: LinkSentence[], id = l.id): Link {
  const out: Link = { id, src, tgt, score: l.score, status: 'edited' };
  if (l.note !== undefined) out.note = l.note;
  return out;
}

function newLink(id: string, src: LinkSentence[], tgt: LinkSentence[], score: number): Link {
  return { id, src, tgt, score, status: 'edited' };
}

export function linkText(l: Link, side: Side): string {
  return l[side].map((x) => x.text).join(' ');
}

export function reduce(s: ReviewState, a: Action): ReviewState {
  const n = s.links.length;
  const cur = s.links[s.cursor];
  switch (a.type) {
    case 'message':
      return { ...s, message: a.text };
    case 'append': {
      if (a.links.length === 0) return s;
      let max = s.nextIdNum - 1;
      for (const l of a.links) {
        const m = /^L(\d+)$/.exec(l.id);
        if (m) max = Math.max(max, Number(m[1]));
      }
      const links = s.links.concat(a.links);
      return { ...s, links, nextIdNum: Math.max(max, links.length) + 1 };
    }
    case 'move':
      return { ...s, cursor: clamp(s.cursor + a.delta, n), message: undefined };
    case 'goto':
      return { ...s, cursor: clamp(a.index, n), message: undefined };
    case 'nextWhere': {
      const threshold = a.threshold ?? LOW_CONFIDENCE;
      const test =
        a.what === 'low'
          ? (l: Link) => l.score < threshold && l.status !== 'confirmed' && l.status !== 'rejected'
          : a.what === 'unconfirmed'
            ? isUnconfirmed
            : (l: Link) => a.linkIds?.has(l.id) ?? false;
      const found = findFrom(s.links, s.cursor, a.dir, test);
      const what = a.what === 'low' ? 'low-confidence link' : a.what === 'unconfirmed' ? 'unconfirmed link' : 'link with findings';
      if (found < 0) return withMessage(s, `no ${what} ${a.dir > 0 ? 'below' : 'above'} (search wraps: none at all)`);
      return { ...s, cursor: found, message: found === s.cursor ? `this is the only ${what}` : undefined };
    }
    case 'search': {
      const query = (a.query ?? s.search ?? '').trim();
      if (!query) return withMessage(s, 'nothing to search for: press / and type some text');
      const q = query.toLowerCase();
      const found = findFrom(s.links, s.cursor, a.dir, (l) => linkText(l, 'src').toLowerCase().includes(q) || linkText(l, 'tgt').toLowerCase().includes(q));
      if (found < 0) return { ...s, search: query, message: `not found: ${query}` };
      return { ...s, search: query, cursor: found, message: `found “${query}” in link ${found + 1}` };
    }
    case 'mergeNext':
    case 'mergePrev': {
      const i = a.type === 'mergeNext' ? s.cursor : s.cursor - 1;
      if (i < 0 || i + 1 >= n) return withMessage(s, a.type === 'mergeNext' ? 'no next link to merge with' : 'no previous link to merge with');
      const x = s.links[i];
      const y = s.links[i + 1];
      const merged = edited(x, [...x.src, ...y.src], [...x.tgt, ...y.tgt]);
      merged.score = Math.min(x.score, y.score);
      if (x.note !== undefined || y.note !== undefined) merged.note = [x.note, y.note].filter((t) => t !== undefined).join(' / ');
      return commit(s, `merged links ${i + 1} and ${i + 2}`, [{ at: i, remove: [x, y], insert: [merged] }], i);
    }
    case 'split': {
      if (!cur) return s;
      const { srcCut, tgtCut } = a;
      if (srcCut < 0 || srcCut > cur.src.length || tgtCut < 0 || tgtCut > cur.tgt.length) return withMessage(s, 'split point outside the link');
      const firstEmpty = srcCut === 0 && tgtCut === 0;
      const secondEmpty = srcCut === cur.src.length && tgtCut === cur.tgt.length;
      if (firstEmpty || secondEmpty) return withMessage(s, 'a split must leave at least one sentence on each part');
      const first = edited(cur, cur.src.slice(0, srcCut), cur.tgt.slice(0, tgtCut));
      const second = newLink(`L${s.nextIdNum}`, cur.src.slice(srcCut), cur.tgt.slice(tgtCut), cur.score);
      return commit(s, `split link ${s.cursor + 1} into ${linkType(first)} + ${linkType(second)}`, [{ at: s.cursor, remove: [cur], insert: [first, second] }], s.cursor, {
        nextIdNum: s.nextIdNum + 1,
      });
    }
    case 'shift': {
      if (!cur) return s;
      const i = s.cursor;
      const next = s.links[i + 1];
      const side = a.side;
      const sideName = side === 'src' ? 'source' : 'target';
      if (a.dir === 'up') {
        // Push the last sentence of the current link down into the next link (a new 1-0/0-1 link when there is none).
        if (cur[side].length === 0) return withMessage(s, `no ${sideName} sentence in this link to move down`);
        const moved = cur[side][cur[side].length - 1];
        const curNew = edited(cur, side === 'src' ? cur.src.slice(0, -1) : cur.src, side === 'tgt' ? cur.tgt.slice(0, -1) : cur.tgt);
        const curKeep = curNew.src.length + curNew.tgt.length > 0;
        let extra: Partial<ReviewState> = {};
        let insert: Link[];
        let remove: Link[];
        if (next) {
          const nextNew = edited(next, side === 'src' ? [moved, ...next.src] : next.src, side === 'tgt' ? [moved, ...next.tgt] : next.tgt);
          remove = [cur, next];
          insert = curKeep ? [curNew, nextNew] : [nextNew];
        } else {
          const lone = newLink(`L${s.nextIdNum}`, side === 'src' ? [moved] : [], side === 'tgt' ? [moved] : [], cur.score);
          extra = { nextIdNum: s.nextIdNum + 1 };
          remove = [cur];
          insert = curKeep ? [curNew, lone] : [lone];
        }
        return commit(s, `moved the last ${sideName} sentence of link ${i + 1} into the next link`, [{ at: i, remove, insert }], curKeep ? i : i, extra);
      }
      // dir 'down': pull the first sentence of the next link up.
      if (!next) return withMessage(s, 'no next link to take a sentence from');
      if (next[side].length === 0) return withMessage(s, `the next link has no ${sideName} sentence`);
      const moved = next[side][0];
      const curNew = edited(cur, side === 'src' ? [...cur.src, moved] : cur.src, side === 'tgt' ? [...cur.tgt, moved] : cur.tgt);
      const nextNew = edited(next, side === 'src' ? next.src.slice(1) : next.src, side === 'tgt' ? next.tgt.slice(1) : next.tgt);
      const nextKeep = nextNew.src.length + nextNew.tgt.length > 0;
      return commit(s, `moved the first ${sideName} sentence of link ${i + 2} into link ${i + 1}`, [{ at: i, remove: [cur, next], insert: nextKeep ? [curNew, nextNew] : [curNew] }], i);
    }
    case 'unalign': {
      if (!cur) return s;
      const sentences = cur[a.side];
      if (a.index < 0 || a.index >= sentences.length) return withMessage(s, 'no such sentence in this link');
      const other: Side = a.side === 'src' ? 'tgt' : 'src';
      if (sentences.length === 1 && cur[other].length === 0) return withMessage(s, 'this sentence is already unaligned');
      // Detaching a middle sentence would break document order: only the first or last of a side can leave the link.
      if (a.index !== 0 && a.index !== sentences.length - 1) return withMessage(s, 'only the first or last sentence of a side can be marked unaligned: split the link first (s)');
      const rest = sentences.filter((_, k) => k !== a.index);
      const curNew = edited(cur, a.side === 'src' ? rest : cur.src, a.side === 'tgt' ? rest : cur.tgt);
      const lone = newLink(`L${s.nextIdNum}`, a.side === 'src' ? [sentences[a.index]] : [], a.side === 'tgt' ? [sentences[a.index]] : [], cur.score);
      const keep = curNew.src.length + curNew.tgt.length > 0;
      // The lone sentence goes before the link when it was the first of its side (document order), after it otherwise.
      const before = a.index === 0 && rest.length > 0;
      const insert = !keep ? [lone] : before ? [lone, curNew] : [curNew, lone];
      const kind = a.side === 'src' ? '1-0' : '0-1';
      return commit(s, `marked a ${a.side === 'src' ? 'source' : 'target'} sentence of link ${s.cursor + 1} as unaligned (${kind})`, [{ at: s.cursor, remove: [cur], insert }], before ? s.cursor + 1 : s.cursor, {
        nextIdNum: s.nextIdNum + 1,
      });
    }
    case 'setStatus': {
      if (!cur) return s;
      const advance = a.advance ? Math.min(s.cursor + 1, n - 1) : s.cursor;
      if (cur.status === a.status) return { ...s, cursor: advance, message: `link ${s.cursor + 1} is already ${a.status}` };
      const upd: Link = { ...cur, status: a.status };
      return commit(s, `${a.status} link ${s.cursor + 1}`, [{ at: s.cursor, remove: [cur], insert: [upd] }], advance);
    }
    case 'undo': {
      const e = s.undo[s.undo.length - 1];
      if (!e) return withMessage(s, 'nothing to undo');
      let links = s.links;
      for (let k = e.patches.length - 1; k >= 0; k--) links = applyPatch(links, invertPatch(e.patches[k]));
      return { ...s, links, cursor: clamp(e.cursorBefore, links.length), undo: s.undo.slice(0, -1), redo: [...s.redo, e], message: `undone: ${e.label}` };
    }
    case 'redo': {
      const e = s.redo[s.redo.length - 1];
      if (!e) return withMessage(s, 'nothing to redo');
      let links = s.links;
      for (const p of e.patches) links = applyPatch(links, p);
      return { ...s, links, cursor: clamp(e.cursorAfter, links.length), undo: [...s.undo, e], redo: s.redo.slice(0, -1), message: `redone: ${e.label}` };
    }
    case 'saved':
      return { ...s, savedSeq: headSeq(s), message: 'saved' };
    case 'replay': {
      let maxId = s.nextIdNum - 1;
      for (const p of a.patches) for (const l of p.insert) {
        const m = /^L(\d+)$/.exec(l.id);
        if (m) maxId = Math.max(maxId, Number(m[1]));
      }
      return commit(s, a.label, a.patches, a.cursor, { nextIdNum: maxId + 1 });
    }
  }
}

/** Index of the next link (in direction dir, wrapping around, starting after `from`) that passes `test`; -1 when none. */
export function findFrom(links: readonly Link[], from: number, dir: 1 | -1, test: (l: Link) => boolean): number {
  const n = links.length;
  for (let k = 1; k <= n; k++) {
    const i = (((from + dir * k) % n) + n) % n;
    if (test(links[i])) return i;
  }
  return -1;
}

/** The edits between the saved point and the head, as forward patches (what the journal must hold). */
export function lastEdit(s: ReviewState): Edit | undefined {
  return s.undo[s.undo.length - 1];
}
