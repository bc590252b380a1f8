import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';
import { useSession } from './admin-context.ts';

/** The console's start page. */
export function OverviewPage() {
  const { user } = useSession();
  return (
    <>
      <PageHeading title="Overview" titleSuffix="Privet admin" />
      <p>
        Welcome, {user.name || user.email}. You are signed in as <strong>{user.role}</strong>.
      </p>
      <section className="panel" aria-labelledby="overview-audit">
        <h2 id="overview-audit">Audit log</h2>
        <p>Every sign-in and every change made in Privet is recorded in a tamper-evident log.</p>
        <Link to="/admin/audit">Open the audit log</Link>
      </section>
    </>
  );
}
