/** An entry's details as a compact list of key and value; "—" when there are none. */
export function AuditDetails({ details }: { readonly details: Readonly<Record<string, unknown>> }) {
  const pairs = Object.entries(details);
  if (pairs.length === 0) return <span aria-label="none">—</span>;
  return (
    <dl className="details">
      {pairs.map(([key, value]) => (
        <div key={key} className="details-pair">
          <dt>{key}</dt>
          <dd>{typeof value === 'string' ? value : JSON.stringify(value)}</dd>
        </div>
      ))}
    </dl>
  );
}
