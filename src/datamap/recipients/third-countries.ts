// Which destinations are "third countries" under GDPR Chapter V, and which of them have an adequacy decision.
// Kept as data in one place; the Commission's list changes rarely and a change here is one line.

/** The EU member states and the EEA states Iceland, Liechtenstein and Norway: no transfer safeguard needed. */
// prettier-ignore
export const eeaCountries: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU',
  'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
]);

/**
 * Countries with an adequacy decision under Art. 45 GDPR. Canada covers commercial organisations under
 * PIPEDA; the United States covers only organisations certified under the EU-U.S. Data Privacy Framework.
 */
// prettier-ignore
export const adequateCountries: ReadonlySet<string> = new Set([
  'AD', 'AR', 'CA', 'FO', 'GG', 'IL', 'IM', 'JP', 'JE', 'NZ', 'KR', 'CH', 'GB', 'UY', 'US',
]);

/** True when data sent to the country leaves the EEA. */
export function isThirdCountry(country: string): boolean {
  return !eeaCountries.has(country.toUpperCase());
}
