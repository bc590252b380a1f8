import { useState } from 'react';
import { navigate } from '../../shared/navigate.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useLanguage } from '../i18n/language-context.ts';
import type { Right } from '../rights.ts';
import { CodeStep } from './code-step.tsx';
import { RequestForm } from './request-form.tsx';
import { statusPath } from './status-link.ts';

/** One right's page: the request form, then the code from the email, then on to the status page. */
export function RequestPage({ right }: { readonly right: Right }) {
  const { t } = useLanguage();
  const [submitted, setSubmitted] = useState<{ requestId: string; email: string } | null>(null);
  const text = t.rights[right.slug];

  if (submitted !== null) {
    return (
      <CodeStep
        requestId={submitted.requestId}
        email={submitted.email}
        onVerified={(answer) => navigate(statusPath(answer.statusToken))}
      />
    );
  }
  return (
    <article className="request-step">
      <PageHeading title={text.title} titleSuffix={t.appName} />
      <p className="hero-text">{text.summary}</p>
      <p>{t.form.intro}</p>
      <RequestForm
        types={right.types}
        onSubmitted={(answer, email) => setSubmitted({ requestId: answer.requestId, email })}
      />
    </article>
  );
}
