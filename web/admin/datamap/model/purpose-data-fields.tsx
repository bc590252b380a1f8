import type { Recipient, Taxonomy } from '../datamap-types.ts';
import { CheckboxField } from '../fields/checkbox-field.tsx';
import { KeyCheckboxesField } from '../fields/key-checkboxes-field.tsx';
import { KeyListField } from '../fields/key-list-field.tsx';
import { SelectField } from '../fields/select-field.tsx';
import { TextAreaField } from '../fields/text-area-field.tsx';
import { TextField } from '../../text-field.tsx';
import { CategoryRetentionField } from './category-retention-field.tsx';
import type { PurposeFieldProps } from './purpose-field-props.ts';
import { taxonomyOptions } from './taxonomy-options.ts';

const sources = [
  { value: 'data_subject', label: 'The people themselves (Art. 13)' },
  { value: 'other_source', label: 'Another source (Art. 14)' },
  { value: 'both', label: 'Both' },
] as const;

// The purpose's own categories first: a rule nearly always names one of them.
function categoryChoices(taxonomy: Taxonomy | null, chosen: readonly string[]) {
  const all = taxonomyOptions(taxonomy, 'dataCategories');
  const own = chosen.map((key) => all.find((o) => o.value === key) ?? { value: key, label: key });
  return [...own, ...all.filter((o) => !chosen.includes(o.value))];
}

export interface PurposeDataFieldsProps extends PurposeFieldProps {
  readonly taxonomy: Taxonomy | null;
  readonly recipients: readonly Recipient[];
}

/** Whose data, which categories, from where, kept how long, shared with whom, and automated decisions. */
export function PurposeDataFields({ draft, set, issues, taxonomy, recipients }: PurposeDataFieldsProps) {
  return (
    <>
      <fieldset className="form-group">
        <legend>People and data</legend>
        <KeyListField
          id="purpose-subjects"
          label="Data subjects"
          options={taxonomyOptions(taxonomy, 'dataSubjects')}
          value={draft.dataSubjects}
          error={issues.dataSubjects}
          onChange={(dataSubjects) => set({ dataSubjects })}
        />
        <KeyListField
          id="purpose-categories"
          label="Data categories"
          options={taxonomyOptions(taxonomy, 'dataCategories')}
          value={draft.dataCategories}
          error={issues.dataCategories}
          onChange={(dataCategories) => set({ dataCategories })}
        />
        <SelectField
          id="purpose-source"
          label="Source of the data"
          value={draft.source}
          options={sources}
          error={issues.source}
          onChange={(value) =>
            set({ source: sources.find((s) => s.value === value)?.value ?? 'data_subject' })
          }
        />
        <TextAreaField
          id="purpose-source-description"
          label="Source described (optional)"
          value={draft.sourceDescription}
          error={issues.sourceDescription}
          onChange={(sourceDescription) => set({ sourceDescription })}
        />
      </fieldset>
      <fieldset className="form-group">
        <legend>Retention</legend>
        <TextField
          id="purpose-retention-period"
          label="Retention period"
          hint="An ISO 8601 duration: P6Y is six years, P18M eighteen months, P30D thirty days."
          value={draft.retentionPeriod ?? ''}
          error={issues.retentionPeriod}
          onChange={(value) => set({ retentionPeriod: value === '' ? null : value })}
        />
        <TextAreaField
          id="purpose-retention-criteria"
          label="Retention criteria"
          hint="When the period is not fixed: what ends it (“until the account is closed”)."
          value={draft.retentionCriteria}
          error={issues.retentionCriteria}
          onChange={(retentionCriteria) => set({ retentionCriteria })}
        />
        <CategoryRetentionField
          value={draft.retentionByCategory}
          options={categoryChoices(taxonomy, draft.dataCategories)}
          issues={issues}
          onChange={(retentionByCategory) => set({ retentionByCategory })}
        />
      </fieldset>
      <fieldset className="form-group">
        <legend>Recipients and decisions</legend>
        <KeyCheckboxesField
          id="purpose-recipients"
          legend="Recipients"
          hint="Besides those of the system."
          options={recipients.map((r) => ({ value: r.key, label: r.name }))}
          value={draft.recipientKeys}
          error={issues.recipientKeys}
          onChange={(recipientKeys) => set({ recipientKeys })}
        />
        <CheckboxField
          id="purpose-automated"
          label="Automated decision-making, including profiling (Art. 22)"
          checked={draft.automatedDecisionMaking}
          error={issues.automatedDecisionMaking}
          onChange={(automatedDecisionMaking) => set({ automatedDecisionMaking })}
        />
        {draft.automatedDecisionMaking && (
          <TextAreaField
            id="purpose-automated-logic"
            label="The logic involved, and its consequences"
            value={draft.automatedDecisionLogic}
            error={issues.automatedDecisionLogic}
            onChange={(automatedDecisionLogic) => set({ automatedDecisionLogic })}
          />
        )}
        <TextAreaField
          id="purpose-security"
          label="Security measures"
          value={draft.securityMeasures}
          error={issues.securityMeasures}
          onChange={(securityMeasures) => set({ securityMeasures })}
        />
      </fieldset>
    </>
  );
}
