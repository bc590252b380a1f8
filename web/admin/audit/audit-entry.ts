/** One audit log entry as /api/admin/audit returns it. */
export interface AuditEntry {
  readonly seq: number;
  readonly id: string;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly target: string;
  readonly details: Readonly<Record<string, unknown>>;
  readonly hash: string;
  readonly prevHash: string;
}

/** One page of entries, newest first; `next` is the cursor for the following page. */
export interface AuditPage {
  readonly entries: readonly AuditEntry[];
  readonly next: number | null;
}

/** What the audit log is narrowed to; empty strings mean no filter. */
export interface AuditFilters {
  readonly action: string;
  readonly actor: string;
}
