import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { TextAreaField } from '../datamap/fields/text-area-field.tsx';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';
import type { Campaign, MarketingListList } from './marketing-list.ts';
import { SelectField } from '../datamap/fields/select-field.tsx';

export interface CampaignFormProps {
  readonly lists: MarketingListList['lists'];
  readonly onSent: (campaign: Campaign) => void;
}

/** Sends a message to a list's subscribed, confirmed addresses; each mail carries one-click unsubscribe headers. */
export function CampaignForm({ lists, onSent }: CampaignFormProps) {
  const { api } = useAdmin();
  const [listKey, setListKey] = useState('');
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [linkText, setLinkText] = useState('');
  const [linkUrl, setLinkUrl] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});
  const chosen = lists.find((l) => l.key === listKey);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setError(null);
    setIssues({});
    if (chosen === undefined) {
      setIssues({ list: 'Choose the list to send to.' });
      setError('The campaign was not sent: choose a list.');
      return;
    }
    setBusy(true);
    try {
      const campaign = await api.post<Campaign>(
        `/api/admin/marketing/lists/${encodeURIComponent(chosen.key)}/send`,
        { subject: subject.trim(), text: text.trim(), linkText: linkText.trim(), linkUrl: linkUrl.trim() },
      );
      setSubject('');
      setText('');
      setLinkText('');
      setLinkUrl('');
      onSent(campaign);
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(`The campaign was not sent: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="campaign-form-heading">
      <h2 id="campaign-form-heading">Send a campaign</h2>
      <p>
        Goes to every subscribed address that confirmed its subscription, except people who objected to direct
        marketing, restricted processing or withdrew consent elsewhere. Every mail carries its own one-click
        unsubscribe link (RFC 8058). Lists above 500 recipients are sent by a background job.
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <SelectField
          id="campaign-list"
          label="List"
          value={listKey}
          options={[
            { value: '', label: 'Choose a list…' },
            ...lists.map((list) => ({
              value: list.key,
              label: `${list.name} (${list.subscribers.active} subscribed)`,
            })),
          ]}
          error={issues.list}
          onChange={setListKey}
        />
        <TextField
          id="campaign-subject"
          label="Subject"
          required
          value={subject}
          error={issues.subject}
          onChange={setSubject}
        />
        <TextAreaField
          id="campaign-text"
          label="Message"
          rows={6}
          hint="Plain text; blank lines separate paragraphs."
          value={text}
          error={issues.text}
          onChange={setText}
        />
        <TextField
          id="campaign-link-text"
          label="Button text"
          required
          value={linkText}
          error={issues.linkText}
          onChange={setLinkText}
        />
        <TextField
          id="campaign-link-url"
          label="Button link"
          type="url"
          required
          hint="Where the button leads, such as https://shop.example/spring."
          value={linkUrl}
          error={issues.linkUrl}
          onChange={setLinkUrl}
        />
        <div>
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Sending…' : 'Send campaign'}
          </button>
        </div>
      </form>
    </section>
  );
}
