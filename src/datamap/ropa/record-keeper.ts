import type { Organisation } from '../../demo/organisation.ts';
import type { RopaKeeperField, RopaKind } from './ropa-record.ts';

/**
 * Who keeps the record, from the organisation settings: Art. 30(1)(a) and 30(2)(a) ask for the name and
 * contact details of the controller (or processor) and of the data protection officer.
 */
export function recordKeeper(organisation: Organisation | undefined, kind: RopaKind): RopaKeeperField[] {
  const role = kind === 'controller' ? 'Controller' : 'Processor';
  const contact = [organisation?.address ?? '', organisation?.email ?? ''].filter((s) => s.trim() !== '');
  return [
    { label: `${role} name`, value: organisation?.name ?? '' },
    { label: `${role} contact details`, value: contact.join(', ') },
    { label: 'Data protection officer', value: organisation?.dpo ?? '' },
  ];
}
