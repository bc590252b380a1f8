import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';
import { useLanguage } from './i18n/language-context.ts';

/** Stands in for the published privacy notice until notices are served from the data map. */
export function PrivacyNoticePage() {
  const { t } = useLanguage();
  return (
    <article className="placeholder">
      <PageHeading title={t.privacyNotice} titleSuffix={t.appName} />
      <p className="notice-box" role="note">
        {t.notice.text}
      </p>
      <p>
        <Link to="/">{t.backToCenter}</Link>
      </p>
    </article>
  );
}
