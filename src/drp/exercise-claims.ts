import { checkWebhookUrl, type TargetPolicy } from '../webhooks/target-policy.ts';
import { DrpError } from './drp-error.ts';
import { isDrpAction, type DrpAction } from './drp-vocabulary.ts';

/** What Privet takes from a verified exercise message (spec 2.01, identity claims of 3.04). */
export interface ExerciseClaims {
  readonly action: DrpAction;
  readonly regime: 'ccpa' | null;
  readonly relationships: readonly string[];
  readonly statusCallback: string | null;
  readonly agentRequestId: string | null;
  readonly identity: { readonly email: string; readonly name?: string; readonly phone?: string };
  readonly emailVerified: boolean;
  readonly phoneVerified: boolean;
  /** The `address` claim (OpenID Connect 5.1.1) as one line, or null. */
  readonly address: string | null;
  readonly addressVerified: boolean;
  /** The `power_of_attorney` claim: a reference to the user-signed document delegating power to the agent. */
  readonly powerOfAttorney: string | null;
}

const ADDRESS_PARTS = ['street_address', 'locality', 'region', 'postal_code', 'country'] as const;

// OpenID Connect's address claim is an object; `formatted` is the full address, else its parts make one line.
function addressOf(claims: Readonly<Record<string, unknown>>): string | null {
  const value = claims.address;
  if (value === undefined || value === null) return null;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new DrpError(400, 'address must be an address object (OpenID Connect Core 1.0, 5.1.1)');
  }
  const address = value as Readonly<Record<string, unknown>>;
  for (const [name, part] of Object.entries(address)) {
    if (typeof part !== 'string' || part.length > 500) {
      throw new DrpError(400, `address.${name} must be a string of at most 500 characters`);
    }
  }
  const formatted = typeof address.formatted === 'string' ? address.formatted : undefined;
  const line =
    formatted ??
    ADDRESS_PARTS.map((part) => address[part])
      .filter((part): part is string => typeof part === 'string' && part.trim() !== '')
      .join(', ');
  const oneLine = line.replace(/\s+/g, ' ').trim();
  return oneLine === '' ? null : oneLine;
}

function optionalString(claims: Readonly<Record<string, unknown>>, name: string, max: number): string | null {
  const value = claims[name];
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > max) {
    throw new DrpError(400, `${name} must be a string of at most ${max} characters`);
  }
  return value;
}

function callbackUrl(value: string | null, policy: TargetPolicy): string | null {
  if (value === null) return null;
  try {
    return checkWebhookUrl(value, policy).toString();
  } catch (error) {
    // The same rules as webhooks: https, no credentials, no private or (unless allowed) loopback targets.
    throw new DrpError(400, `status_callback ${error instanceof Error ? error.message : 'is not allowed'}`);
  }
}

/** Reads the exercise claims; a 400 names the first claim to fix. */
export function readExerciseClaims(
  claims: Readonly<Record<string, unknown>>,
  policy: TargetPolicy,
): ExerciseClaims {
  const version = claims['drp.version'];
  if (typeof version !== 'string' || !/^1(\.\d+)*$/.test(version)) {
    throw new DrpError(400, 'drp.version must be "1.0"');
  }
  const action = claims.exercise;
  if (!isDrpAction(action)) {
    throw new DrpError(400, 'Unsupported rights actions submitted.');
  }
  const regime = optionalString(claims, 'regime', 40);
  if (regime !== null && regime !== 'ccpa') {
    throw new DrpError(400, `Unsupported regime ${JSON.stringify(regime)}: send "ccpa" or leave it out`);
  }
  const relationships = claims.relationships ?? [];
  if (
    !Array.isArray(relationships) ||
    !relationships.every((r) => typeof r === 'string' && r.length <= 100)
  ) {
    throw new DrpError(400, 'relationships must be a list of strings');
  }
  const email = optionalString(claims, 'email', 320);
  if (email === null) {
    throw new DrpError(400, 'The email claim is required: requests here are matched by email address');
  }
  const name = optionalString(claims, 'name', 200);
  const phone = optionalString(claims, 'phone_number', 40);
  return {
    action,
    regime,
    relationships: relationships.slice(0, 50) as string[],
    statusCallback: callbackUrl(optionalString(claims, 'status_callback', 2000), policy),
    agentRequestId: optionalString(claims, 'agent-request-id', 200),
    identity: { email, ...(name === null ? {} : { name }), ...(phone === null ? {} : { phone }) },
    emailVerified: claims.email_verified === true,
    phoneVerified: claims.phone_number_verified === true,
    address: addressOf(claims),
    addressVerified: claims.address_verified === true,
    powerOfAttorney: optionalString(claims, 'power_of_attorney', 2000),
  };
}
