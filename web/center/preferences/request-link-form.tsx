import { useState, type FormEvent } from 'react';
import { useLanguage } from '../i18n/language-context.ts';
import { requestLink } from './preferences-api.ts';
import { preferencesTexts } from './preferences-texts.ts';

/** Asks for the portal link by e-mail; the answer is the same whether or not the address is known. */
export function RequestLinkForm() {
  const { language } = useLanguage();
  const t = preferencesTexts[language];
  const [email, setEmail] = useState('');
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'failed'>('idle');

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setState('sending');
    try {
      await requestLink(email, language);
      setState('sent');
    } catch {
      setState('failed');
    }
  }

  return (
    <form className="preferences-form" onSubmit={(event) => void submit(event)}>
      <div className="field">
        <label htmlFor="preferences-email">{t.emailLabel}</label>
        <input
          id="preferences-email"
          type="email"
          autoComplete="email"
          required
          aria-describedby="preferences-email-hint"
          value={email}
          onChange={(event) => setEmail(event.target.value)}
        />
        <span id="preferences-email-hint" className="field-hint">
          {t.emailHint}
        </span>
      </div>
      <p>
        <button className="button" type="submit" disabled={state === 'sending'}>
          {state === 'sending' ? t.sending : t.sendLink}
        </button>
      </p>
      <div role="status" aria-live="polite">
        {state === 'sent' && <p className="notice-box">{t.linkSent}</p>}
      </div>
      {state === 'failed' && (
        <p className="alert" role="alert">
          {t.failed}
        </p>
      )}
    </form>
  );
}
