import { DateTime } from '../date-time.tsx';
import type { StaffUser } from './staff-user.ts';

export interface UsersTableProps {
  readonly users: readonly StaffUser[];
  /** The id of the account whose login link is being made, to disable its button meanwhile. */
  readonly linkPending: string | null;
  readonly onLoginLink: (user: StaffUser) => void;
}

/** Staff accounts, oldest first, each with a button for a one-time login link. */
export function UsersTable({ users, linkPending, onLoginLink }: UsersTableProps) {
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">Staff accounts</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Created</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr key={user.id} data-id={user.id}>
              <th scope="row" className="row-heading">
                {user.name}
              </th>
              <td>{user.email}</td>
              <td>
                <span className={`badge badge-role-${user.role}`}>{user.role}</span>
              </td>
              <td className="nowrap">
                <DateTime value={user.createdAt} />
              </td>
              <td className="actions-cell">
                <button
                  className="button button-secondary button-small"
                  type="button"
                  aria-label={`Create a login link for ${user.email}`}
                  disabled={linkPending === user.id}
                  onClick={() => onLoginLink(user)}
                >
                  Login link
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
