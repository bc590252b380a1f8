import { useEffect, useState } from 'react';
import { navigate } from '../../shared/navigate.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useLanguage } from '../i18n/language-context.ts';
import { publicCall } from './public-api.ts';
import type { VerifyAnswer } from './request-api-types.ts';
import { statusPath, tokenFromFragment } from './status-link.ts';

// A link works once: a second render of the page (development's double effects, a quick reload) must reuse
// the first answer instead of spending the token again.
const pending = new Map<string, Promise<VerifyAnswer>>();

function verifyOnce(token: string): Promise<VerifyAnswer> {
  let call = pending.get(token);
  if (call === undefined) {
    call = publicCall<VerifyAnswer>('POST', '/api/public/requests/verify-link', { body: { token } });
    pending.set(token, call);
  }
  return call;
}

/** Where the link in the verification email leads: confirms the request, then opens its status page. */
export function MagicLinkPage() {
  const { t } = useLanguage();
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (token === null) return;
    let current = true;
    verifyOnce(token).then(
      (answer) => {
        if (current) navigate(statusPath(answer.statusToken), { replace: true });
      },
      () => {
        if (current) setFailed(true);
      },
    );
    return () => {
      current = false;
    };
  }, [token]);

  return (
    <article className="request-step">
      <PageHeading title={t.verify.title} titleSuffix={t.appName} />
      {token === null || failed ? (
        <p className="alert" role="alert">
          {token === null ? t.verify.missing : t.verify.failed}
        </p>
      ) : (
        <p className="status" role="status">
          {t.verify.working}
        </p>
      )}
    </article>
  );
}
