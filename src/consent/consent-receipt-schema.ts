import { Type, type Static } from 'typebox';

const Purpose = Type.Object({
  purpose: Type.String(),
  purposeCategory: Type.Array(Type.String()),
  consentType: Type.String(),
  piiCategory: Type.Array(Type.String()),
  primaryPurpose: Type.Boolean(),
  termination: Type.String(),
  thirdPartyDisclosure: Type.Boolean(),
  thirdPartyName: Type.Optional(Type.String()),
});

/**
 * A consent receipt: the Kantara Consent Receipt 1.1 fields, then the ISO/IEC TS 27560 record fields where
 * they say more (`event`, `state`, `notice` with its text hash), then where the event sits in the ledger.
 */
export const ConsentReceiptSchema = Type.Object(
  {
    version: Type.Literal('KI-CR-v1.1.0'),
    jurisdiction: Type.String(),
    consentTimestamp: Type.Integer({ description: 'Seconds since the epoch, as Kantara 1.1 has it' }),
    collectionMethod: Type.String(),
    consentReceiptID: Type.String(),
    publicKey: Type.Optional(Type.String()),
    language: Type.String(),
    piiPrincipalId: Type.String(),
    piiControllers: Type.Array(
      Type.Object({
        piiController: Type.String(),
        contact: Type.String(),
        address: Type.String(),
        email: Type.String(),
        phone: Type.String(),
        piiControllerUrl: Type.Optional(Type.String()),
      }),
    ),
    policyUrl: Type.String(),
    services: Type.Array(Type.Object({ service: Type.String(), purposes: Type.Array(Purpose) })),
    sensitive: Type.Boolean(),
    spiCat: Type.Array(Type.String()),
    recordId: Type.String({ description: 'ISO/IEC TS 27560: the consent record (ledger event) id' }),
    event: Type.Object({
      time: Type.String({ description: 'ISO 8601' }),
      type: Type.String({ description: 'The DPV consent status the event moved to' }),
      method: Type.String(),
      globalPrivacyControl: Type.Boolean(),
    }),
    state: Type.String({ description: 'given, withdrawn or objected' }),
    notice: Type.Object({
      version: Type.String(),
      hash: Type.Object({ algorithm: Type.Literal('SHA-256'), value: Type.String() }),
      url: Type.String(),
    }),
    dataSubject: Type.Object({
      personId: Type.Union([Type.String(), Type.Null()]),
      personVerified: Type.Boolean(),
      deviceId: Type.Union([Type.String(), Type.Null()]),
    }),
    collection: Type.Object({
      ipTruncated: Type.Union([Type.String(), Type.Null()]),
      userAgentFamily: Type.Union([Type.String(), Type.Null()]),
    }),
    ledger: Type.Object({ seq: Type.Integer(), hash: Type.String(), prevHash: Type.String() }),
  },
  { $id: 'ConsentReceipt' },
);
export type ConsentReceipt = Static<typeof ConsentReceiptSchema>;
