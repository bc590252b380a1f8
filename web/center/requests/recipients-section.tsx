import { useEffect, useState } from 'react';
import { formatDate } from '../i18n/format-date.ts';
import { useLanguage } from '../i18n/language-context.ts';
import { publicCall } from './public-api.ts';

/** The request types after which every recipient of the data is told (Art. 19 GDPR). */
export const ART19_TYPES: readonly string[] = ['erasure', 'rectification', 'restriction'];

interface RecipientNotice {
  readonly recipient: string;
  readonly channel: string;
  readonly notifiedAt: string;
  readonly outcome: string;
}

export interface RecipientsSectionProps {
  readonly token: string;
  /** Changes whenever the request does, so that the list is read again. */
  readonly version: string;
}

/** Which recipients were told of the person's correction, erasure or restriction, and how it went. */
export function RecipientsSection({ token, version }: RecipientsSectionProps) {
  const { t, language } = useLanguage();
  const [notices, setNotices] = useState<readonly RecipientNotice[] | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    publicCall<{ recipients: RecipientNotice[] }>('GET', '/api/public/request-status/recipients', {
      token,
      signal: controller.signal,
    }).then(
      (answer) => setNotices(answer.recipients),
      // The list is extra: when it cannot be read the rest of the page still stands.
      () => undefined,
    );
    return () => controller.abort();
  }, [token, version]);

  return (
    <section className="panel-box" aria-labelledby="recipients-heading">
      <h2 id="recipients-heading">{t.status.recipients}</h2>
      <p className="field-hint">{t.status.recipientsIntro}</p>
      {notices === null || notices.length === 0 ? (
        <p>{t.status.recipientsNone}</p>
      ) : (
        <ul className="recipient-notices">
          {notices.map((notice) => (
            <li key={notice.recipient}>
              <strong>{notice.recipient}</strong>: {t.status.outcomes[notice.outcome] ?? notice.outcome} (
              <time dateTime={notice.notifiedAt}>{formatDate(notice.notifiedAt, language)}</time>)
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
