import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';

/** Shown for an address of the privacy center that names no page. */
export function NotFoundPage() {
  return (
    <article className="placeholder">
      <PageHeading title="Page not found" titleSuffix="Privacy center" />
      <p>There is no page at this address.</p>
      <p>
        <Link to="/">Go to the privacy center</Link>
      </p>
    </article>
  );
}
