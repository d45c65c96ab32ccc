/** Language tags: bitext stores primary tags ('zh', 'en') on sentences and maps them to regional tags for exchange formats. */
import type { Lang } from '../model/types.js';

/** 'zh-CN' → 'zh', 'en_US' → 'en', 'ZH-hans-cn' → 'zh'. */
export function primaryLanguage(tag: Lang): string {
  // Remembered per tag: it is asked per link and per term, and a corpus or term base has a handful of tags.
  let v = primaryMemo.get(tag);
  if (v === undefined) {
    v = tag.trim().split(/[-_]/)[0].toLowerCase();
    if (primaryMemo.size < 256) primaryMemo.set(tag, v);
  }
  return v;
}
const primaryMemo = new Map<string, string>();
const CONTINUA = new Set(['zh', 'ja', 'th', 'lo', 'km', 'my']);

/** Languages written without spaces between words (matched on characters, joined without a space). */
export function isScriptioContinua(tag: Lang): boolean {
  return CONTINUA.has(primaryLanguage(tag));
}

/** Join the sentences of one link side: with a space for space-separated languages, directly for Chinese/Japanese. */
export function joinSentences(texts: readonly string[], lang: Lang): string {
  return texts.join(isScriptioContinua(lang) ? '' : ' ');
}

const REGIONAL: Record<string, string> = { zh: 'zh-CN', en: 'en-US', de: 'de-DE', fr: 'fr-FR', ja: 'ja-JP', ko: 'ko-KR', es: 'es-ES', it: 'it-IT', pt: 'pt-PT', ru: 'ru-RU' };

/** Regional tag for exchange formats: 'zh' → 'zh-CN', 'en' → 'en-US'; a tag that already has a region is kept. */
export function regionalTag(tag: Lang): string {
  if (/[-_]/.test(tag)) return normalizeTag(tag);
  return REGIONAL[primaryLanguage(tag)] ?? tag.toLowerCase();
}

/** Canonical BCP 47 casing: 'zh_cn' → 'zh-CN', 'eN-uS' → 'en-US', 'zh-hans' → 'zh-Hans'. */
export function normalizeTag(tag: Lang): string {
  const parts = tag.trim().split(/[-_]/);
  return parts
    .map((p, i) => {
      if (i === 0) return p.toLowerCase();
      if (p.length === 2) return p.toUpperCase();
      if (p.length === 4) return p[0].toUpperCase() + p.slice(1).toLowerCase();
      return p.toLowerCase();
    })
    .join('-');
}

/** Same language for matching purposes ('zh-CN' ~ 'zh', 'en_US' ~ 'en-GB'); the very same tag is decided at once. */
export function sameLanguage(a: Lang, b: Lang): boolean {
  return a === b || primaryLanguage(a) === primaryLanguage(b);
}
