import type { FidesCollection } from '../datamap-types.ts';
import { flattenFields } from '../datasets/flatten-fields.ts';
import { ConfidenceCell } from './confidence-cell.tsx';
import type { FieldEdit } from './edit-scanned-dataset.ts';

const identityTypes = ['email', 'phone_number'];

export interface ScanCollectionTableProps {
  readonly collection: FidesCollection;
  /** The id of the datalist of known data categories. */
  readonly categoriesList: string;
  readonly onEdit: (fieldPath: string, edit: FieldEdit) => void;
}

/** One proposed collection: each field's category (changeable), confidence and reason, identity and keys. */
export function ScanCollectionTable({ collection, categoriesList, onEdit }: ScanCollectionTableProps) {
  const extension = collection['x-privet'];
  const headingId = `scan-${collection.name}-heading`;
  return (
    <section className="collection" aria-labelledby={headingId} data-collection={collection.name}>
      <h3 id={headingId}>
        {collection.name}{' '}
        {extension?.data_subject !== undefined && (
          <span className="badge badge-subject">subject: {extension.data_subject}</span>
        )}{' '}
        {extension?.personal === false && <span className="badge">not personal</span>}
      </h3>
      <div className="table-scroll">
        <table className="table scan-table">
          <caption className="visually-hidden">Proposals for {collection.name}</caption>
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Proposed category</th>
              <th scope="col" className="numeric">
                Confidence
              </th>
              <th scope="col">Why</th>
              <th scope="col">Identity</th>
              <th scope="col">Key and references</th>
            </tr>
          </thead>
          <tbody>
            {flattenFields(collection.fields).map(({ field, path }) => {
              const category = field.data_categories?.[0] ?? '';
              const identity = field.fides_meta?.identity ?? '';
              const choices =
                identity === '' || identityTypes.includes(identity)
                  ? identityTypes
                  : [...identityTypes, identity];
              const where = `${collection.name}.${path}`;
              return (
                <tr key={path} data-field={path}>
                  <th scope="row" className="row-heading nowrap">
                    <code>{path}</code>
                    {field.fides_meta?.data_type !== undefined && (
                      <span className="muted field-type">{field.fides_meta.data_type}</span>
                    )}
                  </th>
                  <td>
                    <input
                      className="cell-input"
                      type="text"
                      list={categoriesList}
                      aria-label={`Category of ${where}`}
                      spellCheck={false}
                      value={category}
                      onChange={(event) => onEdit(path, { category: event.target.value.trim() })}
                    />
                  </td>
                  <ConfidenceCell
                    confidence={field['x-privet']?.confidence}
                    personal={category.startsWith('user')}
                  />
                  <td className="reason">{field['x-privet']?.reason ?? ''}</td>
                  <td>
                    <select
                      className="cell-input"
                      aria-label={`Identity of ${where}`}
                      value={identity}
                      onChange={(event) =>
                        onEdit(path, { identity: event.target.value === '' ? null : event.target.value })
                      }
                    >
                      <option value="">none</option>
                      {choices.map((choice) => (
                        <option key={choice} value={choice}>
                          {choice}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {field.fides_meta?.primary_key === true && <span className="badge">primary key</span>}
                    {(field.fides_meta?.references ?? []).map((reference) => (
                      <span key={`${reference.dataset}.${reference.field}`} className="reference">
                        {reference.direction === 'from' ? '← ' : reference.direction === 'to' ? '→ ' : '↔ '}
                        <code>{reference.field}</code>
                      </span>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
