import { RESTRICTION_GROUNDS } from '../../../src/requests/request-vocabulary.ts';
import { useLanguage } from '../i18n/language-context.ts';
import { ChoiceGroup, InputField, SelectField } from './form-controls.tsx';
import type { RequestDraft } from './request-draft.ts';
import { useObjectablePurposes } from './use-objectable-purposes.ts';
import { useRectifiableFields, type RectifiableField } from './use-rectifiable-fields.ts';

export interface TypeFieldsProps {
  readonly draft: RequestDraft;
  readonly change: (patch: Partial<RequestDraft>) => void;
  readonly errors: Readonly<Record<string, string>>;
}

/** The questions only one kind of request asks: ground, purposes, corrections or destination. */
export function TypeFields({ draft, change, errors }: TypeFieldsProps) {
  const { t } = useLanguage();
  const objection = draft.type === 'objection';
  const { purposes, failed } = useObjectablePurposes(objection);
  const rectifiable = useRectifiableFields(draft.type === 'rectification');

  if (draft.type === 'restriction') {
    return (
      <ChoiceGroup
        id="request-ground"
        legend={t.form.groundLegend}
        kind="radio"
        options={RESTRICTION_GROUNDS.map((ground) => ({ value: ground, label: t.form.grounds[ground] }))}
        selected={draft.ground === null ? [] : [draft.ground]}
        onChange={([ground]) => change({ ground: ground ?? null })}
        error={errors['request-ground']}
      />
    );
  }
  if (objection) {
    if (purposes === null) {
      return failed ? (
        <p className="notice-box">{t.form.purposesUnavailable}</p>
      ) : (
        <p className="status" role="status">
          {t.loading}
        </p>
      );
    }
    return (
      <ChoiceGroup
        id="request-purposes"
        legend={t.form.purposesLegend}
        hint={t.form.purposesHint}
        kind="checkbox"
        options={[
          ...purposes.map((purpose) => ({ value: purpose.key, label: purpose.name })),
          { value: 'all', label: t.form.allPurposes },
        ]}
        selected={draft.purposes}
        onChange={(chosen) => change({ purposes: chosen })}
        error={errors['request-purposes']}
      />
    );
  }
  if (draft.type === 'rectification') {
    if (rectifiable === null) {
      return (
        <p className="status" role="status">
          {t.loading}
        </p>
      );
    }
    return <CorrectionFields draft={draft} change={change} errors={errors} fields={rectifiable} />;
  }
  if (draft.type === 'portability') {
    return (
      <ChoiceGroup
        id="request-target"
        legend={t.form.portabilityLegend}
        kind="radio"
        options={(['self', 'controller'] as const).map((value) => ({
          value,
          label: t.form.portabilityTargets[value],
        }))}
        selected={[draft.portabilityTarget]}
        onChange={([target]) => change({ portabilityTarget: target ?? 'self' })}
      >
        {draft.portabilityTarget === 'controller' && (
          <InputField
            id="request-endpoint"
            label={t.form.portabilityEndpoint}
            hint={t.form.portabilityEndpointHint}
            type="url"
            inputMode="url"
            value={draft.endpoint}
            onChange={(endpoint) => change({ endpoint })}
            error={errors['request-endpoint']}
            className="nested-field"
          />
        )}
      </ChoiceGroup>
    );
  }
  if (draft.type === 'opt_out_sale') return <p className="notice-box">{t.form.optOutText}</p>;
  if (draft.type === 'consent_withdrawal') return <p className="notice-box">{t.form.consentText}</p>;
  return null;
}

// With the data map's fields, the person picks one; without any, they name the data in their own words.
function CorrectionFields({
  draft,
  change,
  errors,
  fields,
}: TypeFieldsProps & { readonly fields: readonly RectifiableField[] }) {
  const { t } = useLanguage();
  const options = [
    { value: '', label: t.form.correctionChoose },
    ...fields.map((field) => ({ value: field.target, label: field.label })),
  ];
  function update(index: number, patch: Partial<RequestDraft['corrections'][number]>): void {
    change({ corrections: draft.corrections.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  }
  return (
    <fieldset className="choice-group">
      <legend>{t.form.correctionsLegend}</legend>
      {draft.corrections.map((correction, index) => (
        <div className="correction" key={index}>
          {fields.length > 0 ? (
            <SelectField
              id={`correction-field-${index}`}
              label={t.form.correctionField(index + 1)}
              value={correction.field}
              options={options}
              onChange={(field) => update(index, { field })}
              error={errors[`correction-field-${index}`]}
            />
          ) : (
            <InputField
              id={`correction-field-${index}`}
              label={t.form.correctionField(index + 1)}
              hint={index === 0 ? t.form.correctionFieldHint : undefined}
              value={correction.field}
              onChange={(field) => update(index, { field })}
              error={errors[`correction-field-${index}`]}
            />
          )}
          <InputField
            id={`correction-value-${index}`}
            label={t.form.correctionValue(index + 1)}
            value={correction.value}
            onChange={(value) => update(index, { value })}
            error={errors[`correction-value-${index}`]}
          />
          {index > 0 && (
            <button
              type="button"
              className="button button-secondary"
              onClick={() => {
                change({ corrections: draft.corrections.filter((_, i) => i !== index) });
                document.getElementById(`correction-field-${index - 1}`)?.focus();
              }}
            >
              {t.form.removeCorrection(index + 1)}
            </button>
          )}
        </div>
      ))}
      <button
        type="button"
        className="button button-secondary"
        onClick={() => {
          const next = draft.corrections.length;
          change({ corrections: [...draft.corrections, { field: '', value: '' }] });
          // The new row exists after the next render; moving there saves keyboard users a long tab.
          window.setTimeout(() => document.getElementById(`correction-field-${next}`)?.focus(), 0);
        }}
      >
        {t.form.addCorrection}
      </button>
    </fieldset>
  );
}
