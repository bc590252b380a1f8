/**
 * Where data of a category comes from, as far as Art. 20 GDPR cares: `provided` by the person (typed in,
 * uploaded, chosen), `observed` by the system while they use it, `derived` (inferred or recorded by someone
 * else), or `assigned` by the system (ids, credentials).
 */
export const categoryOrigins = ['provided', 'observed', 'derived', 'assigned'] as const;
export type CategoryOrigin = (typeof categoryOrigins)[number];

// By fideslang key; a key takes the origin of its nearest listed ancestor, so an organisation's extension
// `user.contact.messenger` is provided like its parent. The portability copy takes only what the person gave
// us; EDPB guidance (WP242 rev.01) also counts observed data as "provided", a wider reading an organisation can
// adopt by moving keys here.
const origins: Readonly<Record<string, CategoryOrigin>> = {
  system: 'assigned',
  user: 'derived',
  'user.account': 'provided',
  'user.contact': 'provided',
  'user.name': 'provided',
  'user.content': 'provided',
  'user.demographic': 'provided',
  'user.payment': 'provided',
  // "Payment data and financial history": the history is ours; the card and account the person gave are not.
  'user.financial': 'derived',
  'user.financial.bank_account': 'provided',
  'user.financial.credit_card': 'provided',
  'user.government_id': 'provided',
  'user.privacy_preferences': 'provided',
  'user.job_title': 'provided',
  'user.workplace': 'provided',
  'user.behavior': 'observed',
  'user.device': 'observed',
  'user.location': 'observed',
  'user.telemetry': 'observed',
  'user.sensor': 'observed',
  'user.user_sensor': 'observed',
  'user.social': 'observed',
  'user.biometric': 'observed',
  'user.unique_id': 'assigned',
  // Credentials are the person's, but a copy of a password hash helps only an attacker (Art. 20(4)).
  'user.authorization': 'assigned',
  'user.health_and_medical': 'derived',
  'user.criminal_history': 'derived',
  'user.childrens': 'derived',
};

/** The origin of a data category by its nearest listed ancestor; an unknown key counts as derived. */
export function categoryOrigin(key: string): CategoryOrigin {
  const parts = key.split('.');
  for (let length = parts.length; length > 0; length--) {
    const origin = origins[parts.slice(0, length).join('.')];
    if (origin !== undefined) return origin;
  }
  return 'derived';
}
