import { navigate } from '../../../shared/navigate.ts';
import { PurposeForm } from './purpose-form.tsx';
import { RecordFrame } from './record-frame.tsx';
import { usePurposeChoices } from './use-purpose-choices.ts';

const BASE = '/admin/datamap/purposes';

/** A new purpose: the empty form; once created, its own page. */
export function NewPurpose() {
  const choices = usePurposeChoices();
  return (
    <RecordFrame
      title="New purpose"
      back={BASE}
      backLabel="purposes"
      loading={!choices.ready}
      error={choices.error}
    >
      <PurposeForm
        purpose={null}
        taxonomy={choices.taxonomy}
        systems={choices.systems}
        recipients={choices.recipients}
        canEdit
        onSaved={(saved) => navigate(`${BASE}/${encodeURIComponent(saved.key)}?saved`)}
      />
    </RecordFrame>
  );
}
