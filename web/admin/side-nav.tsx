import { Link } from '../shared/link.tsx';
import type { AdminSection } from './sections.ts';

export interface SideNavProps {
  readonly sections: readonly AdminSection[];
  readonly current: AdminSection | undefined;
}

/** The list of console sections; the current one is marked for sight and for screen readers. */
export function SideNav({ sections, current }: SideNavProps) {
  return (
    <nav className="side-nav" aria-label="Console sections">
      <ul>
        {sections
          .filter((section) => section.inNav !== false)
          .map((section) => (
            <li key={section.path}>
              <Link to={section.path} aria-current={section === current ? 'page' : undefined}>
                {section.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
