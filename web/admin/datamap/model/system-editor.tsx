import { useState } from 'react';
import { navigate } from '../../../shared/navigate.ts';
import { useApiGet } from '../../use-api-get.ts';
import type { System } from '../datamap-types.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { DeleteRecord } from './delete-record.tsx';
import { RecordFrame } from './record-frame.tsx';
import { RecordIssues } from './record-issues.tsx';
import { SystemForm } from './system-form.tsx';
import { useSavedFlag } from './use-saved-flag.ts';
import { useSystemChoices } from './use-system-choices.ts';

const BASE = '/admin/datamap/systems';

/** One system: the form (read-only for viewers), what the check says about it, and for admins delete. */
export function SystemEditor({ systemKey }: { readonly systemKey: string }) {
  const canEdit = useRoleAllows('admin');
  const choices = useSystemChoices();
  const { data: stored, error } = useApiGet<System>(`/api/admin/systems/${encodeURIComponent(systemKey)}`);
  const [system, setSystem] = useState<System | null>(null);
  const [saved, setSaved] = useSavedFlag();
  const shown = system ?? stored;
  return (
    <RecordFrame
      title={shown?.name ?? systemKey}
      back={BASE}
      backLabel="systems"
      loading={shown === null || !choices.ready}
      error={error === null ? choices.error : `The system could not be loaded: ${error}`}
    >
      {shown !== null && (
        <>
          <p className="record-key">
            Key <code>{shown.key}</code>
          </p>
          {saved && (
            <p className="notice" role="status">
              Saved.
            </p>
          )}
          <RecordIssues key={`issues-${shown.updatedAt}`} prefix={`systems/${shown.key}`} />
          <SystemForm
            key={`form-${shown.updatedAt}`}
            system={shown}
            datasets={choices.datasets}
            recipients={choices.recipients}
            canEdit={canEdit}
            onSaved={(next) => {
              setSystem(next);
              setSaved(true);
            }}
          />
          {canEdit && (
            <div className="danger-zone">
              <DeleteRecord
                noun="system"
                name={shown.name}
                path={`/api/admin/systems/${encodeURIComponent(shown.key)}`}
                onDeleted={() => navigate(BASE)}
              />
            </div>
          )}
        </>
      )}
    </RecordFrame>
  );
}
