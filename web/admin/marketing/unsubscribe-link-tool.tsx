import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { CopyButton } from '../copy-button.tsx';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';
import type { MarketingListList, UnsubscribeLinkAnswer } from './marketing-list.ts';
import { SelectField } from '../datamap/fields/select-field.tsx';

export interface UnsubscribeLinkToolProps {
  readonly lists: MarketingListList['lists'];
}

/** Makes the one-click unsubscribe URL and headers of one address on one list, for mail sent by another mailer. */
export function UnsubscribeLinkTool({ lists }: UnsubscribeLinkToolProps) {
  const { api } = useAdmin();
  const [email, setEmail] = useState('');
  const [listKey, setListKey] = useState('');
  const [answer, setAnswer] = useState<UnsubscribeLinkAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    setIssues({});
    setAnswer(null);
    if (listKey === '') {
      setIssues({ list: 'Choose the list.' });
      setError('No link was made: choose a list.');
      return;
    }
    setBusy(true);
    try {
      setAnswer(
        await api.post<UnsubscribeLinkAnswer>('/api/admin/unsubscribe-links', {
          email: email.trim(),
          list: listKey,
        }),
      );
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(`No link was made: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  const headers =
    answer === null
      ? ''
      : `List-Unsubscribe: ${answer.headers['List-Unsubscribe']}\r\nList-Unsubscribe-Post: ${answer.headers['List-Unsubscribe-Post']}`;
  return (
    <section className="panel" aria-labelledby="unsubscribe-link-heading">
      <h2 id="unsubscribe-link-heading">Unsubscribe links</h2>
      <p>
        For mail your own mailer sends: put both headers into the message and sign them with DKIM. A mail
        client unsubscribes with one click; opening the link only shows a confirmation page. Services can ask
        the same from <code>POST /api/admin/unsubscribe-links</code>.
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id="unsubscribe-email"
          label="Recipient address"
          type="email"
          autoComplete="off"
          required
          value={email}
          error={issues.email}
          onChange={setEmail}
        />
        <SelectField
          id="unsubscribe-list"
          label="List"
          value={listKey}
          options={[
            { value: '', label: 'Choose a list…' },
            ...lists.map((list) => ({ value: list.key, label: list.name })),
          ]}
          error={issues.list}
          onChange={setListKey}
        />
        <div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Making…' : 'Make link'}
          </button>
        </div>
      </form>
      {answer !== null && (
        <div className="field" role="group" aria-label="The unsubscribe link">
          <label htmlFor="unsubscribe-url">Unsubscribe URL</label>
          <input id="unsubscribe-url" type="text" readOnly value={answer.url} />
          <CopyButton text={answer.url} label="Copy the unsubscribe URL" />
          <label htmlFor="unsubscribe-headers">Headers</label>
          <textarea id="unsubscribe-headers" readOnly rows={2} value={headers} />
          <CopyButton text={headers} label="Copy the headers" />
        </div>
      )}
    </section>
  );
}
