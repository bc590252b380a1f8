import { Link } from '../shared/link.tsx';
import { PageHeading } from '../shared/page-heading.tsx';
import type { Role } from '../../src/domain/roles.ts';
import type { AdminSection } from './sections.ts';

export interface NotAllowedPageProps {
  /** The section the address belongs to. */
  readonly section: AdminSection;
  readonly role: Role;
}

/** Shown for a console page the signed-in role may not open, instead of the page (the server refuses it too). */
export function NotAllowedPage({ section, role }: NotAllowedPageProps) {
  return (
    <>
      <PageHeading title="Not allowed" titleSuffix="Privet admin" />
      <p className="alert" role="alert">
        Your role ({role}) is not allowed to open {section.label}
        {section.minRole === undefined ? '' : `: it needs the ${section.minRole} role`}.
      </p>
      <p>Ask an admin of this Privet if you need it.</p>
      <p>
        <Link to="/admin">Go to the overview</Link>
      </p>
    </>
  );
}
