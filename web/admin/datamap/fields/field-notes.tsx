export interface FieldNotesProps {
  readonly id: string;
  readonly hint?: string | undefined;
  readonly error?: string | undefined;
}

/** A field's standing hint and the server's verdict, with the ids describedBy() names. */
export function FieldNotes({ id, hint, error }: FieldNotesProps) {
  return (
    <>
      {hint !== undefined && (
        <span id={`${id}-hint`} className="field-hint">
          {hint}
        </span>
      )}
      {error !== undefined && (
        <span id={`${id}-error`} className="field-error">
          {error}
        </span>
      )}
    </>
  );
}
