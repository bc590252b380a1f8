import { useState } from 'react';
import { navigate } from '../../../shared/navigate.ts';
import { useApiGet } from '../../use-api-get.ts';
import type { Purpose } from '../datamap-types.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { DeleteRecord } from './delete-record.tsx';
import { PurposeForm } from './purpose-form.tsx';
import { RecordFrame } from './record-frame.tsx';
import { RecordIssues } from './record-issues.tsx';
import { usePurposeChoices } from './use-purpose-choices.ts';
import { useSavedFlag } from './use-saved-flag.ts';

const BASE = '/admin/datamap/purposes';

/** One purpose: the form (read-only for viewers), what the check says about it, and for admins delete. */
export function PurposeEditor({ purposeKey }: { readonly purposeKey: string }) {
  const canEdit = useRoleAllows('admin');
  const choices = usePurposeChoices();
  const { data: stored, error } = useApiGet<Purpose>(`/api/admin/purposes/${encodeURIComponent(purposeKey)}`);
  const [purpose, setPurpose] = useState<Purpose | null>(null);
  const [saved, setSaved] = useSavedFlag();
  const shown = purpose ?? stored;
  return (
    <RecordFrame
      title={shown?.name ?? purposeKey}
      back={BASE}
      backLabel="purposes"
      loading={shown === null || !choices.ready}
      error={error === null ? choices.error : `The purpose could not be loaded: ${error}`}
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
          <RecordIssues key={`issues-${shown.updatedAt}`} prefix={`purposes/${shown.key}`} />
          <PurposeForm
            key={`form-${shown.updatedAt}`}
            purpose={shown}
            taxonomy={choices.taxonomy}
            systems={choices.systems}
            recipients={choices.recipients}
            canEdit={canEdit}
            onSaved={(next) => {
              setPurpose(next);
              setSaved(true);
            }}
          />
          {canEdit && (
            <div className="danger-zone">
              <DeleteRecord
                noun="purpose"
                name={shown.name}
                path={`/api/admin/purposes/${encodeURIComponent(shown.key)}`}
                onDeleted={() => navigate(BASE)}
              />
            </div>
          )}
        </>
      )}
    </RecordFrame>
  );
}
