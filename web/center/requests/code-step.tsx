import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../shared/error-summary.tsx';
import { useLanguage } from '../i18n/language-context.ts';
import { describeError } from './describe-error.ts';
import { InputField } from './form-controls.tsx';
import { publicCall } from './public-api.ts';
import type { VerifyAnswer } from './request-api-types.ts';
import { StepHeading } from './step-heading.tsx';

export interface CodeStepProps {
  readonly requestId: string;
  /** The address the code went to, when the person typed it here. */
  readonly email?: string;
  readonly onVerified: (answer: VerifyAnswer) => void;
  /** Another way to check the code and send a new one (a request from an authorized agent). */
  readonly calls?: {
    readonly verify: (code: string) => Promise<VerifyAnswer>;
    readonly resend: () => Promise<void>;
  };
}

const CODE_FIELD = 'verification-code';

/** The second step: the 6-digit code from the email, with the tries left and a way to get a new code. */
export function CodeStep({ requestId, email, onVerified, calls }: CodeStepProps) {
  const { t, language } = useLanguage();
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<readonly FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const [resent, setResent] = useState<string | null>(null);
  const base = `/api/public/requests/${encodeURIComponent(requestId)}`;

  function fail(message: string): void {
    setProblems([{ fieldId: CODE_FIELD, message }]);
    setAttempt((n) => n + 1);
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setResent(null);
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) return fail(t.errors.codeInvalid);
    setBusy(true);
    try {
      onVerified(
        calls !== undefined
          ? await calls.verify(digits)
          : await publicCall<VerifyAnswer>('POST', `${base}/verify`, { body: { code: digits } }),
      );
    } catch (error) {
      fail(describeError(error, t, language === 'en'));
      setBusy(false);
    }
  }

  async function resend(): Promise<void> {
    setBusy(true);
    try {
      await (calls !== undefined ? calls.resend() : publicCall('POST', `${base}/resend-code`));
      setProblems([]);
      setCode('');
      setResent(t.code.resent);
    } catch (error) {
      fail(describeError(error, t, language === 'en'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <article className="request-step">
      <StepHeading title={t.code.title} titleSuffix={t.appName} />
      <p className="hero-text">{email === undefined ? t.agent.codeText : t.code.text(email)}</p>
      <form className="request-form" noValidate onSubmit={(event) => void submit(event)}>
        <ErrorSummary title={t.form.errorSummary} problems={problems} attempt={attempt} />
        <InputField
          id={CODE_FIELD}
          label={t.code.label}
          hint={t.code.hint}
          inputMode="numeric"
          autoComplete="one-time-code"
          required
          className="code-field"
          value={code}
          onChange={setCode}
          error={problems[0]?.message}
        />
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? t.code.checking : t.code.submit}
          </button>
          <button
            className="button button-secondary"
            type="button"
            disabled={busy}
            onClick={() => void resend()}
          >
            {t.code.resend}
          </button>
        </div>
        <p className="status" role="status">
          {resent}
        </p>
      </form>
      <p className="field-hint">{t.code.linkHint}</p>
    </article>
  );
}
