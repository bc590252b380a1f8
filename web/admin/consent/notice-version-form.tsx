import { useState, type FormEvent } from 'react';
import { useAdmin } from '../admin-context.ts';
import { CheckboxField } from '../datamap/fields/checkbox-field.tsx';
import { KeyListField } from '../datamap/fields/key-list-field.tsx';
import { TextAreaField } from '../datamap/fields/text-area-field.tsx';
import type { PurposeList } from '../datamap/datamap-types.ts';
import { useRecordSave } from '../datamap/model/use-record-save.ts';
import { TextField } from '../text-field.tsx';
import { useApiGet } from '../use-api-get.ts';
import type { NoticeVersion } from './notice-versions-panel.tsx';

// The fields this form shows the server's problems beside.
const fieldNames = new Set(['version', 'text', 'purposeKeys']);

export interface NoticeVersionFormProps {
  /** The purposes of the version in force: a new version starts from them. */
  readonly inForcePurposes: readonly string[];
  readonly onCreated: (version: NoticeVersion) => void;
}

/** Adds a version of the privacy notice (admins): its label, text and the purposes it covers, a draft or in force. */
export function NoticeVersionForm({ inForcePurposes, onCreated }: NoticeVersionFormProps) {
  const { api } = useAdmin();
  const purposes = useApiGet<PurposeList>('/api/admin/purposes');
  const [version, setVersion] = useState('');
  const [text, setText] = useState('');
  const [purposeKeys, setPurposeKeys] = useState<string[]>([...inForcePurposes]);
  const [publish, setPublish] = useState(false);
  const { busy, error, issues, save } = useRecordSave('notice version', fieldNames);
  const [done, setDone] = useState<string | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    setDone(null);
    const created = await save(() =>
      api.post<NoticeVersion>('/api/admin/notices/versions', {
        version: version.trim(),
        text,
        purposeKeys,
        publish,
      }),
    );
    if (created === null) return;
    setDone(
      created.current
        ? `Version ${created.version} is in force.`
        : `Version ${created.version} is saved as a draft.`,
    );
    setVersion('');
    setText('');
    setPurposeKeys([...created.purposeKeys]);
    setPublish(false);
    onCreated(created);
  }

  const options = (purposes.data?.purposes ?? []).map((purpose) => ({
    value: purpose.key,
    label: `${purpose.name} (${purpose.key})`,
  }));

  return (
    <section className="panel" aria-labelledby="notice-version-form-heading">
      <h2 id="notice-version-form-heading">Add a version</h2>
      <form className="stacked-form" noValidate onSubmit={(event) => void submit(event)} aria-busy={busy}>
        <TextField
          id="notice-version"
          label="Version"
          value={version}
          hint="A label such as 2026-06; it cannot be changed or reused."
          error={issues.version}
          onChange={setVersion}
        />
        <TextAreaField
          id="notice-text"
          label="Text"
          rows={8}
          value={text}
          hint="The notice as people read it; consent records keep the hash of this exact text."
          error={issues.text}
          onChange={setText}
        />
        <KeyListField
          id="notice-purposes"
          label="Purposes it covers"
          options={options}
          value={purposeKeys}
          hint="Data-map purposes or data uses (such as analytics.reporting); it starts from the version in force. Data collected under this version may be used only for these."
          error={issues.purposeKeys}
          onChange={setPurposeKeys}
        />
        <CheckboxField
          id="notice-publish"
          label="Put it in force now (banners ask everyone again)"
          checked={publish}
          onChange={setPublish}
        />
        {error !== null && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        <div className="form-actions">
          <button className="button" type="submit" disabled={busy}>
            {busy ? 'Adding…' : 'Add version'}
          </button>
        </div>
        <p className="form-status status" role="status">
          {done ?? ''}
        </p>
      </form>
    </section>
  );
}
