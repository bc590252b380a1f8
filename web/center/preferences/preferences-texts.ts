import type { CenterLanguage } from '../i18n/languages.ts';

/** The preference portal's texts in one language. */
export interface PreferencesTexts {
  readonly title: string;
  readonly intro: string;
  readonly emailLabel: string;
  readonly emailHint: string;
  readonly sendLink: string;
  readonly sending: string;
  readonly linkSent: string;
  readonly loading: string;
  readonly signedInAs: (email: string) => string;
  readonly consentsLegend: string;
  readonly consentsHint: string;
  readonly listsLegend: string;
  readonly listsHint: string;
  readonly noLists: string;
  readonly pending: string;
  readonly trackingLegend: string;
  readonly trackingLabel: string;
  readonly trackingHint: string;
  readonly save: string;
  readonly saving: string;
  readonly saved: (count: number) => string;
  readonly historyTitle: string;
  readonly historyEmpty: string;
  readonly actions: Readonly<Record<string, string>>;
  readonly methods: Readonly<Record<string, string>>;
  readonly linkInvalid: string;
  readonly askAgain: string;
  readonly failed: string;
  readonly confirmTitle: string;
  readonly confirmIntro: string;
  readonly confirmButton: string;
  readonly confirmed: (list: string) => string;
  readonly confirmInvalid: string;
  readonly manage: string;
}

const en: PreferencesTexts = {
  title: 'Your privacy choices',
  intro:
    'See and change what you have agreed to and which e-mails you get. Enter your e-mail address and we send you a link to your choices.',
  emailLabel: 'E-mail address',
  emailHint: 'The address you subscribed or gave consent with.',
  sendLink: 'Send me the link',
  sending: 'Sending…',
  linkSent: 'If we know this address, a link to your choices is on its way to it. It works for 24 hours.',
  loading: 'Loading your choices…',
  signedInAs: (email) => `Choices of ${email}`,
  consentsLegend: 'What you agree to',
  consentsHint: 'Switch a purpose off to withdraw your consent; it takes effect at once.',
  listsLegend: 'E-mails you get',
  listsHint: 'Unsubscribing takes effect at once.',
  noLists: 'There are no e-mail lists.',
  pending: '(waiting for your confirmation)',
  trackingLegend: 'E-mail measurement',
  trackingLabel: 'Measure whether I open our e-mails and which links I click',
  trackingHint: 'Without this, our e-mails contain no tracking pixel and plain links.',
  save: 'Save my choices',
  saving: 'Saving…',
  saved: (count) =>
    count === 0 ? 'Nothing changed.' : `Saved: ${count} change${count === 1 ? '' : 's'} recorded.`,
  historyTitle: 'Your recent choices',
  historyEmpty: 'No choices recorded yet.',
  actions: { given: 'agreed', withdrawn: 'withdrawn', objected: 'objected' },
  methods: {
    banner: 'cookie banner',
    portal: 'this page',
    email: 'e-mail',
    staff: 'our staff',
    gpc: 'browser signal (GPC)',
    api: 'our systems',
  },
  linkInvalid: 'This link is not valid or has expired.',
  askAgain: 'Ask for a new link',
  failed: 'That did not work. Please try again.',
  confirmTitle: 'Confirm your subscription',
  confirmIntro: 'Confirm that you want to receive these e-mails. You can unsubscribe at any time.',
  confirmButton: 'Confirm my subscription',
  confirmed: (list) => `Thank you: you are subscribed to ${list}.`,
  confirmInvalid: 'This confirmation link is not valid or has expired. Please subscribe again.',
  manage: 'Manage your choices',
};

const de: PreferencesTexts = {
  title: 'Ihre Datenschutz-Einstellungen',
  intro:
    'Sehen und ändern Sie, wozu Sie eingewilligt haben und welche E-Mails Sie erhalten. Geben Sie Ihre E-Mail-Adresse ein, und wir senden Ihnen einen Link zu Ihren Einstellungen.',
  emailLabel: 'E-Mail-Adresse',
  emailHint: 'Die Adresse, mit der Sie sich angemeldet oder eingewilligt haben.',
  sendLink: 'Link senden',
  sending: 'Wird gesendet…',
  linkSent:
    'Wenn wir diese Adresse kennen, ist ein Link zu Ihren Einstellungen unterwegs. Er gilt 24 Stunden.',
  loading: 'Ihre Einstellungen werden geladen…',
  signedInAs: (email) => `Einstellungen von ${email}`,
  consentsLegend: 'Wozu Sie einwilligen',
  consentsHint: 'Schalten Sie einen Zweck aus, um Ihre Einwilligung zu widerrufen; das wirkt sofort.',
  listsLegend: 'E-Mails, die Sie erhalten',
  listsHint: 'Eine Abmeldung wirkt sofort.',
  noLists: 'Es gibt keine E-Mail-Listen.',
  pending: '(wartet auf Ihre Bestätigung)',
  trackingLegend: 'E-Mail-Messung',
  trackingLabel: 'Messen, ob ich Ihre E-Mails öffne und welche Links ich anklicke',
  trackingHint: 'Ohne diese Einwilligung enthalten unsere E-Mails kein Zählpixel und nur direkte Links.',
  save: 'Einstellungen speichern',
  saving: 'Wird gespeichert…',
  saved: (count) =>
    count === 0 ? 'Nichts geändert.' : `Gespeichert: ${count} Änderung${count === 1 ? '' : 'en'} erfasst.`,
  historyTitle: 'Ihre letzten Entscheidungen',
  historyEmpty: 'Noch keine Entscheidungen erfasst.',
  actions: { given: 'eingewilligt', withdrawn: 'widerrufen', objected: 'widersprochen' },
  methods: {
    banner: 'Cookie-Banner',
    portal: 'diese Seite',
    email: 'E-Mail',
    staff: 'unser Team',
    gpc: 'Browser-Signal (GPC)',
    api: 'unsere Systeme',
  },
  linkInvalid: 'Dieser Link ist ungültig oder abgelaufen.',
  askAgain: 'Neuen Link anfordern',
  failed: 'Das hat nicht geklappt. Bitte versuchen Sie es noch einmal.',
  confirmTitle: 'Anmeldung bestätigen',
  confirmIntro:
    'Bestätigen Sie, dass Sie diese E-Mails erhalten möchten. Sie können sich jederzeit abmelden.',
  confirmButton: 'Anmeldung bestätigen',
  confirmed: (list) => `Vielen Dank: Sie haben ${list} abonniert.`,
  confirmInvalid: 'Dieser Bestätigungslink ist ungültig oder abgelaufen. Bitte melden Sie sich erneut an.',
  manage: 'Einstellungen verwalten',
};

/** The portal's texts in the center's language. */
export const preferencesTexts: Readonly<Record<CenterLanguage, PreferencesTexts>> = { en, de };
