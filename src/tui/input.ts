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
