import { useState } from 'react';
import { errorMessage } from '../../../shared/api-error.ts';
import type { FieldIssues } from '../../field-issues.ts';
import { formIssues } from '../fields/form-issues.ts';

/** The state of a record form's save: busy, what went wrong overall, and per field. */
export interface RecordSave {
  readonly busy: boolean;
  readonly error: string | null;
  readonly issues: FieldIssues;
  /** Runs the call; on failure keeps its problems for the form and answers null. */
  readonly save: <T>(call: () => Promise<T>) => Promise<T | null>;
}

/** Saves a record through the API and keeps the server's verdict, field by field, for the form to show. */
export function useRecordSave(noun: string, fields: ReadonlySet<string>): RecordSave {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});

  async function save<T>(call: () => Promise<T>): Promise<T | null> {
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      return await call();
    } catch (failure) {
      const byField = formIssues(failure);
      const named = Object.keys(byField);
      setIssues(byField);
      // When every problem is shown beside its field, the summary only needs to point there.
      setError(
        named.length > 0 && named.every((field) => fields.has(field))
          ? `The ${noun} was not saved: see the marked fields.`
          : `The ${noun} was not saved: ${errorMessage(failure)}`,
      );
      return null;
    } finally {
      setBusy(false);
    }
  }

  return { busy, error, issues, save };
}
