import { describeDuration } from '../../../../src/datamap/purposes/describe-duration.ts';
import { Link } from '../../../shared/link.tsx';
import type { Purpose } from '../datamap-types.ts';
import { legalBasisLabel } from '../legal-basis-label.ts';

/** Purposes by name, with their legal basis, retention and system. */
export function PurposesTable({ purposes }: { readonly purposes: readonly Purpose[] }) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Purposes</caption>
        <thead>
          <tr>
            <th scope="col">Purpose</th>
            <th scope="col">Data use</th>
            <th scope="col">Legal basis</th>
            <th scope="col">Retention</th>
            <th scope="col">System</th>
          </tr>
        </thead>
        <tbody>
          {purposes.map((purpose) => (
            <tr key={purpose.key} data-key={purpose.key}>
              <th scope="row" className="row-heading">
                <Link to={`/admin/datamap/purposes/${encodeURIComponent(purpose.key)}`}>{purpose.name}</Link>
              </th>
              <td>
                <code>{purpose.dataUse}</code>
              </td>
              <td>{legalBasisLabel(purpose.legalBasis)}</td>
              <td>
                {purpose.retentionPeriod === null
                  ? purpose.retentionCriteria || '—'
                  : describeDuration(purpose.retentionPeriod)}
              </td>
              <td>{purpose.systemKey === null ? '—' : <code>{purpose.systemKey}</code>}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
