import {
  isLegalBasisCode,
  isSpecialConditionCode,
  legalBasisCodes,
} from '../../../../src/datamap/taxonomy/legal-bases.ts';
import type { Taxonomy } from '../datamap-types.ts';
import { CheckboxField } from '../fields/checkbox-field.tsx';
import { SelectField } from '../fields/select-field.tsx';
import { TextAreaField } from '../fields/text-area-field.tsx';
import { TextField } from '../../text-field.tsx';
import { legalBasisLabel } from '../legal-basis-label.ts';
import type { PurposeFieldProps } from './purpose-field-props.ts';

/** The lawful basis (Art. 6), what it needs (an assessment for 6.1.f, consent records for 6.1.a), Art. 9 and 10. */
export function PurposeBasisFields({
  draft,
  set,
  issues,
  taxonomy,
}: PurposeFieldProps & { readonly taxonomy: Taxonomy | null }) {
  const conditions = taxonomy?.specialCategoryConditions ?? [];
  return (
    <fieldset className="form-group">
      <legend>Lawful basis</legend>
      <SelectField
        id="purpose-legal-basis"
        label="Legal basis (Art. 6(1) GDPR)"
        value={draft.legalBasis ?? ''}
        options={[
          { value: '', label: 'Not decided yet' },
          ...legalBasisCodes.map((code) => ({ value: code, label: legalBasisLabel(code) })),
        ]}
        error={issues.legalBasis}
        onChange={(value) => set({ legalBasis: isLegalBasisCode(value) ? value : null })}
      />
      {draft.legalBasis === '6.1.f' && (
        <>
          <TextAreaField
            id="purpose-legitimate-interest"
            label="Legitimate interest pursued"
            hint="Told to people in the notice (Art. 13(1)(d))."
            value={draft.legitimateInterest}
            error={issues.legitimateInterest}
            onChange={(legitimateInterest) => set({ legitimateInterest })}
          />
          <TextAreaField
            id="purpose-assessment"
            label="Legitimate interest assessment"
            rows={5}
            hint="The balancing test: purpose, necessity, and the people's interests and expectations."
            value={draft.legitimateInterestAssessment}
            error={issues.legitimateInterestAssessment}
            onChange={(legitimateInterestAssessment) => set({ legitimateInterestAssessment })}
          />
          <CheckboxField
            id="purpose-assessment-public"
            label="Publish the assessment with the notice"
            checked={draft.assessmentPublic}
            error={issues.assessmentPublic}
            onChange={(assessmentPublic) => set({ assessmentPublic })}
          />
        </>
      )}
      {draft.legalBasis === '6.1.a' && (
        <TextField
          id="purpose-consent-record"
          label="Where the consent records are kept"
          value={draft.consentRecord}
          error={issues.consentRecord}
          onChange={(consentRecord) => set({ consentRecord })}
        />
      )}
      <SelectField
        id="purpose-special-condition"
        label="Special category condition (Art. 9(2) GDPR)"
        hint="Only when the purpose uses special category data (health, beliefs, biometrics …)."
        value={draft.specialCategoryCondition ?? ''}
        options={[
          { value: '', label: 'None: no special category data' },
          ...conditions.map((condition) => ({
            value: condition.code,
            label: `${condition.article}: ${condition.dpvName}`,
          })),
        ]}
        error={issues.specialCategoryCondition}
        onChange={(value) => set({ specialCategoryCondition: isSpecialConditionCode(value) ? value : null })}
      />
      <TextField
        id="purpose-offence-authority"
        label="Authority for criminal offence data (Art. 10, optional)"
        value={draft.criminalOffenceAuthority}
        error={issues.criminalOffenceAuthority}
        onChange={(criminalOffenceAuthority) => set({ criminalOffenceAuthority })}
      />
    </fieldset>
  );
}
