import { useState, type FormEvent } from 'react';
import { JURISDICTIONS } from '../../../src/requests/request-vocabulary.ts';
import { ApiError } from '../../shared/api-error.ts';
import { ErrorSummary, type FormProblem } from '../../shared/error-summary.tsx';
import { useLanguage } from '../i18n/language-context.ts';
import type { CenterRequestType } from '../rights.ts';
import { describeError } from './describe-error.ts';
import { ChoiceGroup, InputField, SelectField } from './form-controls.tsx';
import { publicCall } from './public-api.ts';
import type { SubmitAnswer } from './request-api-types.ts';
import { draftProblems, emptyDraft, requestBody, type RequestDraft } from './request-draft.ts';
import { TypeFields } from './type-fields.tsx';

export interface RequestFormProps {
  /** The request types this form offers; more than one asks which (restriction or objection). */
  readonly types: readonly [CenterRequestType, ...CenterRequestType[]];
  readonly onSubmitted: (answer: SubmitAnswer, email: string) => void;
}

// Server issues name body paths; the page's controls have ids.
const FIELD_OF_PATH: Readonly<Record<string, string>> = {
  email: 'request-email',
  'identity.email': 'request-email',
  name: 'request-name',
  'identity.name': 'request-name',
  'details.restrictionGround': 'request-ground',
  'details.objectionPurposes': 'request-purposes',
  'details.portabilityTarget': 'request-endpoint',
  'details.corrections': 'correction-field-0',
  'details.note': 'request-note',
};

/** The form for one right: who is asking, what exactly, and the send button. */
export function RequestForm({ types, onSubmitted }: RequestFormProps) {
  const { t, language } = useLanguage();
  const [draft, setDraft] = useState<RequestDraft>(() => emptyDraft(types[0]));
  const [problems, setProblems] = useState<readonly FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [sending, setSending] = useState(false);
  const change = (patch: Partial<RequestDraft>) => setDraft((current) => ({ ...current, ...patch }));

  function fail(found: readonly FormProblem[]): void {
    setProblems(found);
    setAttempt((n) => n + 1);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const found = draftProblems(draft, t);
    if (found.length > 0) return fail(found);
    setSending(true);
    try {
      const answer = await publicCall<SubmitAnswer>('POST', '/api/public/requests', {
        body: requestBody(draft, language),
      });
      onSubmitted(answer, draft.email.trim());
    } catch (error) {
      const issues = error instanceof ApiError ? error.issues : [];
      const mapped = issues.flatMap((issue) => {
        const fieldId = FIELD_OF_PATH[issue.path.replace(/^body\./, '')];
        return fieldId === undefined ? [] : [{ fieldId, message: issue.message }];
      });
      fail(
        mapped.length > 0
          ? mapped
          : [{ fieldId: 'request-email', message: describeError(error, t, language === 'en') }],
      );
      setSending(false);
    }
  }

  const errors = Object.fromEntries(problems.map((problem) => [problem.fieldId, problem.message]));
  return (
    <form className="request-form" noValidate onSubmit={(event) => void submit(event)}>
      <ErrorSummary title={t.form.errorSummary} problems={problems} attempt={attempt} />
      {types.length > 1 && (
        <ChoiceGroup
          id="request-kind"
          legend={t.form.kindLegend}
          kind="radio"
          options={types.map((type) => ({
            value: type,
            label:
              type === 'restriction' || type === 'objection' ? t.form.kinds[type] : (t.types[type] ?? type),
          }))}
          selected={[draft.type]}
          onChange={([type]) => change({ type: type ?? types[0] })}
        />
      )}
      <TypeFields draft={draft} change={change} errors={errors} />
      <InputField
        id="request-email"
        label={t.form.email}
        hint={t.form.emailHint}
        type="email"
        inputMode="email"
        autoComplete="email"
        required
        value={draft.email}
        onChange={(email) => change({ email })}
        error={errors['request-email']}
      />
      <InputField
        id="request-name"
        label={t.form.name}
        autoComplete="name"
        value={draft.name}
        onChange={(name) => change({ name })}
        error={errors['request-name']}
      />
      <SelectField
        id="request-jurisdiction"
        label={t.form.jurisdiction}
        hint={t.form.jurisdictionHint}
        value={draft.jurisdiction}
        options={JURISDICTIONS.map((value) => ({ value, label: t.form.jurisdictions[value] }))}
        onChange={(jurisdiction) => change({ jurisdiction })}
      />
      <InputField
        id="request-note"
        label={draft.type === 'objection' ? t.form.objectionText : t.form.note}
        multiline
        value={draft.note}
        onChange={(note) => change({ note })}
        error={errors['request-note']}
      />
      <div className="form-actions">
        <button className="button" type="submit" disabled={sending}>
          {sending ? t.form.sending : t.form.submit}
        </button>
      </div>
    </form>
  );
}
