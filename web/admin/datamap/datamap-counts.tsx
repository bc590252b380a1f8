import { Link } from '../../shared/link.tsx';

/** One number of the data map and the page that lists what it counts. */
export interface DatamapCount {
  readonly label: string;
  readonly value: number | null;
  readonly to: string;
}

/** The size of the data map at a glance; each number leads to its list. */
export function DatamapCounts({ counts }: { readonly counts: readonly DatamapCount[] }) {
  return (
    <dl className="depth-list datamap-counts">
      {counts.map((count) => (
        <div className="depth-item" key={count.label}>
          <dt>
            <Link to={count.to}>{count.label}</Link>
          </dt>
          <dd>{count.value ?? '…'}</dd>
        </div>
      ))}
    </dl>
  );
}
