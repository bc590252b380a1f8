const records = [
  { kind: 'controller', title: 'Controller record, Art. 30(1)' },
  { kind: 'processor', title: 'Processor record, Art. 30(2)' },
] as const;

/** Downloads of the record of processing activities, made from the data map on each request. */
export function RopaLinks() {
  return (
    <ul className="ropa-links">
      {records.map((record) => (
        <li key={record.kind}>
          <span className="ropa-title">{record.title}</span>
          <a
            className="button button-secondary button-small"
            href={`/api/admin/ropa.csv?record=${record.kind}`}
            download
          >
            CSV<span className="visually-hidden"> of the {record.kind} record</span>
          </a>
          <a
            className="button button-secondary button-small"
            href={`/api/admin/ropa.html?record=${record.kind}`}
            target="_blank"
            rel="noopener"
          >
            HTML<span className="visually-hidden"> of the {record.kind} record (opens a new tab)</span>
          </a>
        </li>
      ))}
    </ul>
  );
}
