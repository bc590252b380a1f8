import { newDeviceId } from './device-id.ts';
import { readLocal, writeLocal } from './local-json.ts';
import type { StoredConsent } from './types.ts';

const KEY = 'privet:consent';

/** The visitor's stored consent, or a fresh record with a new device id. */
export function readStoredConsent(): StoredConsent {
  const stored = readLocal<StoredConsent>(KEY);
  return typeof stored?.deviceId === 'string' ? stored : { deviceId: newDeviceId() };
}

/** Keeps the visitor's consent on this site. */
export function writeStoredConsent(consent: StoredConsent): void {
  writeLocal(KEY, consent);
}
