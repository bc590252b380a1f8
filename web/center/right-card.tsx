import { Link } from '../shared/link.tsx';
import type { Right } from './rights.ts';

/** One right on the landing page; the whole card is the link, named by the right's title. */
export function RightCard({ right }: { readonly right: Right }) {
  return (
    <li className="right-card">
      <h3 className="right-card-title">
        <Link to={`/rights/${right.slug}`} className="right-card-link">
          {right.title}
        </Link>
      </h3>
      <p>{right.summary}</p>
      <p className="right-card-article">{right.article}</p>
    </li>
  );
}
