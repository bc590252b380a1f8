import { useState } from 'react';
import { navigate } from '../../../shared/navigate.ts';
import { useApiGet } from '../../use-api-get.ts';
import type { Recipient } from '../datamap-types.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { DeleteRecord } from './delete-record.tsx';
import { RecipientForm } from './recipient-form.tsx';
import { RecordFrame } from './record-frame.tsx';
import { RecordIssues } from './record-issues.tsx';
import { useSavedFlag } from './use-saved-flag.ts';

const BASE = '/admin/datamap/recipients';

/** One recipient: the form (read-only for viewers), what the check says about it, and for admins delete. */
export function RecipientEditor({ recipientKey }: { readonly recipientKey: string }) {
  const canEdit = useRoleAllows('admin');
  const { data: stored, error } = useApiGet<Recipient>(
    `/api/admin/recipients/${encodeURIComponent(recipientKey)}`,
  );
  const [recipient, setRecipient] = useState<Recipient | null>(null);
  const [saved, setSaved] = useSavedFlag();
  const shown = recipient ?? stored;
  return (
    <RecordFrame
      title={shown?.name ?? recipientKey}
      back={BASE}
      backLabel="recipients"
      loading={shown === null}
      error={error === null ? null : `The recipient could not be loaded: ${error}`}
    >
      {shown !== null && (
        <>
          <p className="record-key">
            Key <code>{shown.key}</code>
            {shown.purposeKeys.length > 0 && (
              <>
                {' '}
                · used by <code>{shown.purposeKeys.join(', ')}</code>
              </>
            )}
          </p>
          {saved && (
            <p className="notice" role="status">
              Saved.
            </p>
          )}
          <RecordIssues key={`issues-${shown.updatedAt}`} prefix={`recipients/${shown.key}`} />
          <RecipientForm
            key={`form-${shown.updatedAt}`}
            recipient={shown}
            canEdit={canEdit}
            onSaved={(next) => {
              setRecipient(next);
              setSaved(true);
            }}
          />
          {canEdit && (
            <div className="danger-zone">
              <DeleteRecord
                noun="recipient"
                name={shown.name}
                path={`/api/admin/recipients/${encodeURIComponent(shown.key)}`}
                onDeleted={() => navigate(BASE)}
              />
            </div>
          )}
        </>
      )}
    </RecordFrame>
  );
}
