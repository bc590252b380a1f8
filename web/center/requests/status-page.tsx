import { useCallback, useEffect, useState } from 'react';
import { FINAL_STATUSES } from '../../../src/requests/request-vocabulary.ts';
import { ApiError } from '../../shared/api-error.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { formatDate } from '../i18n/format-date.ts';
import { useLanguage } from '../i18n/language-context.ts';
import type { CenterLanguage } from '../i18n/languages.ts';
import type { Messages } from '../i18n/messages-en.ts';
import { describeError } from './describe-error.ts';
import { DownloadSection } from './download-section.tsx';
import { publicCall } from './public-api.ts';
import { ART19_TYPES, RecipientsSection } from './recipients-section.tsx';
import type { RequestStatusView, TimelineEntry } from './request-api-types.ts';
import { tokenFromFragment } from './status-link.ts';

// While a request is open the page looks for news now and then, so a person waiting sees it move on.
const POLL_MS = 5000;

// Message subjects are written in the person's language; a step's reason comes as a catalogue key, so it is
// said in the language the page is read in. Only staff's own words (a refusal's reason) are quoted as written.
function shownMessage(entry: TimelineEntry, t: Messages, language: CenterLanguage): string | undefined {
  if (entry.reason === undefined) return entry.message;
  const say = t.reasons[entry.reason.key];
  if (say === undefined) return entry.reason.text;
  const date = entry.reason.date === undefined ? '' : formatDate(entry.reason.date, language);
  return say(entry.reason.text ?? '', date);
}

/** The requester's private page: where the request stands, what happened, when it is due, the download. */
export function StatusPage() {
  const { t, language } = useLanguage();
  const [token] = useState(() => tokenFromFragment(window.location.hash));
  const [view, setView] = useState<RequestStatusView | null>(null);
  const [error, setError] = useState<string | null>(token === null ? 'missing' : null);

  const load = useCallback(
    async (signal?: AbortSignal) => {
      if (token === null) return;
      try {
        setView(
          await publicCall<RequestStatusView>('GET', '/api/public/request-status', {
            token,
            ...(signal ? { signal } : {}),
          }),
        );
        setError(null);
      } catch (failure) {
        if (signal?.aborted === true) return;
        setError(
          failure instanceof ApiError && failure.status === 404
            ? 'missing'
            : describeError(failure, t, language === 'en'),
        );
      }
    },
    [token, t, language],
  );

  useEffect(() => {
    const controller = new AbortController();
    void load(controller.signal);
    return () => controller.abort();
  }, [load]);

  const open = view !== null && !(FINAL_STATUSES as readonly string[]).includes(view.status);
  useEffect(() => {
    if (!open) return;
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [open, load]);

  const shownError = error === 'missing' ? t.status.missing : error;
  return (
    <article className="request-step">
      <PageHeading title={t.status.title} titleSuffix={t.appName} />
      {shownError !== null && (
        <p className="alert" role="alert">
          {shownError}
        </p>
      )}
      {view === null ? (
        shownError === null && (
          <p className="status" role="status">
            {t.loading}
          </p>
        )
      ) : (
        <>
          <dl className="request-facts">
            <dt>{t.status.type}</dt>
            <dd>{t.types[view.type] ?? view.type}</dd>
            <dt>{t.status.state}</dt>
            <dd>
              <span className={`request-status request-status-${view.status}`} role="status">
                {t.statuses[view.status] ?? view.status}
              </span>
            </dd>
            <dt>{t.status.received}</dt>
            <dd>{formatDate(view.receivedAt, language)}</dd>
            <dt>{t.status.due}</dt>
            <dd>{formatDate(view.dueAt, language)}</dd>
          </dl>
          <p className="field-hint">{t.status.bookmark}</p>
          <button className="button button-secondary" type="button" onClick={() => void load()}>
            {t.status.refresh}
          </button>
          {(view.type === 'access' || view.type === 'portability') && token !== null && (
            <DownloadSection view={view} token={token} />
          )}
          {ART19_TYPES.includes(view.type) && token !== null && (
            <RecipientsSection token={token} version={`${view.status}:${view.timeline.length}`} />
          )}
          <section className="panel-box" aria-labelledby="timeline-heading">
            <h2 id="timeline-heading">{t.status.timeline}</h2>
            <ol className="timeline">
              {view.timeline.map((entry, index) => {
                const message = shownMessage(entry, t, language);
                return (
                  <li key={`${entry.at}-${index}`}>
                    <time dateTime={entry.at}>{formatDate(entry.at, language, true)}</time>
                    <span>
                      {entry.status !== undefined && (t.statuses[entry.status] ?? entry.status)}
                      {entry.status !== undefined && message !== undefined && ': '}
                      {message}
                    </span>
                  </li>
                );
              })}
            </ol>
          </section>
        </>
      )}
    </article>
  );
}
