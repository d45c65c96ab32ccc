/** Character classes shared by the reader and the segmenter (Unicode blocks, no locale logic). */

/** Han ideographs: CJK Unified Ideographs, Extension A, Compatibility Ideographs, Extensions B+ (astral). */
export function isHan(cp: number): boolean {
  return (
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0x20000 && cp <= 0x3134f)
  );
}

/** Latin letters (Basic Latin, Latin-1, Latin Extended A/B, full-width A–Z a–z). */
export function isLatinLetter(cp: number): boolean {
  return (
    (cp >= 0x41 && cp <= 0x5a) ||
    (cp >= 0x61 && cp <= 0x7a) ||
    (cp >= 0xc0 && cp <= 0x24f && cp !== 0xd7 && cp !== 0xf7) ||
    (cp >= 0xff21 && cp <= 0xff3a) ||
    (cp >= 0xff41 && cp <= 0xff5a)
  );
}

/** CJK symbols and punctuation, full-width forms, and Han: characters after which a line break means no space. */
export function isCjkChar(cp: number): boolean {
  return isHan(cp) || (cp >= 0x3000 && cp <= 0x303f) || (cp >= 0xff00 && cp <= 0xffef) || cp === 0x2026 || cp === 0x201c || cp === 0x201d || cp === 0x2014;
}

/** White space of every kind a document may hold: ASCII, tab, NBSP, full-width (ideographic) space, thin spaces. */
export function isSpace(cp: number): boolean {
  return cp === 0x20 || cp === 0x09 || cp === 0x0a || cp === 0x0d || cp === 0x0c || cp === 0x0b || cp === 0xa0 || cp === 0x3000 || (cp >= 0x2000 && cp <= 0x200a) || cp === 0x202f || cp === 0x205f || cp === 0x1680;
}

/** Invisible characters dropped from sentence text: zero-width space/joiners, BOM inside text, soft hyphen. */
export function isInvisible(cp: number): boolean {
  return cp === 0x200b || cp === 0x200c || cp === 0x200d || cp === 0x2060 || cp === 0xfeff || cp === 0xad;
}

export function isDigit(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0xff10 && cp <= 0xff19);
}

export function isUpper(ch: string): boolean {
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(ch: string): boolean {
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}
