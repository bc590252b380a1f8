import { Link } from '../../../shared/link.tsx';
import { PageHeading } from '../../../shared/page-heading.tsx';

export interface RecordListHeaderProps {
  readonly title: string;
  readonly lead: string;
  /** The link to the form for a new record; absent for roles that may not create one. */
  readonly add?: { readonly to: string; readonly label: string } | undefined;
}

/** The top of a record list: heading, what the records are, and the way to add one. */
export function RecordListHeader({ title, lead, add }: RecordListHeaderProps) {
  return (
    <>
      <PageHeading title={title} titleSuffix="Privet admin" />
      <p className="lead">{lead}</p>
      {add !== undefined && (
        <p>
          <Link className="button" to={add.to}>
            {add.label}
          </Link>
        </p>
      )}
    </>
  );
}
