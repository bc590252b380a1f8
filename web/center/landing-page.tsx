import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';
import { useLanguage } from './i18n/language-context.ts';
import { RightCard } from './right-card.tsx';
import { rights } from './rights.ts';

/** The privacy center's start page: what people may ask of us, and where to start. */
export function LandingPage() {
  const { t } = useLanguage();
  return (
    <>
      <section className="hero">
        <PageHeading title={t.landing.title} titleSuffix={t.appName} />
        <p className="hero-text">{t.landing.text}</p>
        <p>
          <Link to="/privacy-notice">{t.landing.noticeLink}</Link>
          {t.landing.noticeText}
        </p>
      </section>
      <section aria-labelledby="rights-heading">
        <h2 id="rights-heading">{t.landing.rightsHeading}</h2>
        <ul className="right-cards">
          {rights
            .filter((right) => right.onLanding !== false)
            .map((right) => (
              <RightCard key={right.slug} right={right} />
            ))}
        </ul>
      </section>
    </>
  );
}
