import type { ScanSummary } from '../datamap-types.ts';

const list = (items: readonly string[]) => (items.length === 0 ? 'none' : items.join(', '));

/** What a scan proposed, in numbers and names. */
export function ScanSummaryFacts({ summary }: { readonly summary: ScanSummary }) {
  return (
    <dl className="facts">
      <dt>Tables</dt>
      <dd>
        {summary.tables}: {summary.personalTables.length} with personal columns, {summary.linkedTables.length}{' '}
        linked to people by references, {summary.notPersonalTables.length} not personal
      </dd>
      <dt>Personal columns</dt>
      <dd>
        {summary.personalColumns}
        {summary.uncertainColumns > 0 &&
          ` (${summary.uncertainColumns} below 60% confidence: review those first)`}
      </dd>
      <dt>Identities</dt>
      <dd>{list(summary.identities.map((i) => `${i.field} (${i.identity})`))}</dd>
      <dt>Other kinds of people</dt>
      <dd>{list(summary.otherSubjects.map((s) => `${s.collection} (${s.subject})`))}</dd>
      <dt>Not personal</dt>
      <dd>{list(summary.notPersonalTables)}</dd>
    </dl>
  );
}
