import { navigate } from '../../../shared/navigate.ts';
import { RecordFrame } from '../model/record-frame.tsx';
import { TransferForm } from './transfer-form.tsx';

const BASE = '/admin/datamap/transfers';

/** A new transfer: the empty form; once recorded, its own page. */
export function NewTransfer() {
  return (
    <RecordFrame title="New transfer" back={BASE} backLabel="transfers">
      <TransferForm
        transfer={null}
        canEdit
        onSaved={(saved) => navigate(`${BASE}/${encodeURIComponent(saved.id)}?saved`)}
      />
    </RecordFrame>
  );
}
