import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';

/** Stands in for the published privacy notice until notices are served from the data map. */
export function PrivacyNoticePage() {
  return (
    <article className="placeholder">
      <PageHeading title="Privacy notice" titleSuffix="Privacy center" />
      <p className="notice-box" role="note">
        The privacy notice has not been published here yet.
      </p>
      <p>
        <Link to="/">Back to the privacy center</Link>
      </p>
    </article>
  );
}
