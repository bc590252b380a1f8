import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';
import { useLanguage } from './i18n/language-context.ts';

/** Shown for an address of the privacy center that names no page. */
export function NotFoundPage() {
  const { t } = useLanguage();
  return (
    <article className="placeholder">
      <PageHeading title={t.notFound.title} titleSuffix={t.appName} />
      <p>{t.notFound.text}</p>
      <p>
        <Link to="/">{t.notFound.link}</Link>
      </p>
    </article>
  );
}
