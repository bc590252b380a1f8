import type { DrpAction } from './drp-vocabulary.ts';
import type { ExerciseClaims } from './exercise-claims.ts';

/** The identity claims an agent can mark verified (spec 3.04), as a business's supported_verifications names them. */
export type VerifiedClaim = 'email' | 'phone_number' | 'address';

/**
 * How many verified claims each action needs before Privet relies on the agent's verification (CCPA regs
 * §7060–7062): none for opt-out and opt-in, which must not require verification; two data points for the
 * categories of data and for deletion (a reasonable degree of certainty, §7062(b) and (d)); three for specific
 * pieces of information (a reasonably high degree of certainty, §7062(c)).
 */
export const VERIFIED_CLAIMS_NEEDED: Readonly<Record<DrpAction, number>> = {
  'sale:opt-out': 0,
  'sale:opt-in': 0,
  'access:categories': 2,
  deletion: 2,
  access: 3,
  'access:specific': 3,
};

/** Whether the agent's claims verify the person enough for the action, and which claims were verified. */
export interface IdentityAssurance {
  readonly sufficient: boolean;
  readonly verified: readonly VerifiedClaim[];
  readonly needed: number;
  /** True when a power of attorney (with a verified email) stood in for the missing claims. */
  readonly byPowerOfAttorney: boolean;
}

/**
 * Judges the agent's claims for the action. A claim counts only when present and marked verified. A power of
 * attorney (CCPA regs §7063(b): then the person cannot be asked to verify directly) together with a verified
 * email is enough for any action.
 */
export function identityAssurance(exercise: ExerciseClaims): IdentityAssurance {
  const verified: VerifiedClaim[] = [];
  if (exercise.emailVerified) verified.push('email');
  if (exercise.phoneVerified && exercise.identity.phone !== undefined) verified.push('phone_number');
  if (exercise.addressVerified && exercise.address !== null) verified.push('address');
  const needed = VERIFIED_CLAIMS_NEEDED[exercise.action];
  const byClaims = verified.length >= needed;
  const byPowerOfAttorney = !byClaims && exercise.powerOfAttorney !== null && exercise.emailVerified;
  return { sufficient: byClaims || byPowerOfAttorney, verified, needed, byPowerOfAttorney };
}
