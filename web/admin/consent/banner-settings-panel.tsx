import { useState, type FormEvent } from 'react';
import { errorMessage } from '../../shared/api-error.ts';
import { useAdmin } from '../admin-context.ts';
import { TextAreaField } from '../datamap/fields/text-area-field.tsx';
import { formIssues } from '../datamap/fields/form-issues.ts';
import type { FieldIssues } from '../field-issues.ts';
import { TextField } from '../text-field.tsx';

/** `GET/PUT /api/admin/consent/settings`; texts are kept as they are when the rest is saved. */
export interface ConsentSettings {
  readonly allowedOrigins: readonly string[];
  readonly privacyNoticeUrl: string;
  readonly texts: Readonly<Record<string, unknown>>;
}

export interface BannerSettingsPanelProps {
  readonly settings: ConsentSettings;
  readonly canChange: boolean;
  readonly onSaved: (settings: ConsentSettings) => void;
}

/** Which sites may run the banner (CORS for the public consent API) and where its notice link points. */
export function BannerSettingsPanel({ settings, canChange, onSaved }: BannerSettingsPanelProps) {
  const { api } = useAdmin();
  const [origins, setOrigins] = useState(settings.allowedOrigins.join('\n'));
  const [noticeUrl, setNoticeUrl] = useState(settings.privacyNoticeUrl);
  const [busy, setBusy] = useState(false);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setIssues({});
    setDone(null);
    const allowedOrigins = origins
      .split('\n')
      .map((line) => line.trim().replace(/\/+$/, ''))
      .filter((line) => line !== '');
    try {
      const saved = await api.put<ConsentSettings>('/api/admin/consent/settings', {
        allowedOrigins,
        privacyNoticeUrl: noticeUrl.trim(),
        texts: settings.texts,
      });
      setOrigins(saved.allowedOrigins.join('\n'));
      setDone('Saved. Banners on these sites can record choices now.');
      onSaved(saved);
    } catch (failure) {
      setIssues(formIssues(failure));
      setError(`The settings were not saved: ${errorMessage(failure)}`);
    } finally {
      setBusy(false);
    }
  }

  if (!canChange) {
    return (
      <section className="panel" aria-labelledby="banner-sites-heading">
        <h2 id="banner-sites-heading">Sites</h2>
        <p>
          {settings.allowedOrigins.length === 0
            ? 'No site may run the banner yet.'
            : `Banners may record choices from: ${settings.allowedOrigins.join(', ')}.`}
        </p>
      </section>
    );
  }

  return (
    <section className="panel" aria-labelledby="banner-sites-heading">
      <h2 id="banner-sites-heading">Sites</h2>
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextAreaField
          id="banner-origins"
          label="Sites allowed to run the banner"
          rows={4}
          value={origins}
          hint="One origin per line, such as https://shop.example (scheme, host and port, no path). * allows any site: for trying Privet only."
          error={issues.allowedOrigins}
          onChange={setOrigins}
        />
        <TextField
          id="banner-notice-url"
          label="Privacy notice link"
          type="url"
          value={noticeUrl}
          hint="Where the banner links to; empty means the privacy center’s notice page."
          error={issues.privacyNoticeUrl}
          onChange={setNoticeUrl}
        />
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Saving…' : 'Save sites'}
          </button>
        </div>
        <p className="form-status status" role="status">
          {done ?? ''}
        </p>
      </form>
    </section>
  );
}
