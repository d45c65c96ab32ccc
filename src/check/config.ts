/**
 * The check configuration file, `.bitext-check.json` (looked up in the current folder; --config names another):
 *
 *   { "checks": { "target-identical": "off", "length-ratio": "info" }, "failOn": "warning", "reviewThreshold": 0.4 }
 *
 * Unknown keys and unknown check ids are rejected (CONFIG_INVALID naming the key), so a typo never silently
 * disables nothing.
 */
import { BitextError } from '../errors.js';
import { lineColumnAt } from '../errors.js';
import type { CheckConfig } from './types.js';
import { CHECKS } from './registry.js';

export const CONFIG_FILE = '.bitext-check.json';
const LEVELS = ['error', 'warning', 'info', 'off'] as const;
const FAIL_ON = ['error', 'warning', 'info', 'never'] as const;
const KEYS = ['$schema', 'checks', 'failOn', 'reviewThreshold', 'baseline', 'glossary', 'lengthRatioZ'];

function bad(message: string, file: string | undefined, hint?: string, pos?: { line: number; column: number }): BitextError {
  return new BitextError('CONFIG_INVALID', message, { file, ...(pos ?? {}), hint: hint ?? `See bitext check --help; the keys are ${KEYS.filter((k) => k !== '$schema').join(', ')}.` });
}

function nearest(word: string, options: string[]): string | undefined {
  const w = word.toLowerCase();
  return options.find((o) => o.toLowerCase() === w) ?? options.find((o) => o.startsWith(w.slice(0, 4)) || w.startsWith(o.slice(0, 4)));
}

export function parseCheckConfig(text: string, file?: string): CheckConfig {
  let data: unknown;
  const body = text.replace(/^\uFEFF/, '');
  try {
    data = JSON.parse(body);
  } catch (err) {
    const m = /position (\d+)/.exec((err as Error).message);
    throw bad(`the config file is not valid JSON (${(err as Error).message.replace(/ in JSON at position \d+.*$/, '')})`, file, 'Fix the JSON (no comments, no trailing commas).', m ? lineColumnAt(body, Number(m[1])) : undefined);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw bad('the config file must hold a JSON object', file);
  const o = data as Record<string, unknown>;
  const out: CheckConfig = {};
  for (const [k, v] of Object.entries(o)) {
    switch (k) {
      case '$schema':
        break;
      case 'checks': {
        if (!v || typeof v !== 'object' || Array.isArray(v)) throw bad('"checks" must be an object of check id → "error" | "warning" | "info" | "off"', file);
        const ids = CHECKS.map((c) => c.id);
        out.checks = {};
        for (const [id, level] of Object.entries(v as Record<string, unknown>)) {
          if (!ids.includes(id)) {
            const n = nearest(id, ids);
            throw bad(`unknown check "${id}" in "checks"`, file, n ? `Did you mean "${n}"? bitext check --list-checks lists them.` : 'bitext check --list-checks lists the check ids.');
          }
          if (typeof level !== 'string' || !(LEVELS as readonly string[]).includes(level)) {
            throw bad(`"checks.${id}" must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(level)})`, file);
          }
          out.checks[id] = level as (typeof LEVELS)[number];
        }
        break;
      }
      case 'failOn':
        if (typeof v !== 'string' || !(FAIL_ON as readonly string[]).includes(v)) throw bad(`"failOn" must be one of ${FAIL_ON.join(', ')} (got ${JSON.stringify(v)})`, file);
        out.failOn = v as CheckConfig['failOn'];
        break;
      case 'reviewThreshold':
        if (typeof v !== 'number' || !(v >= 0 && v <= 1)) throw bad(`"reviewThreshold" must be a number from 0 to 1 (got ${JSON.stringify(v)})`, file);
        out.reviewThreshold = v;
        break;
      case 'lengthRatioZ':
        if (typeof v !== 'number' || !(v > 0)) throw bad(`"lengthRatioZ" must be a positive number (got ${JSON.stringify(v)})`, file);
        out.lengthRatioZ = v;
        break;
      case 'baseline':
      case 'glossary':
        if (typeof v !== 'string' || v === '') throw bad(`"${k}" must be a path (a string)`, file);
        out[k] = v;
        break;
      default: {
        const n = nearest(k, KEYS.filter((x) => x !== '$schema'));
        throw bad(`unknown key "${k}" in the config file`, file, n ? `Did you mean "${n}"? The keys are ${KEYS.filter((x) => x !== '$schema').join(', ')}.` : undefined);
      }
    }
  }
  return out;
}
