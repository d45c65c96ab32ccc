import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { initialState, isDirty, reduce, type Action, type ReviewState } from '../../src/tui/state.js';
import { smallAlignment } from './fixture.js';
import type { Link } from '../../src/model/types.js';

const start = (cursor = 0) => initialState(smallAlignment().links, cursor);
const shape = (s: ReviewState) => s.links.map((l) => `${l.id}:${l.src.map((x) => x.id).join('+')}|${l.tgt.map((x) => x.id).join('+')}:${l.status}`);
const run = (s: ReviewState, ...actions: Action[]) => actions.reduce(reduce, s);

/** Every sentence of the original appears exactly once, in document order on each side. */
function sentencesPreserved(links: Link[]) {
  const src = links.flatMap((l) => l.src.map((x) => x.id));
  const tgt = links.flatMap((l) => l.tgt.map((x) => x.id));
  const orig = smallAlignment().links;
  expect(src).toEqual(orig.flatMap((l) => l.src.map((x) => x.id)));
  expect(tgt).toEqual(orig.flatMap((l) => l.tgt.map((x) => x.id)));
}

describe('review reducer: navigation', () => {
  it('moves, clamps, goes to a link', () => {
    let s = start();
    s = run(s, { type: 'move', delta: 1 }, { type: 'move', delta: 1 });
    expect(s.cursor).toBe(2);
    expect(run(s, { type: 'move', delta: -10 }).cursor).toBe(0);
    expect(run(s, { type: 'move', delta: 100 }).cursor).toBe(7);
    expect(run(s, { type: 'goto', index: 5 }).cursor).toBe(5);
  });

  it('jumps to the next low-confidence, unconfirmed and finding link, wrapping around', () => {
    const s = start();
    expect(run(s, { type: 'nextWhere', what: 'low', dir: 1 }).cursor).toBe(1);
    expect(run(s, { type: 'nextWhere', what: 'low', dir: 1 }, { type: 'nextWhere', what: 'low', dir: 1 }).cursor).toBe(2);
    expect(run(s, { type: 'nextWhere', what: 'low', dir: -1 }).cursor).toBe(5);
    const confirmed = run(s, { type: 'setStatus', status: 'confirmed' });
    expect(run(confirmed, { type: 'nextWhere', what: 'unconfirmed', dir: -1 }).cursor).toBe(7);
    expect(run(s, { type: 'nextWhere', what: 'finding', dir: 1, linkIds: new Set(['L7']) }).cursor).toBe(6);
    const none = run(s, { type: 'nextWhere', what: 'finding', dir: 1, linkIds: new Set() });
    expect(none.cursor).toBe(0);
    expect(none.message).toMatch(/no link with findings/);
  });

  it('searches both languages, case-insensitively, and repeats with n/N', () => {
    let s = run(start(), { type: 'search', query: '丝路电商', dir: 1 });
    expect(s.cursor).toBe(2);
    s = run(s, { type: 'search', query: 'the', dir: 1 });
    expect(s.cursor).toBe(5); // "The report was published in March."
    expect(s.links[s.cursor].src.concat(s.links[s.cursor].tgt).some((x) => /the/i.test(x.text))).toBe(true);
    const back = run(s, { type: 'search', dir: -1 });
    expect(back.cursor).toBeLessThan(s.cursor);
    expect(run(s, { type: 'search', query: 'zzz', dir: 1 }).message).toMatch(/not found/);
  });
});

