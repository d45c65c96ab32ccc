/** The registry of checks, in report order. Ids are stable: config files, baselines and SARIF rules refer to them. */
import type { Check } from './types.js';
import { termMissing, termForbidden } from './checks/terms.js';
import { sameSourceDifferentTarget, sameTargetDifferentSource } from './checks/inconsistency.js';
import { termVariants } from './checks/term-variants.js';
import { spellingVariants } from './checks/spelling-variants.js';
import { targetMissing, sourceMissing } from './checks/target-missing.js';
import { targetIdentical } from './checks/target-identical.js';
import { truncatedSentence } from './checks/truncated-sentence.js';
import { lengthRatio } from './checks/length-ratio.js';
import { unbalancedBrackets } from './checks/unbalanced-brackets.js';
import { lowConfidence } from './checks/low-confidence.js';
import { numberMissing, numberExtra } from './checks/numbers.js';

export const CHECKS: readonly Check[] = [
  termMissing,
  termForbidden,
  sameSourceDifferentTarget,
  sameTargetDifferentSource,
  termVariants,
  spellingVariants,
  numberMissing,
  numberExtra,
  targetMissing,
  sourceMissing,
  targetIdentical,
  truncatedSentence,
  lengthRatio,
  unbalancedBrackets,
  lowConfidence,
];

export function getCheck(id: string): Check | undefined {
  return CHECKS.find((c) => c.id === id);
}
