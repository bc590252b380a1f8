import { Type, type Static } from 'typebox';
import { CountryCodeSchema, FidesKeySchema, optionalText } from '../privacy-model/field-schemas.ts';

/**
 * How a transfer to a third country is made lawful (GDPR Chapter V): an adequacy decision (Art. 45), standard
 * contractual clauses (Art. 46(2)(c)), binding corporate rules (Art. 47) or a derogation (Art. 49).
 */
export const transferSafeguards = ['adequacy', 'scc', 'bcr', 'derogation_49'] as const;
export type TransferSafeguard = (typeof transferSafeguards)[number];

/** The words a notice uses for each safeguard. */
export const safeguardPlainNames: Readonly<Record<TransferSafeguard, string>> = {
  adequacy: 'Adequacy decision of the European Commission (Art. 45 GDPR)',
  scc: 'Standard contractual clauses (Art. 46(2)(c) GDPR)',
  bcr: 'Binding corporate rules (Art. 47 GDPR)',
  derogation_49: 'Derogation for a specific situation (Art. 49 GDPR)',
};

/** What a caller writes about an international transfer. */
export const TransferFieldsSchema = Type.Object({
  recipientKey: FidesKeySchema,
  systemKey: Type.Optional(Type.Union([FidesKeySchema, Type.Null()])),
  destinationCountry: CountryCodeSchema,
  safeguard: Type.Optional(Type.Union([Type.Enum(transferSafeguards), Type.Null()])),
  safeguardReference: optionalText(
    2000,
    'The decision, clauses or derogation relied on, e.g. "SCC 2021/914 module 2"',
  ),
});
export type TransferFields = Static<typeof TransferFieldsSchema>;

/** A transfer as stored and returned. */
export const TransferSchema = Type.Object({
  id: Type.String(),
  recipientKey: Type.String(),
  systemKey: Type.Union([Type.String(), Type.Null()]),
  destinationCountry: Type.String(),
  safeguard: Type.Union([Type.Enum(transferSafeguards), Type.Null()]),
  safeguardReference: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Transfer = Static<typeof TransferSchema>;
