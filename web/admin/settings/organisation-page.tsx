import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '../../shared/api-error.ts';
import { PageHeading } from '../../shared/page-heading.tsx';
import { useAdmin, useSession } from '../admin-context.ts';
import { fieldIssues, type FieldIssues } from '../field-issues.ts';
import { roleAllows } from '../../../src/domain/roles.ts';
import { TextAreaField as TextArea } from '../datamap/fields/text-area-field.tsx';
import '../datamap/datamap.css';
import { TextField } from '../text-field.tsx';
import {
  emptyDraft,
  fromDraft,
  toDraft,
  type OrganisationDraft,
  type OrganisationSettings,
} from './organisation-form-state.ts';

const TIME_ZONES: readonly string[] = Intl.supportedValuesOf('timeZone');

/** The controller's details, time zone and holiday calendar: what letters, notices and deadlines use. */
export function OrganisationPage() {
  const { api } = useAdmin();
  const { user } = useSession();
  const canEdit = roleAllows(user.role, 'admin');
  const [draft, setDraft] = useState<OrganisationDraft | null>(null);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const controller = new AbortController();
    api.get<OrganisationSettings>('/api/admin/organisation', controller.signal).then(
      (settings) => setDraft(toDraft(settings)),
      (failure: unknown) => {
        if (controller.signal.aborted) return;
        if (failure instanceof ApiError && failure.status === 404) setDraft(emptyDraft);
        else setError(errorMessage(failure));
      },
    );
    return () => controller.abort();
  }, [api]);

  function change(field: keyof OrganisationDraft) {
    return (value: string) => {
      setSaved(false);
      setDraft((current) => (current === null ? current : { ...current, [field]: value }));
    };
  }

  async function submit(event: FormEvent<HTMLFormElement>): Promise<void> {
    event.preventDefault();
    if (draft === null) return;
    setBusy(true);
    setError(null);
    setIssues({});
    try {
      const stored = await api.put<OrganisationSettings>('/api/admin/organisation', fromDraft(draft));
      setDraft(toDraft(stored));
      setSaved(true);
    } catch (failure) {
      setIssues(fieldIssues(failure));
      setError(errorMessage(failure));
    } finally {
      setBusy(false);
    }
  }

  const holidayIssue = Object.entries(issues).find(([field]) => field.startsWith('holidays'))?.[1];
  return (
    <>
      <PageHeading title="Organisation" titleSuffix="Privet admin" />
      <p>
        The controller named on notices, letters and the record of processing. Request deadlines are counted
        on its time zone and holiday calendar.
      </p>
      {error !== null && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {saved && <p role="status">Saved.</p>}
      {draft === null ? (
        error === null && <p role="status">Loading…</p>
      ) : (
        <form
          className="stacked-form"
          aria-label="Organisation settings"
          onSubmit={(event) => void submit(event)}
        >
          <fieldset disabled={!canEdit || busy} className="form-fields">
            <TextField
              id="org-name"
              label="Name"
              required
              value={draft.name}
              onChange={change('name')}
              error={issues.name}
            />
            <TextArea
              id="org-address"
              label="Address"
              value={draft.address}
              onChange={change('address')}
              error={issues.address}
            />
            <TextField
              id="org-email"
              label="Privacy contact email"
              type="email"
              value={draft.email}
              onChange={change('email')}
              error={issues.email}
            />
            <TextField
              id="org-dpo"
              label="Data protection officer"
              hint="Name and contact"
              value={draft.dpo}
              onChange={change('dpo')}
              error={issues.dpo}
            />
            <div className="field">
              <label htmlFor="org-time-zone">Time zone</label>
              <input
                id="org-time-zone"
                list="org-time-zones"
                required
                value={draft.timeZone}
                aria-describedby="org-time-zone-hint"
                aria-invalid={issues.timeZone === undefined ? undefined : true}
                onChange={(event) => change('timeZone')(event.target.value)}
              />
              <datalist id="org-time-zones">
                {TIME_ZONES.map((zone) => (
                  <option key={zone} value={zone} />
                ))}
              </datalist>
              <span id="org-time-zone-hint" className="field-hint">
                An IANA name such as Europe/Berlin; deadlines end at midnight there.
              </span>
              {issues.timeZone !== undefined && <span className="field-error">{issues.timeZone}</span>}
            </div>
            <TextArea
              id="org-holidays"
              label="Public holidays"
              hint="One date per line as YYYY-MM-DD. Deadlines that end on a holiday, a Saturday or a Sunday move to the next working day (GDPR); CCPA business days skip them."
              value={draft.holidays}
              onChange={change('holidays')}
              error={holidayIssue}
            />
            <TextArea
              id="org-authority"
              label="Supervisory authority"
              hint="Name and address, quoted in refusal letters as where the person can complain."
              value={draft.supervisoryAuthority}
              onChange={change('supervisoryAuthority')}
              error={issues.supervisoryAuthority}
            />
            {canEdit && (
              <div>
                <button className="button" type="submit">
                  Save
                </button>
              </div>
            )}
          </fieldset>
        </form>
      )}
    </>
  );
}
