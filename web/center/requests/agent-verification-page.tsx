import { useEffect, useState } from 'react';
import { navigate } from '../../shared/navigate.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useLanguage } from '../i18n/language-context.ts';
import { CodeStep } from './code-step.tsx';
import { describeError } from './describe-error.ts';
import { publicCall } from './public-api.ts';
import type { VerifyAnswer } from './request-api-types.ts';
import { statusPath } from './status-link.ts';

interface AgentVerification {
  readonly agentName: string;
  readonly exercise: string;
  readonly needsVerification: boolean;
}

interface AgentVerifyAnswer extends VerifyAnswer {
  readonly redirectTo: string | null;
}

/**
 * The user_verification_url of DRP (spec 3.02.1): an authorized agent sends the person here, adding
 * `request_id` and `redirect_to`; the person gets a code by email, types it, and goes back to the agent.
 */
export function AgentVerificationPage({ id }: { readonly id: string }) {
  const { t, language } = useLanguage();
  const [params] = useState(() => new URLSearchParams(window.location.search));
  const requestId = params.get('request_id') ?? '';
  const redirectTo = params.get('redirect_to') ?? undefined;
  const base = `/api/public/agent-verifications/${encodeURIComponent(id)}`;
  const [view, setView] = useState<AgentVerification | null>(null);
  const [missing, setMissing] = useState(requestId === '');
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [returning, setReturning] = useState(false);

  useEffect(() => {
    if (requestId === '') return;
    const controller = new AbortController();
    publicCall<AgentVerification>('GET', `${base}?request_id=${encodeURIComponent(requestId)}`, {
      signal: controller.signal,
    }).then(setView, () => {
      if (!controller.signal.aborted) setMissing(true);
    });
    return () => controller.abort();
  }, [base, requestId]);

  async function sendCode(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await publicCall('POST', `${base}/send-code`, { body: { requestId } });
      setSent(true);
    } catch (failure) {
      setError(describeError(failure, t, language === 'en'));
    } finally {
      setBusy(false);
    }
  }

  const calls = {
    verify: (code: string) =>
      publicCall<AgentVerifyAnswer>('POST', `${base}/verify`, {
        body: { requestId, code, ...(redirectTo === undefined ? {} : { redirectTo }) },
      }),
    resend: () => publicCall<void>('POST', `${base}/send-code`, { body: { requestId } }),
  };

  function verified(answer: VerifyAnswer): void {
    const back = (answer as AgentVerifyAnswer).redirectTo;
    if (back !== null && back !== undefined) {
      setReturning(true);
      window.location.assign(back);
    } else {
      navigate(statusPath(answer.statusToken), { replace: true });
    }
  }

  if (sent && !returning) return <CodeStep requestId={id} calls={calls} onVerified={verified} />;
  return (
    <article className="request-step">
      <PageHeading title={t.agent.title} titleSuffix={t.appName} />
      {missing ? (
        <p className="alert" role="alert">
          {t.agent.missing}
        </p>
      ) : returning ? (
        <p className="status" role="status">
          {t.agent.returning}
        </p>
      ) : view === null ? (
        <p className="status" role="status">
          {t.loading}
        </p>
      ) : !view.needsVerification ? (
        <p className="status" role="status">
          {t.agent.done}
        </p>
      ) : (
        <>
          <p className="hero-text">
            {t.agent.intro(view.agentName, t.agent.actions[view.exercise] ?? view.exercise)}
          </p>
          <p>{t.agent.how}</p>
          {error !== null && (
            <p className="alert" role="alert">
              {error}
            </p>
          )}
          <div className="form-actions">
            <button className="button" type="button" disabled={busy} onClick={() => void sendCode()}>
              {t.agent.send}
            </button>
          </div>
        </>
      )}
    </article>
  );
}
