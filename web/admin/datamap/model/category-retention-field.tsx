import type { FieldIssues } from '../../field-issues.ts';
import type { Purpose } from '../datamap-types.ts';
import type { SelectOption } from '../fields/select-field.tsx';

type Rule = Purpose['retentionByCategory'][number];

export interface CategoryRetentionFieldProps {
  readonly value: readonly Rule[];
  /** The data categories a rule may name; the purpose's own come first. */
  readonly options: readonly SelectOption[];
  readonly issues: FieldIssues;
  readonly onChange: (value: Rule[]) => void;
}

/** The problems the server found with rule `i` (or with the list as a whole when `i` is undefined). */
function ruleIssue(issues: FieldIssues, i?: number): string | undefined {
  const prefix = i === undefined ? 'retentionByCategory' : `retentionByCategory.${i}`;
  const found = Object.entries(issues)
    .filter(([path]) => (i === undefined ? path === prefix : path.startsWith(prefix)))
    .map(([, message]) => message);
  return found.length === 0 ? undefined : found.join('; ');
}

/**
 * Retention per data category, where one category is kept longer or shorter than the purpose's period
 * (invoices ten years, the e-mail address only until the account closes).
 */
export function CategoryRetentionField({ value, options, issues, onChange }: CategoryRetentionFieldProps) {
  const change = (i: number, patch: Partial<Rule>) =>
    onChange(value.map((rule, at) => (at === i ? { ...rule, ...patch } : rule)));
  const listError = ruleIssue(issues);
  return (
    <fieldset className="field category-retention" aria-describedby="retention-rules-hint">
      <legend>Retention per data category</legend>
      <p id="retention-rules-hint" className="field-hint">
        Only where a category is kept for another time than the purpose’s period. Periods are ISO 8601
        durations (P2Y).
      </p>
      {value.length === 0 && <p className="status">No rules: every category follows the period above.</p>}
      <ol className="retention-rules">
        {value.map((rule, i) => {
          const error = ruleIssue(issues, i);
          const id = `retention-rule-${i}`;
          return (
            <li key={i} className="retention-rule">
              <label htmlFor={`${id}-category`}>Data category {i + 1}</label>
              <select
                id={`${id}-category`}
                value={rule.dataCategory}
                aria-invalid={error === undefined ? undefined : true}
                onChange={(event) => change(i, { dataCategory: event.target.value })}
              >
                {!options.some((o) => o.value === rule.dataCategory) && (
                  <option value={rule.dataCategory}>{rule.dataCategory || 'Choose a category'}</option>
                )}
                {options.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label} ({option.value})
                  </option>
                ))}
              </select>
              <label htmlFor={`${id}-period`}>Period {i + 1}</label>
              <input
                id={`${id}-period`}
                type="text"
                autoComplete="off"
                value={rule.period ?? ''}
                onChange={(event) => change(i, { period: event.target.value.trim() || null })}
              />
              <label htmlFor={`${id}-criteria`}>Criteria {i + 1}</label>
              <input
                id={`${id}-criteria`}
                type="text"
                value={rule.criteria}
                onChange={(event) => change(i, { criteria: event.target.value })}
              />
              <button
                type="button"
                className="button button-secondary button-small retention-remove"
                aria-label={`Remove retention rule ${i + 1}`}
                onClick={() => onChange(value.filter((_, at) => at !== i))}
              >
                Remove
              </button>
              {error !== undefined && <span className="field-error">{error}</span>}
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="button button-secondary button-small retention-add"
        onClick={() =>
          onChange([...value, { dataCategory: options[0]?.value ?? '', period: null, criteria: '' }])
        }
      >
        Add a retention rule
      </button>
      {listError !== undefined && <span className="field-error">{listError}</span>}
    </fieldset>
  );
}
