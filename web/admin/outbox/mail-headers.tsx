/** The headers a message carries besides From, To, Subject and Date (such as List-Unsubscribe). */
export function MailHeaders({ headers }: { readonly headers: Readonly<Record<string, string>> }) {
  const pairs = Object.entries(headers);
  if (pairs.length === 0) return <p className="status">None beyond From, To, Subject and Date.</p>;
  return (
    <div className="table-scroll">
      <table className="table table-compact">
        <caption className="visually-hidden">Extra headers</caption>
        <thead>
          <tr>
            <th scope="col">Header</th>
            <th scope="col">Value</th>
          </tr>
        </thead>
        <tbody>
          {pairs.map(([name, value]) => (
            <tr key={name}>
              <th scope="row" className="nowrap row-heading">
                <code>{name}</code>
              </th>
              <td>
                <code>{value}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
