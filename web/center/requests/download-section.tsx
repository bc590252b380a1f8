import { useState, type FormEvent } from 'react';
import { ErrorSummary, type FormProblem } from '../../shared/error-summary.tsx';
import { formatDate } from '../i18n/format-date.ts';
import { useLanguage } from '../i18n/language-context.ts';
import { describeError } from './describe-error.ts';
import { InputField } from './form-controls.tsx';
import { publicCall } from './public-api.ts';
import type { DownloadAnswer, RequestStatusView } from './request-api-types.ts';

const CODE_FIELD = 'download-code';

// The API names the link by the configured public address; the page fetches it from its own origin, where
// the browser lets a same-origin link download instead of navigating away.
function startDownload(url: string): void {
  const target = new URL(url, window.location.origin);
  const link = document.createElement('a');
  link.href = target.pathname + target.search;
  link.download = '';
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

/** The package download: a fresh code by email proves it is still the person, then a one-time link. */
export function DownloadSection({
  view,
  token,
}: {
  readonly view: RequestStatusView;
  readonly token: string;
}) {
  const { t, language } = useLanguage();
  const [phase, setPhase] = useState<'idle' | 'code' | 'done'>('idle');
  const [code, setCode] = useState('');
  const [problems, setProblems] = useState<readonly FormProblem[]>([]);
  const [attempt, setAttempt] = useState(0);
  const [busy, setBusy] = useState(false);
  const english = language === 'en';

  function fail(message: string): void {
    setProblems([{ fieldId: CODE_FIELD, message }]);
    setAttempt((n) => n + 1);
  }

  async function askCode(): Promise<void> {
    setBusy(true);
    try {
      await publicCall('POST', '/api/public/request-status/download-code', { token });
      setProblems([]);
      setPhase('code');
      window.setTimeout(() => document.getElementById(CODE_FIELD)?.focus(), 0);
    } catch (error) {
      fail(describeError(error, t, english));
    } finally {
      setBusy(false);
    }
  }

  async function download(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) return fail(t.errors.codeInvalid);
    setBusy(true);
    try {
      const answer = await publicCall<DownloadAnswer>('POST', '/api/public/request-status/download', {
        token,
        body: { code: digits },
      });
      startDownload(answer.url);
      setProblems([]);
      setCode('');
      setPhase('done');
    } catch (error) {
      fail(describeError(error, t, english));
    } finally {
      setBusy(false);
    }
  }

  const until = view.download.expiresAt === undefined ? null : formatDate(view.download.expiresAt, language);
  return (
    <section className="panel-box" aria-labelledby="download-heading">
      <h2 id="download-heading">{t.status.download}</h2>
      {!view.download.available ? (
        <p>{t.status.downloadNotYet}</p>
      ) : (
        <>
          <p>{t.status.downloadReady(until)}</p>
          {phase === 'code' ? (
            <div>
              <p className="status" role="status">
                {t.status.codeSent}
              </p>
              <form className="request-form" noValidate onSubmit={(event) => void download(event)}>
                <ErrorSummary title={t.form.errorSummary} problems={problems} attempt={attempt} />
                <InputField
                  id={CODE_FIELD}
                  label={t.code.label}
                  hint={t.code.hint}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  className="code-field"
                  value={code}
                  onChange={setCode}
                  error={problems[0]?.message}
                />
                <div className="form-actions">
                  <button className="button" type="submit" disabled={busy}>
                    {t.status.downloadSubmit}
                  </button>
                  <button
                    className="button button-secondary"
                    type="button"
                    disabled={busy}
                    onClick={() => void askCode()}
                  >
                    {t.code.resend}
                  </button>
                </div>
              </form>
            </div>
          ) : (
            <>
              {problems.length > 0 && (
                <p className="alert" role="alert">
                  {problems[0]?.message}
                </p>
              )}
              <button className="button" type="button" disabled={busy} onClick={() => void askCode()}>
                {t.status.askCode}
              </button>
              {phase === 'done' && (
                <p className="status" role="status">
                  {t.status.downloadStarted}
                </p>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
