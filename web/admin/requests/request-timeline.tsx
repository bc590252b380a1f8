import { DateTime } from '../date-time.tsx';
import { labelOf, statusLabels } from './request-labels.ts';
import type { StaffTimelineEntry } from './request-types.ts';

function what(entry: StaffTimelineEntry): string {
  if (entry.kind === 'status' && entry.to !== null) {
    const to = labelOf(statusLabels, entry.to);
    return entry.from === null ? `Created as ${to}` : `${labelOf(statusLabels, entry.from)} → ${to}`;
  }
  const kinds: Readonly<Record<string, string>> = {
    note: 'Note',
    message: 'Message sent',
    task: 'Task',
    action: 'Action',
  };
  return kinds[entry.kind] ?? entry.kind;
}

/** Everything that happened to a request, oldest first, with who did it and why. */
export function RequestTimeline({ entries }: { readonly entries: readonly StaffTimelineEntry[] }) {
  if (entries.length === 0) return <p className="status">Nothing has happened yet.</p>;
  return (
    <ol className="request-timeline">
      {entries.map((entry) => (
        <li key={entry.id} data-kind={entry.kind}>
          <p className="request-timeline-head">
            <strong>{what(entry)}</strong>
            <span className="request-timeline-meta">
              <DateTime value={entry.at} /> · <code>{entry.actor}</code>
              {entry.public && <span className="badge">Shown to the person</span>}
            </span>
          </p>
          {entry.message !== null && <p className="request-timeline-text">{entry.message}</p>}
          {entry.reason !== null && entry.reason !== entry.message && (
            <p className="request-timeline-text">Reason: {entry.reason}</p>
          )}
        </li>
      ))}
    </ol>
  );
}