describe('review reducer: edits', () => {
  it('merges with the next and the previous link; the merged link keeps the first id and is edited', () => {
    const s = run(start(1), { type: 'mergeNext' });
    expect(shape(s).slice(0, 3)).toEqual(['L1:en.0|zh.0:auto', 'L2:en.1+en.2|zh.1+zh.2:edited', 'L4:en.3|zh.3:auto']);
    expect(s.links[1].score).toBe(0.3);
    expect(s.links).toHaveLength(7);
    const p = run(start(2), { type: 'mergePrev' });
    expect(shape(p)[1]).toBe('L2:en.1+en.2|zh.1+zh.2:edited');
    expect(p.cursor).toBe(1);
    expect(run(start(7), { type: 'mergeNext' }).message).toMatch(/no next link/);
    expect(run(start(0), { type: 'mergePrev' }).links).toHaveLength(8);
  });

  it('splits a link at chosen cuts on each side; the second part gets a new id', () => {
    const s = run(start(1), { type: 'split', srcCut: 1, tgtCut: 1 });
    expect(shape(s).slice(1, 3)).toEqual(['L2:en.1|zh.1:edited', 'L9:en.2|:edited']);
    sentencesPreserved(s.links);
    expect(run(start(1), { type: 'split', srcCut: 0, tgtCut: 0 }).message).toMatch(/at least one sentence/);
    const s2 = run(s, { type: 'goto', index: 5 }, { type: 'split', srcCut: 1, tgtCut: 1 });
    expect(shape(s2).slice(5, 7)).toEqual(['L5:en.4|zh.4:edited', 'L10:|zh.5:edited']);
  });

  it('shifts the boundary with the next link on either side, dropping a link left empty', () => {
    // L2 = en.1+en.2 | zh.1 ; L3 = ∅ | zh.2 : push en.2 down into L3 → L2 1-1, L3 1-1.
    let s = run(start(1), { type: 'shift', side: 'src', dir: 'up' });
    expect(shape(s).slice(1, 3)).toEqual(['L2:en.1|zh.1:edited', 'L3:en.2|zh.2:edited']);
    sentencesPreserved(s.links);
    // Pull it back: the first source sentence of L3 goes up into L2.
    s = run(s, { type: 'shift', side: 'src', dir: 'down' });
    expect(shape(s).slice(1, 3)).toEqual(['L2:en.1+en.2|zh.1:edited', 'L3:|zh.2:edited']);
    // Pull the target of L3 up: L3 becomes empty and disappears.
    s = run(s, { type: 'shift', side: 'tgt', dir: 'down' });
    expect(shape(s)[1]).toBe('L2:en.1+en.2|zh.1+zh.2:edited');
    expect(s.links).toHaveLength(7);
    sentencesPreserved(s.links);
    expect(run(start(7), { type: 'shift', side: 'src', dir: 'down' }).message).toMatch(/no next link/);
    expect(run(start(2), { type: 'shift', side: 'src', dir: 'up' }).message).toMatch(/no source sentence/);
  });

  it('marks a sentence unaligned (1-0 / 0-1) in document order', () => {
    const s = run(start(4), { type: 'unalign', side: 'tgt', index: 1 });
    expect(shape(s).slice(4, 6)).toEqual(['L5:en.4|zh.4:edited', 'L9:|zh.5:edited']);
    const first = run(start(4), { type: 'unalign', side: 'tgt', index: 0 });
    expect(shape(first).slice(4, 6)).toEqual(['L9:|zh.4:edited', 'L5:en.4|zh.5:edited']);
    expect(first.cursor).toBe(5);
    const oneOne = run(start(0), { type: 'unalign', side: 'src', index: 0 });
    expect(shape(oneOne).slice(0, 2)).toEqual(['L1:|zh.0:edited', 'L9:en.0|:edited']);
    sentencesPreserved(oneOne.links);
    expect(run(start(2), { type: 'unalign', side: 'tgt', index: 0 }).message).toMatch(/already unaligned/);
    const three = initialState([{ id: 'L1', src: [0, 1, 2].map((k) => ({ id: `en.${k}`, text: `s${k}` })), tgt: [{ id: 'zh.0', text: 't' }], score: 1, status: 'auto' }]);
    expect(reduce(three, { type: 'unalign', side: 'src', index: 1 }).message).toMatch(/first or last/);
  });

  it('confirms and rejects, advancing to the next link', () => {
    const s = run(start(), { type: 'setStatus', status: 'confirmed', advance: true }, { type: 'setStatus', status: 'rejected', advance: true });
    expect(shape(s).slice(0, 2)).toEqual(['L1:en.0|zh.0:confirmed', 'L2:en.1+en.2|zh.1:rejected']);
    expect(s.cursor).toBe(2);
  });

  it('undoes and redoes every edit; the unsaved marker follows the saved point', () => {
    const s0 = start(1);
    const actions: Action[] = [
      { type: 'mergeNext' },
      { type: 'split', srcCut: 1, tgtCut: 1 },
      { type: 'shift', side: 'tgt', dir: 'down' },
      { type: 'unalign', side: 'src', index: 0 },
      { type: 'setStatus', status: 'confirmed' },
    ];
    const states = [s0];
    for (const a of actions) states.push(reduce(states[states.length - 1], a));
    let s = states[states.length - 1];
    expect(isDirty(s)).toBe(true);
    for (let k = actions.length - 1; k >= 0; k--) {
      s = reduce(s, { type: 'undo' });
      expect(s.links).toEqual(states[k].links);
    }
    expect(isDirty(s)).toBe(false);
    expect(reduce(s, { type: 'undo' }).message).toMatch(/nothing to undo/);
    for (let k = 1; k <= actions.length; k++) {
      s = reduce(s, { type: 'redo' });
      expect(s.links).toEqual(states[k].links);
    }
    s = reduce(s, { type: 'saved' });
    expect(isDirty(s)).toBe(false);
    s = reduce(s, { type: 'undo' });
    expect(isDirty(s)).toBe(true);
    s = reduce(s, { type: 'redo' });
    expect(isDirty(s)).toBe(false);
    // A new edit after an undo drops the redo stack.
    s = run(s, { type: 'undo' }, { type: 'mergeNext' });
    expect(s.redo).toHaveLength(0);
  });

  it('keeps every sentence exactly once, in order, and ids unique under any sequence of edits (property)', () => {
    const action = fc.oneof(
      fc.record({ type: fc.constant('move' as const), delta: fc.integer({ min: -3, max: 3 }) }),
      fc.constant({ type: 'mergeNext' as const }),
      fc.constant({ type: 'mergePrev' as const }),
      fc.record({ type: fc.constant('split' as const), srcCut: fc.integer({ min: 0, max: 3 }), tgtCut: fc.integer({ min: 0, max: 3 }) }),
      fc.record({ type: fc.constant('shift' as const), side: fc.constantFrom('src' as const, 'tgt' as const), dir: fc.constantFrom('up' as const, 'down' as const) }),
      fc.record({ type: fc.constant('unalign' as const), side: fc.constantFrom('src' as const, 'tgt' as const), index: fc.integer({ min: 0, max: 2 }) }),
      fc.constant({ type: 'undo' as const }),
      fc.constant({ type: 'redo' as const }),
    );
    fc.assert(
      fc.property(fc.array(action, { maxLength: 40 }), (actions) => {
        let s = start();
        for (const a of actions) s = reduce(s, a as Action);
        sentencesPreserved(s.links);
        expect(new Set(s.links.map((l) => l.id)).size).toBe(s.links.length);
        expect(s.links.every((l) => l.src.length + l.tgt.length > 0)).toBe(true);
        // Undo everything: back to the original.
        while (s.undo.length) s = reduce(s, { type: 'undo' });
        expect(s.links).toEqual(smallAlignment().links);
      }),
      { numRuns: 300 },
    );
  });
});
