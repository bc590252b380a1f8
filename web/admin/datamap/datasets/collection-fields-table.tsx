import type { FidesCollection } from '../datamap-types.ts';
import { flattenFields } from './flatten-fields.ts';

/** The fields of one collection: categories, identity, primary key, type and references. */
export function CollectionFieldsTable({ collection }: { readonly collection: FidesCollection }) {
  return (
    <div className="table-scroll">
      <table className="table fields-table">
        <caption className="visually-hidden">Fields of {collection.name}</caption>
        <thead>
          <tr>
            <th scope="col">Field</th>
            <th scope="col">Data categories</th>
            <th scope="col">Identity</th>
            <th scope="col">Key</th>
            <th scope="col">Type</th>
            <th scope="col">References</th>
          </tr>
        </thead>
        <tbody>
          {flattenFields(collection.fields).map(({ field, path, depth }) => {
            const meta = field.fides_meta;
            return (
              <tr key={path} data-field={path}>
                <th scope="row" className={`row-heading field-depth-${Math.min(depth, 4)}`}>
                  <code>{depth === 0 ? field.name : path}</code>
                </th>
                <td>
                  {(field.data_categories ?? []).map((category) => (
                    <code key={category} className="category">
                      {category}
                    </code>
                  ))}
                </td>
                <td>
                  {meta?.identity === undefined ? (
                    ''
                  ) : (
                    <span className="badge badge-identity">{meta.identity}</span>
                  )}
                </td>
                <td>{meta?.primary_key === true ? <span className="badge">primary key</span> : ''}</td>
                <td>
                  {meta?.data_type ?? ''}
                  {meta?.length === undefined ? '' : `(${meta.length})`}
                </td>
                <td>
                  {(meta?.references ?? []).map((reference) => (
                    <span key={`${reference.dataset}.${reference.field}`} className="reference">
                      {reference.direction === 'from' ? '← ' : reference.direction === 'to' ? '→ ' : '↔ '}
                      <code>
                        {reference.dataset}.{reference.field}
                      </code>
                      <span className="visually-hidden">
                        {reference.direction === undefined
                          ? ' (both ways)'
                          : ` (direction ${reference.direction})`}
                      </span>
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
