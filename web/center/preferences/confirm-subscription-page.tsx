import { useEffect, useState } from 'react';
import { ApiError } from '../../shared/api-error.ts';
import { Link } from '../../shared/link.tsx';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useLanguage } from '../i18n/language-context.ts';
import { clearFragment, confirmSubscription, fragmentToken } from './preferences-api.ts';
import { preferencesTexts } from './preferences-texts.ts';

type State =
  | { kind: 'ready' }
  | { kind: 'busy' }
  | { kind: 'done'; list: string }
  | { kind: 'invalid' }
  | { kind: 'failed' };

/**
 * The double opt-in link's page. Confirming takes a click: opening the link alone changes nothing, because
 * mail scanners open links too.
 */
export function ConfirmSubscriptionPage() {
  const { language, t: center } = useLanguage();
  const t = preferencesTexts[language];
  const [token] = useState(fragmentToken);
  const [state, setState] = useState<State>(token === null ? { kind: 'invalid' } : { kind: 'ready' });
  useEffect(clearFragment, []);

  async function confirm(): Promise<void> {
    if (token === null) return;
    setState({ kind: 'busy' });
    try {
      const result = await confirmSubscription(token, language);
      setState({ kind: 'done', list: result.list.name });
    } catch (error) {
      setState(error instanceof ApiError && error.status === 400 ? { kind: 'invalid' } : { kind: 'failed' });
    }
  }

  return (
    <article className="placeholder">
      <PageHeading title={t.confirmTitle} titleSuffix={center.appName} />
      {(state.kind === 'ready' || state.kind === 'busy' || state.kind === 'failed') && (
        <>
          <p>{t.confirmIntro}</p>
          <p>
            <button
              className="button"
              type="button"
              disabled={state.kind === 'busy'}
              onClick={() => void confirm()}
            >
              {t.confirmButton}
            </button>
          </p>
        </>
      )}
      <div role="status" aria-live="polite">
        {state.kind === 'done' && <p className="notice-box">{t.confirmed(state.list)}</p>}
      </div>
      {state.kind === 'invalid' && (
        <p className="alert" role="alert">
          {t.confirmInvalid}
        </p>
      )}
      {state.kind === 'failed' && (
        <p className="alert" role="alert">
          {t.failed}
        </p>
      )}
      <p>
        <Link to="/preferences">{t.manage}</Link>
      </p>
    </article>
  );
}
