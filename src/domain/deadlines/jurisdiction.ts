/** The legal regimes Privet computes request deadlines for. */
export const JURISDICTIONS = ['gdpr', 'uk_gdpr', 'ccpa'] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];
