import type { Texts } from './types.ts';

/** English, used for any text the server's configuration leaves out. */
export const defaultTexts: Texts = {
  title: 'Your privacy choices',
  body: 'We use cookies and similar technologies for the purposes below. Only the necessary ones are on unless you agree. You can change your choice at any time.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  save: 'Save choices',
  close: 'Close',
  privacyNotice: 'Privacy notice',
  gpc: 'Your browser sends Global Privacy Control: categories that sell or share data stay off unless you switch them on.',
};
