import type { ReactNode } from 'react';
import { Link } from '../../../shared/link.tsx';
import { PageHeading } from '../../../shared/page-heading.tsx';

export interface RecordFrameProps {
  readonly title: string;
  /** The list to go back to and its name: `/admin/datamap/purposes`, `purposes`. */
  readonly back: string;
  readonly backLabel: string;
  readonly loading?: boolean;
  readonly error?: string | null;
  readonly children?: ReactNode;
}

/** The frame of a one-record page: a way back, the heading, and loading or failure until the record is here. */
export function RecordFrame({
  title,
  back,
  backLabel,
  loading = false,
  error = null,
  children,
}: RecordFrameProps) {
  return (
    <>
      <p className="back-link">
        <Link to={back}>← Back to the {backLabel}</Link>
      </p>
      <PageHeading title={title} titleSuffix="Privet admin" />
      {error !== null ? (
        <p className="alert" role="alert">
          {error}
        </p>
      ) : loading ? (
        <p className="status" role="status">
          Loading…
        </p>
      ) : (
        children
      )}
    </>
  );
}
