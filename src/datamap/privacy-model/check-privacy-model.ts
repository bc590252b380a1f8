import { adequateCountries, isThirdCountry } from '../recipients/third-countries.ts';
import { checkPurpose } from './check-purpose.ts';
import type { DataMapIssue } from './data-map-issue.ts';
import type { PrivacyModel } from './privacy-model.ts';

function recipientIssues(model: PrivacyModel): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  const systemRecipients = new Set(model.systems.flatMap((s) => s.recipientKeys));
  for (const recipient of model.recipients) {
    const at = `recipients/${recipient.key}`;
    if (recipient.role === 'processor' && recipient.dpaSignedOn === null) {
      issues.push({
        code: 'processor_without_dpa',
        severity: 'error',
        path: `${at}/dpaSignedOn`,
        message: `${recipient.name} processes data for us without a recorded Art. 28 contract`,
      });
    }
    const receivesData =
      systemRecipients.has(recipient.key) ||
      model.purposes.some((p) => p.recipientKeys.includes(recipient.key));
    const transferred = model.transfers.some((t) => t.recipientKey === recipient.key);
    if (receivesData && isThirdCountry(recipient.country) && !transferred) {
      issues.push({
        code: 'third_country_recipient_without_transfer',
        severity: 'error',
        path: `${at}/country`,
        message: `${recipient.name} is in a third country (${recipient.country}); record the transfer and its safeguard`,
      });
    }
  }
  return issues;
}

function transferIssues(model: PrivacyModel): DataMapIssue[] {
  const issues: DataMapIssue[] = [];
  for (const transfer of model.transfers) {
    const at = `transfers/${transfer.id}`;
    const country = transfer.destinationCountry;
    if (!model.recipients.some((r) => r.key === transfer.recipientKey)) {
      issues.push({
        code: 'unknown_recipient',
        severity: 'error',
        path: `${at}/recipientKey`,
        message: `no recipient ${transfer.recipientKey}`,
      });
    }
    if (!isThirdCountry(country)) continue;
    if (transfer.safeguard === null) {
      issues.push({
        code: 'transfer_without_safeguard',
        severity: 'error',
        path: `${at}/safeguard`,
        message: `a transfer to the third country ${country} needs a Chapter V safeguard`,
      });
      continue;
    }
    if (transfer.safeguard === 'adequacy' && !adequateCountries.has(country)) {
      issues.push({
        code: 'adequacy_not_recognised',
        severity: 'error',
        path: `${at}/safeguard`,
        message: `the European Commission has no adequacy decision for ${country}`,
      });
    }
    if (transfer.safeguardReference.trim() === '') {
      issues.push({
        code: 'safeguard_reference_missing',
        severity: 'warning',
        path: `${at}/safeguardReference`,
        message: 'name the decision, clauses or rules relied on',
      });
    }
  }
  return issues;
}

function systemIssues(model: PrivacyModel): DataMapIssue[] {
  return model.systems.flatMap((system) =>
    system.recipientKeys.flatMap((key, i) =>
      model.recipients.some((r) => r.key === key)
        ? []
        : [
            {
              code: 'unknown_recipient',
              severity: 'error' as const,
              path: `systems/${system.key}/recipientKeys/${i}`,
              message: `no recipient ${key}`,
            },
          ],
    ),
  );
}

/**
 * Checks the privacy model against the GDPR's record-keeping duties and the taxonomy; returns every issue
 * found (errors first), never throws for a finding.
 */
export function checkPrivacyModel(model: PrivacyModel): DataMapIssue[] {
  const issues = [
    ...model.purposes.flatMap((purpose) => checkPurpose(model, purpose)),
    ...recipientIssues(model),
    ...transferIssues(model),
    ...systemIssues(model),
  ];
  return [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity === 'warning')];
}
