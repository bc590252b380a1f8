import { Link } from '../shared/link.tsx';
import { useLanguage } from './i18n/language-context.ts';
import type { Right } from './rights.ts';

/** One right on the landing page; the whole card is the link, named by the right's title. */
export function RightCard({ right }: { readonly right: Right }) {
  const { t } = useLanguage();
  const text = t.rights[right.slug];
  return (
    <li className="right-card">
      <h3 className="right-card-title">
        <Link to={`/rights/${right.slug}`} className="right-card-link">
          {text.title}
        </Link>
      </h3>
      <p>{text.summary}</p>
      <p className="right-card-article">{right.article}</p>
    </li>
  );
}
