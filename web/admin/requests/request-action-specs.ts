import { FINAL_STATUSES } from '../../../src/requests/request-vocabulary.ts';
import type { Role } from '../../../src/domain/roles.ts';
import type { DataSubjectRequest } from './request-types.ts';

/** One input of an action's form; `name` is its key in the POST body. */
export interface ActionField {
  readonly name: string;
  readonly label: string;
  readonly kind: 'text' | 'textarea' | 'number' | 'select';
  readonly required?: boolean;
  readonly hint?: string;
  readonly options?: readonly (readonly [string, string])[];
  readonly initial?: string;
}

/** A staff action on a request: POST /api/admin/requests/:id/<action> with the fields as its body. */
export interface ActionSpec {
  readonly action: string;
  readonly title: string;
  readonly button: string;
  readonly fields: readonly ActionField[];
  readonly danger?: boolean;
  readonly minRole: Role;
  /** Whether the action makes sense for the request as it stands. */
  readonly when: (request: DataSubjectRequest) => boolean;
  /** What the page says once it worked. */
  readonly done: string;
}

const open = (request: DataSubjectRequest) => !(FINAL_STATUSES as readonly string[]).includes(request.status);
const unverified = (request: DataSubjectRequest) =>
  request.status === 'received' || request.status === 'verifying';

/** Every action of the request page, in the order a request usually needs them. */
export const actionSpecs: readonly ActionSpec[] = [
  {
    action: 'notes',
    title: 'Add a note',
    button: 'Add the note',
    fields: [
      {
        name: 'text',
        label: 'Note',
        kind: 'textarea',
        required: true,
        hint: 'For staff only; it appears on the timeline, never to the person.',
      },
    ],
    minRole: 'operator',
    when: () => true,
    done: 'The note is on the timeline.',
  },
  {
    action: 'verify',
    title: 'Mark verified',
    button: 'Mark verified',
    fields: [{ name: 'note', label: 'How the identity was checked', kind: 'textarea', required: true }],
    minRole: 'operator',
    when: unverified,
    done: 'The request is marked verified.',
  },
  {
    action: 'step-up',
    title: 'Ask for more proof',
    button: 'Ask for more proof',
    fields: [
      {
        name: 'message',
        label: 'What else the person must provide',
        kind: 'textarea',
        required: true,
        hint: 'Ask only for what is proportionate to the request; this text is emailed to the person.',
      },
    ],
    minRole: 'operator',
    when: unverified,
    done: 'The person has been asked for more proof.',
  },
  {
    action: 'start',
    title: 'Approve and start',
    button: 'Approve and start',
    fields: [],
    minRole: 'operator',
    when: (request) => request.status === 'verified',
    done: 'The request is in progress.',
  },
  {
    action: 'extend',
    title: 'Extend the deadline',
    button: 'Extend and tell the person why',
    fields: [
      {
        name: 'reasons',
        label: 'Reasons for the extension',
        kind: 'textarea',
        required: true,
        hint: 'Sent to the person before the first deadline, as the law requires.',
      },
    ],
    minRole: 'operator',
    when: (request) => open(request) && !request.extended,
    done: 'The deadline is extended and the person has been told why.',
  },
  {
    action: 'fee',
    title: 'Charge a fee',
    button: 'Ask for the fee',
    fields: [
      {
        name: 'ground',
        label: 'Ground (GDPR Art. 12(5))',
        kind: 'select',
        required: true,
        options: [
          ['manifestly_unfounded', 'Manifestly unfounded'],
          ['manifestly_excessive', 'Manifestly excessive (for example repetitive)'],
        ],
      },
      { name: 'amount', label: 'Amount', kind: 'number', required: true },
      { name: 'currency', label: 'Currency', kind: 'text', required: true, initial: 'EUR' },
      {
        name: 'reason',
        label: 'Why a fee is charged',
        kind: 'textarea',
        required: true,
        hint: 'Manifestly unfounded or excessive requests only (Art. 12(5)); cite the earlier requests below.',
      },
    ],
    minRole: 'operator',
    when: open,
    done: 'The fee has been asked for.',
  },
  {
    action: 'refuse',
    title: 'Refuse',
    button: 'Refuse the request',
    fields: [
      {
        name: 'ground',
        label: 'Ground (GDPR Art. 12(5))',
        kind: 'select',
        required: true,
        options: [
          ['manifestly_unfounded', 'Manifestly unfounded'],
          ['manifestly_excessive', 'Manifestly excessive (for example repetitive)'],
        ],
      },
      {
        name: 'reason',
        label: 'Reason given to the person',
        kind: 'textarea',
        required: true,
        hint: 'The letter adds the right to complain to the supervisory authority.',
      },
    ],
    danger: true,
    minRole: 'operator',
    when: open,
    done: 'The request is refused and the person has been told why.',
  },
  {
    action: 'cancel',
    title: 'Cancel',
    button: 'Cancel the request',
    fields: [{ name: 'reason', label: 'Why it is cancelled', kind: 'textarea', required: true }],
    danger: true,
    minRole: 'operator',
    when: open,
    done: 'The request is cancelled.',
  },
];
