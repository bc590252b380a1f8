import { useEffect, useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { Link } from '../../shared/link.tsx';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useAdmin } from '../admin-context.ts';
import { ConfirmDialog } from '../confirm-dialog.tsx';
import { TextAreaField } from '../datamap/fields/text-area-field.tsx';
import { useRoleAllows } from '../datamap/use-role-allows.ts';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';
import {
  languageLabel,
  messageLabel,
  templateApiPath,
  type RequestTemplate,
  type TemplatePreview,
} from './request-template-types.ts';

/** Edits, previews and resets one request message template in one language. */
export function RequestTemplateEditor({ message, language }: { message: string; language: string }) {
  const { api } = useAdmin();
  const canEdit = useRoleAllows('admin');
  const path = templateApiPath(message, language);
  const [template, setTemplate] = useState<RequestTemplate | null>(null);
  const [subject, setSubject] = useState('');
  const [body, setBody] = useState('');
  const [issues, setIssues] = useState<FieldIssues>({});
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [preview, setPreview] = useState<TemplatePreview | null>(null);
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);

  function show(loaded: RequestTemplate): void {
    setTemplate(loaded);
    setSubject(loaded.subject);
    setBody(loaded.body);
  }

  useEffect(() => {
    const controller = new AbortController();
    api.get<RequestTemplate>(path, controller.signal).then(show, (failure: unknown) => {
      if (!controller.signal.aborted) setError(errorMessage(failure));
    });
    return () => controller.abort();
  }, [api, path]);

  async function run(action: () => Promise<void>): Promise<void> {
    setBusy(true);
    setError(null);
    setNotice(null);
    setIssues({});
    try {
      await action();
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  function save(event: FormEvent<HTMLFormElement>): void {
    event.preventDefault();
    void run(async () => {
      show(await api.put<RequestTemplate>(path, { subject, body }));
      setNotice('Saved. Messages sent from now on use this text.');
    });
  }

  function showPreview(): void {
    void run(async () => setPreview(await api.post<TemplatePreview>(`${path}/preview`, { subject, body })));
  }

  function reset(): void {
    void run(async () => {
      show(await api.delete<RequestTemplate>(path));
      setPreview(null);
      setConfirming(false);
      setNotice('Reset to the shipped text.');
    });
  }

  const title = `${messageLabel(message)} (${languageLabel(language)})`;
  return (
    <>
      <PageHeading title={title} titleSuffix="Privet admin" />
      <p>
        <Link to="/admin/requests/templates">All message templates</Link>
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {notice !== null && <p role="status">{notice}</p>}
      {template === null ? (
        error === null && <p role="status">Loading…</p>
      ) : (
        <>
          <p>
            {template.customised ? 'Edited by staff.' : 'The text Privet ships.'} Placeholders this message
            can use:{' '}
            {template.placeholders.map((name, index) => (
              <span key={name}>
                {index > 0 && ', '}
                <code>{`{{${name}}}`}</code>
              </span>
            ))}
            .
          </p>
          <form className="stacked-form" aria-label="Template" onSubmit={save}>
            <fieldset disabled={busy} className="form-fields">
              <TextField
                id="template-subject"
                label="Subject"
                required
                value={subject}
                onChange={setSubject}
                error={issues.subject}
              />
              <TextAreaField
                id="template-body"
                label="Text"
                rows={14}
                hint="Plain text; blank lines separate paragraphs and web addresses become links in the HTML part."
                value={body}
                onChange={setBody}
                error={issues.body}
              />
              <div className="template-actions">
                {canEdit && (
                  <button className="button" type="submit">
                    Save template
                  </button>
                )}
                <button className="button button-secondary" type="button" onClick={showPreview}>
                  Preview
                </button>
                {canEdit && template.customised && (
                  <button
                    className="button button-secondary"
                    type="button"
                    onClick={() => setConfirming(true)}
                  >
                    Reset to shipped text
                  </button>
                )}
              </div>
            </fieldset>
          </form>
          {preview !== null && (
            <section className="panel" aria-labelledby="template-preview-heading">
              <h2 id="template-preview-heading">Preview with sample values</h2>
              <p>
                <strong>Subject:</strong> <span data-preview="subject">{preview.subject}</span>
              </p>
              <pre className="template-preview" data-preview="text">
                {preview.text}
              </pre>
            </section>
          )}
          <ConfirmDialog
            open={confirming}
            title="Reset this template?"
            confirmLabel="Reset template"
            busy={busy}
            error={error}
            onConfirm={reset}
            onCancel={() => setConfirming(false)}
          >
            <p>The edited text is discarded; messages use the text Privet ships again.</p>
          </ConfirmDialog>
        </>
      )}
    </>
  );
}
