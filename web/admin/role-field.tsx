import { roles, type Role } from '../../src/domain/roles.ts';

export interface RoleFieldProps {
  readonly id: string;
  readonly value: Role;
  readonly onChange: (role: Role) => void;
  readonly error?: string | undefined;
}

const HINT = 'Viewers read, operators also act on requests and mail, admins also manage accounts and keys.';

/** A labelled choice of staff role, weakest first. */
export function RoleField({ id, value, onChange, error }: RoleFieldProps) {
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>Role</label>
      <select
        id={id}
        value={value}
        aria-describedby={error === undefined ? `${id}-hint` : `${id}-hint ${errorId}`}
        aria-invalid={error === undefined ? undefined : true}
        onChange={(event) => {
          const chosen = roles.find((role) => role === event.target.value);
          if (chosen !== undefined) onChange(chosen);
        }}
      >
        {roles.map((role) => (
          <option key={role} value={role}>
            {role}
          </option>
        ))}
      </select>
      <span id={`${id}-hint`} className="field-hint">
        {HINT}
      </span>
      {error !== undefined && (
        <span id={errorId} className="field-error">
          {error}
        </span>
      )}
    </div>
  );
}
