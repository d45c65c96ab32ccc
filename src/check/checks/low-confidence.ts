/** Alignment confidence: automatic links scored below the review threshold that nobody confirmed. */
import type { Check } from '../types.js';

export const lowConfidence: Check = {
  id: 'low-confidence',
  title: 'Unconfirmed low-confidence link',
  description: 'The aligner scored this link below the review threshold and nobody confirmed or edited it. Look at it in bitext review and confirm, edit or reject it.',
  group: 'alignment',
  defaultSeverity: 'warning',
  link(p, ctx) {
    if (p.link.status !== 'auto') return undefined;
    const score = p.link.score;
    if (typeof score !== 'number' || !(score < ctx.reviewThreshold)) return undefined;
    return [{ message: `alignment confidence ${Number(score.toFixed(3))} is below the review threshold ${ctx.reviewThreshold} and the link is not confirmed`, data: { score, threshold: ctx.reviewThreshold } }];
  },
};
