/** The organisation settings as the API holds them. */
export interface OrganisationSettings {
  readonly name: string;
  readonly address: string;
  readonly email: string;
  readonly dpo: string;
  readonly timeZone: string;
  readonly supervisoryAuthority: string;
  readonly holidays?: readonly string[];
}

/** The form's text values; holidays are one date per line. */
export interface OrganisationDraft {
  readonly name: string;
  readonly address: string;
  readonly email: string;
  readonly dpo: string;
  readonly timeZone: string;
  readonly supervisoryAuthority: string;
  readonly holidays: string;
}

/** An empty form for an organisation that is not set up yet. */
export const emptyDraft: OrganisationDraft = {
  name: '',
  address: '',
  email: '',
  dpo: '',
  timeZone: 'UTC',
  supervisoryAuthority: '',
  holidays: '',
};

/** The form values of stored settings. */
export function toDraft(settings: OrganisationSettings): OrganisationDraft {
  return { ...settings, holidays: (settings.holidays ?? []).join('\n') };
}

/** The settings a draft stands for: blank lines and spaces around dates are dropped, dates sorted. */
export function fromDraft(draft: OrganisationDraft): OrganisationSettings {
  const holidays = draft.holidays
    .split(/[\s,]+/)
    .map((day) => day.trim())
    .filter((day) => day !== '');
  return { ...draft, holidays: [...new Set(holidays)].sort() };
}
