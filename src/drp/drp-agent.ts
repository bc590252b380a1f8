/** An authorized agent Privet trusts (spec 3.05.1), with its verify key as Base64 of the raw 32 bytes. */
export interface DrpAgent {
  readonly id: string;
  readonly name: string;
  readonly verifyKey: string;
  readonly webUrl: string | null;
  readonly identityAssuranceUrl: string | null;
  readonly technicalContact: string | null;
  readonly businessContact: string | null;
  /** Verification methods the entry lists, if any (live directories spell the key `supported_verfications`). */
  readonly supportedVerifications: readonly string[];
  /** Where the entry comes from: the configured directory file or the admin API (stored). */
  readonly source: 'directory' | 'admin';
}

/** Agent ids as the directory uses them (the schema's unanchored `[A-Z_]+` admits digits, e.g. `..._001`). */
export const AGENT_ID_PATTERN = '^[A-Za-z0-9_.:-]{1,100}$';
