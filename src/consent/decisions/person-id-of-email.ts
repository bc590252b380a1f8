/**
 * The person id under which Privet keeps the consent and limits of someone known by email: the address,
 * trimmed and in lower case. Portal, staff and marketing consent for a person use the same id, so that a
 * decision asked by email, by this person id, or a limit recorded from a request all meet.
 */
export function personIdOfEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True when the address is already in person-id form (no surrounding space, no upper case): no copy needed. */
export function isPersonIdOfEmail(email: string): boolean {
  const last = email.length - 1;
  if (last < 0 || email.charCodeAt(0) <= 32 || email.charCodeAt(last) <= 32) return false;
  for (let i = 0; i <= last; i++) {
    const c = email.charCodeAt(i);
    // Upper-case ASCII needs lowering; beyond ASCII, leave the judgement to toLowerCase.
    if ((c >= 65 && c <= 90) || c > 127) return false;
  }
  return true;
}
