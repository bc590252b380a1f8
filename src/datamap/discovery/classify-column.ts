import { clampConfidence, type CategoryProposal } from './category-proposal.ts';
import { typeFamily } from './column-type-family.ts';
import { matchingNameRules } from './match-name-rules.ts';
import type { NameRule } from './name-rules.ts';
import { bestValueMatch } from './value-detectors.ts';

/** What discovery knows about one column when it proposes a category. */
export interface ColumnEvidence {
  readonly name: string;
  readonly type: string;
  /** A few non-null values, as text. */
  readonly values: readonly string[];
  /** The table is about people, so context-dependent names (`name`, `city`, `title`) count. */
  readonly aboutPeople: boolean;
}

// Agreement needs most of the sample; a single odd value must not flip a column.
const AGREE = 0.6;
const DISAGREE = 0.3;

function fromValues(
  match: NonNullable<ReturnType<typeof bestValueMatch>>,
  sampled: number,
  note = '',
): CategoryProposal {
  const fraction = match.matches / sampled;
  return {
    category: match.detector.category,
    confidence: clampConfidence(0.5 + 0.4 * fraction * Math.min(1, sampled / 5)),
    reason: `${match.matches}/${sampled} sampled values are ${match.detector.label}${note}`,
  };
}

function fromName(
  rule: NameRule,
  name: string,
  backing: number | undefined,
  sampled: number,
): CategoryProposal {
  const because = `name "${name}" suggests ${rule.label}`;
  if (backing === undefined || sampled === 0)
    return { category: rule.category, confidence: rule.confidence, reason: because };
  if (backing / sampled >= AGREE)
    return {
      category: rule.category,
      // One agreeing value is weaker evidence than twenty.
      confidence: clampConfidence(
        rule.confidence + (backing === sampled ? 0.13 : 0.08) * Math.min(1, sampled / 5),
      ),
      reason: `${because}; ${backing}/${sampled} sampled values agree`,
    };
  return {
    category: rule.category,
    confidence: clampConfidence(rule.confidence - (backing / sampled < DISAGREE && sampled >= 3 ? 0.3 : 0.1)),
    reason: `${because}, but only ${backing}/${sampled} sampled values look like it`,
  };
}

/**
 * Proposes a personal-data category from a column's name and sampled values, or undefined when neither says
 * anything personal. Values that clearly are something else (emails in a `contact` column) win over the name.
 */
export function classifyColumn(column: ColumnEvidence, today: Date): CategoryProposal | undefined {
  const family = typeFamily(column.type);
  // A flag or a timestamp says nothing about a person by itself (`email_verified`, `phone_confirmed_at`).
  if (family === 'boolean') return undefined;
  const sampled = column.values.length;
  const values = family === 'binary' || family === 'json' ? undefined : bestValueMatch(column.values);
  const strong = values !== undefined && values.matches / sampled >= AGREE ? values : undefined;
  for (const rule of matchingNameRules(column.name, family, column.aboutPeople)) {
    const test = rule.values;
    const backing = test === undefined ? undefined : column.values.filter((v) => test(v, today)).length;
    const backed = backing !== undefined && sampled > 0 && backing / sampled >= AGREE;
    if (strong !== undefined && strong.detector.category !== rule.category && !backed)
      return fromValues(strong, sampled, ` (although the name suggests ${rule.label})`);
    if (rule.strict && backing !== undefined && sampled > 0 && !backed) continue;
    return fromName(rule, column.name, backing, sampled);
  }
  return strong === undefined ? undefined : fromValues(strong, sampled);
}
