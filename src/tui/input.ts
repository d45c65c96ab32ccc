/** A one-line text field for prompts (go to, search, term entry): typing, backspace, ctrl-u clears, paste works. */
import type { Key } from 'ink';

/** Apply a key to a field value; returns the new value, or undefined when the key is not for the field. */
export function editLine(value: string, input: string, key: Key): string | undefined {
  if (key.backspace || key.delete) return Array.from(value).slice(0, -1).join('');
  if (key.ctrl && input === 'u') return '';
  if (key.ctrl || key.meta || key.escape || key.return || key.tab || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) {
    return undefined;
  }
  if (!input) return undefined;
  // Pasted text may contain line breaks: a field is one line.
  return value + input.replace(/[\r\n\t]+/g, ' ').replace(/[\x00-\x1f\x7f]/g, '');
}

const NO_KEY: Key = {
  upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
  return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false,
  super: false, hyper: false, capsLock: false, numLock: false,
};

/**
 * Ink hands over everything read in one chunk as one input: keys typed faster than a frame ("jm", "j\r") arrive
 * together. Split such a chunk back into single keys (Enter, Tab, Backspace and ctrl-letters included) so that no
 * key is lost; a named key (arrows…) or a single character passes through unchanged.
 */
export function splitKeys(input: string, key: Key): Array<[string, Key]> {
  const chars = Array.from(input);
  if (chars.length <= 1 || key.meta || key.escape || key.upArrow || key.downArrow || key.leftArrow || key.rightArrow || key.pageUp || key.pageDown) return [[input, key]];
  const out: Array<[string, Key]> = [];
  for (const c of chars) {
    const code = c.codePointAt(0)!;
    if (c === '\r' || c === '\n') out.push(['', { ...NO_KEY, return: true }]);
    else if (c === '\t') out.push(['', { ...NO_KEY, tab: true }]);
    else if (code === 0x7f || code === 0x08) out.push(['', { ...NO_KEY, backspace: true }]);
    else if (code >= 1 && code <= 26) out.push([String.fromCharCode(code + 96), { ...NO_KEY, ctrl: true }]);
    else if (code < 0x20) continue;
    else out.push([c, { ...NO_KEY, shift: c !== c.toLowerCase() }]);
  }
  return out;
}
