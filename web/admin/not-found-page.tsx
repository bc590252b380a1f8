import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';

/** Shown for a console address that names no section. */
export function NotFoundPage() {
  return (
    <>
      <PageHeading title="Page not found" titleSuffix="Privet admin" />
      <p>There is no console page at this address.</p>
      <p>
        <Link to="/admin">Go to the overview</Link>
      </p>
    </>
  );
}
