import { navigate } from '../../../shared/navigate.ts';
import { RecordFrame } from './record-frame.tsx';
import { SystemForm } from './system-form.tsx';
import { useSystemChoices } from './use-system-choices.ts';

const BASE = '/admin/datamap/systems';

/** A new system: the empty form; once created, its own page. */
export function NewSystem() {
  const choices = useSystemChoices();
  return (
    <RecordFrame
      title="New system"
      back={BASE}
      backLabel="systems"
      loading={!choices.ready}
      error={choices.error}
    >
      <SystemForm
        system={null}
        datasets={choices.datasets}
        recipients={choices.recipients}
        canEdit
        onSaved={(saved) => navigate(`${BASE}/${encodeURIComponent(saved.key)}?saved`)}
      />
    </RecordFrame>
  );
}
