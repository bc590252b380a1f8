import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';
import type { Right } from './rights.ts';

/** Stands in for a right's form until that form is built. */
export function ComingSoonPage({ right }: { readonly right: Right }) {
  return (
    <article className="placeholder">
      <PageHeading title={right.title} titleSuffix="Privacy center" />
      <p className="hero-text">{right.summary}</p>
      <p className="notice-box" role="note">
        The online form for this request is not available yet. Until it is, please use the contact details in
        our privacy notice; your right does not depend on this form.
      </p>
      <p>
        <Link to="/">Back to the privacy center</Link>
      </p>
    </article>
  );
}
