import type { Choices, ConsentConfig, StoredConsent } from './types.ts';

// Choices made under another notice version are not valid for this one: they only prefill the dialog.
function currentChoices(config: ConsentConfig, stored: StoredConsent): Choices {
  return stored.noticeVersion === config.noticeVersion ? (stored.choices ?? {}) : {};
}

/** Whether the visitor must be asked: no decision, another notice version, or a category never decided. */
export function needsAsking(config: ConsentConfig, stored: StoredConsent): boolean {
  const current = currentChoices(config, stored);
  return config.categories.some((category) => !category.required && !(category.key in current));
}

/**
 * The choices to record with method `gpc` when the browser sends Global Privacy Control and an opted-out
 * category has no decision under this notice version yet; `undefined` when there is nothing to record.
 */
export function gpcChoices(config: ConsentConfig, stored: StoredConsent, gpc: boolean): Choices | undefined {
  const current = currentChoices(config, stored);
  const pending = config.categories.filter((c) => gpc && c.gpcOptOut && !c.required && !(c.key in current));
  if (pending.length === 0) return undefined;
  const choices: Choices = { ...current };
  for (const category of config.categories) if (category.required) choices[category.key] = true;
  for (const category of pending) choices[category.key] = false;
  return choices;
}

/** Where the dialog's switches start: required on, earlier choices kept (any version), the rest off. */
export function initialChoices(config: ConsentConfig, stored: StoredConsent): Choices {
  const choices: Choices = {};
  for (const c of config.categories) choices[c.key] = c.required || stored.choices?.[c.key] === true;
  return choices;
}

/**
 * "Accept all": every category on, except that a GPC opt-out stays as it is. GPC is a specific signal and a
 * bulk button is not an informed override of it; the category's own switch is.
 */
export function acceptAllChoices(config: ConsentConfig, initial: Choices, gpc: boolean): Choices {
  const choices: Choices = {};
  for (const c of config.categories)
    choices[c.key] = c.required || !(gpc && c.gpcOptOut) || initial[c.key] === true;
  return choices;
}

/** "Reject all": only the required categories. */
export function rejectAllChoices(config: ConsentConfig): Choices {
  const choices: Choices = {};
  for (const c of config.categories) choices[c.key] = c.required;
  return choices;
}

/** Closing without a choice refuses what is still undecided and keeps what was decided under this version. */
export function dismissChoices(config: ConsentConfig, stored: StoredConsent): Choices {
  return { ...rejectAllChoices(config), ...currentChoices(config, stored) };
}

/**
 * The choices to post. Under GPC an opted-out category that is off is left out: the server then records it
 * as withdrawn with method `gpc`, which is why it is off. Only switching it on is the visitor's own choice.
 */
export function postedChoices(config: ConsentConfig, choices: Choices, gpc: boolean): Choices {
  const posted: Choices = {};
  for (const c of config.categories) {
    const given = choices[c.key];
    if (given !== undefined && !(gpc && c.gpcOptOut && !given)) posted[c.key] = given;
  }
  return posted;
}
