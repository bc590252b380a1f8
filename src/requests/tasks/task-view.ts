import type { Selectable } from 'kysely';
import type { RequestTables } from '../request-tables.ts';

/** A task as the admin API shows it. */
export interface RequestTaskView {
  readonly id: string;
  readonly requestId: string;
  readonly kind: 'automatic' | 'manual';
  readonly target: string;
  readonly title: string;
  readonly instructions: string;
  readonly assigneeId: string | null;
  readonly dueAt: string | null;
  readonly status: string;
  readonly result: unknown;
  readonly error: string | null;
  readonly upload: { readonly sha256: string } | null;
  readonly createdAt: string;
  readonly completedAt: string | null;
  readonly completedBy: string | null;
}

/** The API view of a stored task; the upload's path on disk is not shown. */
export function toTaskView(row: Selectable<RequestTables['request_tasks']>): RequestTaskView {
  return {
    id: row.id,
    requestId: row.request_id,
    kind: row.kind === 'manual' ? 'manual' : 'automatic',
    target: row.target,
    title: row.title,
    instructions: row.instructions,
    assigneeId: row.assignee_id,
    dueAt: row.due_at,
    status: row.status,
    result: row.result === null ? null : (JSON.parse(row.result) as unknown),
    error: row.error,
    upload: row.upload_sha256 === null ? null : { sha256: row.upload_sha256 },
    createdAt: row.created_at,
    completedAt: row.completed_at,
    completedBy: row.completed_by,
  };
}
