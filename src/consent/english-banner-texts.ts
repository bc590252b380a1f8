import type { BannerTexts } from './banner-texts.ts';

/** English, shipped; other languages come from the consent settings. */
export const englishBannerTexts: Omit<BannerTexts, 'privacyNoticeUrl'> = {
  title: 'Your privacy choices',
  body:
    'We use cookies and similar technologies that are strictly necessary to run this site. With your ' +
    'consent we also use them for the purposes below. You can change your choice at any time.',
  acceptAll: 'Accept all',
  rejectAll: 'Reject all',
  customize: 'Customize',
  save: 'Save choices',
  close: 'Close',
  privacyNotice: 'Privacy notice',
  gpc: 'Your browser sends Global Privacy Control: categories that sell or share data stay off unless you switch them on.',
};
