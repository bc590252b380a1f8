import { useState } from 'react';
import { navigate } from '../../../shared/navigate.ts';
import { useApiGet } from '../../use-api-get.ts';
import type { Transfer } from '../datamap-types.ts';
import { DeleteRecord } from '../model/delete-record.tsx';
import { RecordFrame } from '../model/record-frame.tsx';
import { RecordIssues } from '../model/record-issues.tsx';
import { useSavedFlag } from '../model/use-saved-flag.ts';
import { useRoleAllows } from '../use-role-allows.ts';
import { TransferForm } from './transfer-form.tsx';

const BASE = '/admin/datamap/transfers';

/** One transfer: the form (read-only for viewers), what the check says about it, and for admins delete. */
export function TransferEditor({ transferId }: { readonly transferId: string }) {
  const canEdit = useRoleAllows('admin');
  const path = `/api/admin/transfers/${encodeURIComponent(transferId)}`;
  const { data: stored, error } = useApiGet<Transfer>(path);
  const [transfer, setTransfer] = useState<Transfer | null>(null);
  const [saved, setSaved] = useSavedFlag();
  const shown = transfer ?? stored;
  const title = shown === null ? 'Transfer' : `Transfer to ${shown.destinationCountry}`;
  return (
    <RecordFrame
      title={title}
      back={BASE}
      backLabel="transfers"
      loading={shown === null}
      error={error === null ? null : `The transfer could not be loaded: ${error}`}
    >
      {shown !== null && (
        <>
          <p className="record-key">
            Id <code>{shown.id}</code>
          </p>
          {saved && (
            <p className="notice" role="status">
              Saved.
            </p>
          )}
          <RecordIssues key={`issues-${shown.updatedAt}`} prefix={`transfers/${shown.id}`} />
          <TransferForm
            key={`form-${shown.updatedAt}`}
            transfer={shown}
            canEdit={canEdit}
            onSaved={(next) => {
              setTransfer(next);
              setSaved(true);
            }}
          />
          {canEdit && (
            <div className="danger-zone">
              <DeleteRecord noun="transfer" name={title} path={path} onDeleted={() => navigate(BASE)} />
            </div>
          )}
        </>
      )}
    </RecordFrame>
  );
}
