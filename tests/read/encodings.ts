// Test encoders: bytes in UTF-16 LE/BE and GB18030 made by hand (TextEncoder only does UTF-8).
export const DOC = 'Hello world. This is English.\n\n这是中文。中国中文。\n';

export function utf16(text: string, littleEndian: boolean, bom = true): Uint8Array {
  const out: number[] = bom ? (littleEndian ? [0xff, 0xfe] : [0xfe, 0xff]) : [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (littleEndian) out.push(c & 0xff, c >> 8);
    else out.push(c >> 8, c & 0xff);
  }
  return new Uint8Array(out);
}

/** GB18030 (= GBK for these) two-byte codes of the Chinese characters in DOC. */
const GB: Record<string, [number, number]> = { 这: [0xd5, 0xe2], 是: [0xca, 0xc7], 中: [0xd6, 0xd0], 文: [0xce, 0xc4], 国: [0xb9, 0xfa], '。': [0xa1, 0xa3] };

export function gb18030(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (GB[ch]) out.push(...GB[ch]);
    else throw new Error(`no GB18030 code for ${ch} in the test table`);
  }
  return new Uint8Array(out);
}

export const ENCODED: Array<[string, Uint8Array, string]> = [
  ['UTF-8', new TextEncoder().encode(DOC), 'utf-8'],
  ['UTF-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(DOC)]), 'utf-8'],
  ['UTF-16LE with BOM', utf16(DOC, true), 'utf-16le'],
  ['UTF-16BE with BOM', utf16(DOC, false), 'utf-16be'],
  ['GB18030', gb18030(DOC), 'gb18030'],
];

/** Big5 (Traditional Chinese) codes of the characters of DOC_TW. */
const BIG5: Record<string, [number, number]> = { 這: [0xb3, 0x6f], 是: [0xac, 0x4f], 中: [0xa4, 0xa4], 文: [0xa4, 0xe5], 國: [0xb0, 0xea], '。': [0xa1, 0x43] };

export const DOC_TW = 'Hello world. This is English.\n\n這是中文。中國中文。\n';

export function big5(text: string): Uint8Array {
  const out: number[] = [];
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0));
    else if (BIG5[ch]) out.push(...BIG5[ch]);
    else throw new Error(`no Big5 code for ${ch} in the test table`);
  }
  return new Uint8Array(out);
}
