import { Link } from '../../shared/link.tsx';
import { PageHeading } from '../../shared/page-heading.tsx';
import { DateTime } from '../date-time.tsx';
import { useApiGet } from '../use-api-get.ts';
import {
  languageLabel,
  messageLabel,
  templatePagePath,
  type RequestTemplate,
} from './request-template-types.ts';

/** The messages requesters receive, per language, and which of them staff changed. */
export function RequestTemplatesPage() {
  const { data, error } = useApiGet<{ items: RequestTemplate[] }>('/api/admin/request-templates');
  return (
    <>
      <PageHeading title="Message templates" titleSuffix="Privet admin" />
      <p className="lead">
        The emails a person receives about their request, in each language they can choose. Edited templates
        are used for every message sent from then on; reset one to go back to the text Privet ships.
      </p>
      <p>
        <Link to="/admin/requests">Back to the requests</Link>
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          The templates could not be loaded: {error}
        </p>
      )}
      {data === null ? (
        error === null && <p role="status">Loading…</p>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="Message templates">
            <thead>
              <tr>
                <th scope="col">Message</th>
                <th scope="col">Language</th>
                <th scope="col">Subject</th>
                <th scope="col">Text</th>
              </tr>
            </thead>
            <tbody>
              {data.items.map((t) => (
                <tr key={`${t.message}/${t.language}`} data-template={`${t.message}/${t.language}`}>
                  <td>
                    <Link to={templatePagePath(t.message, t.language)}>
                      {messageLabel(t.message)} ({languageLabel(t.language)})
                    </Link>
                  </td>
                  <td>{languageLabel(t.language)}</td>
                  <td>{t.subject}</td>
                  <td>
                    {t.customised && t.updatedAt !== null ? (
                      <>
                        Edited <DateTime value={t.updatedAt} />
                      </>
                    ) : (
                      'Shipped'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
