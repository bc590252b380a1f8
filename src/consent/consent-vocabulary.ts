/** What a consent event records about a purpose. */
export const consentActions = ['given', 'withdrawn', 'objected'] as const;
export type ConsentAction = (typeof consentActions)[number];

/** How the choice reached Privet. */
export const consentMethods = ['banner', 'portal', 'email', 'staff', 'gpc', 'api'] as const;
export type ConsentMethod = (typeof consentMethods)[number];

/** The methods a public (unauthenticated) post may name; `gpc` is also derived from the Sec-GPC header. */
export const publicConsentMethods = ['banner', 'gpc', 'portal', 'api'] as const;
export type PublicConsentMethod = (typeof publicConsentMethods)[number];

/** Whose consent a state row or history is about. */
export const subjectTypes = ['person', 'device'] as const;
export type SubjectType = (typeof subjectTypes)[number];

/** True when the string is one of the ledger's actions. */
export function isConsentAction(value: string): value is ConsentAction {
  return (consentActions as readonly string[]).includes(value);
}

/** True when the string is one of the ledger's methods. */
export function isConsentMethod(value: string): value is ConsentMethod {
  return (consentMethods as readonly string[]).includes(value);
}
