import { navigate } from '../../../shared/navigate.ts';
import { RecipientForm } from './recipient-form.tsx';
import { RecordFrame } from './record-frame.tsx';

const BASE = '/admin/datamap/recipients';

/** A new recipient: the empty form; once created, its own page. */
export function NewRecipient() {
  return (
    <RecordFrame title="New recipient" back={BASE} backLabel="recipients">
      <RecipientForm
        recipient={null}
        canEdit
        onSaved={(saved) => navigate(`${BASE}/${encodeURIComponent(saved.key)}?saved`)}
      />
    </RecordFrame>
  );
}
