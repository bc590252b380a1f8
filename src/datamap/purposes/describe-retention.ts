import type { Taxonomy } from '../taxonomy/taxonomy.ts';
import { labelOf } from '../taxonomy/taxonomy.ts';
import { describeDuration } from './describe-duration.ts';
import type { Purpose } from './purpose.ts';

function describeRule(period: string | null, criteria: string): string {
  const words = period === null ? '' : describeDuration(period);
  const why = criteria.trim();
  if (words && why) return `${words} (${why})`;
  return words || why || 'not determined';
}

/**
 * How long a purpose keeps data, in words: the purpose's rule first, then each data category that has its
 * own, e.g. `["6 years (from the end of the year of the order)", "Payment Information: 13 months"]`.
 */
export function describeRetention(purpose: Purpose, taxonomy: Taxonomy): string[] {
  const main =
    purpose.retentionPeriod === null && purpose.retentionCriteria.trim() === ''
      ? []
      : [describeRule(purpose.retentionPeriod, purpose.retentionCriteria)];
  const perCategory = purpose.retentionByCategory.map(
    (rule) =>
      `${labelOf(taxonomy, 'data_category', rule.dataCategory)}: ${describeRule(rule.period, rule.criteria)}`,
  );
  return [...main, ...perCategory];
}
