import type { Messages } from './messages-en.ts';

/** Every text of the privacy center in German. */
export const de: Messages = {
  appName: 'Datenschutzcenter',
  skipLink: 'Zum Hauptinhalt springen',
  navLabel: 'Datenschutzcenter',
  privacyNotice: 'Datenschutzerklärung',
  poweredBy: 'Betrieben mit Privet',
  doNotSell: 'Meine personenbezogenen Daten nicht verkaufen oder weitergeben',
  languageSwitch: 'Sprache',
  backToCenter: 'Zurück zum Datenschutzcenter',
  loading: 'Wird geladen…',

  landing: {
    title: 'Ihre Daten, Ihre Rechte',
    text: 'Sie entscheiden, was mit Ihren personenbezogenen Daten geschieht. Hier sehen Sie, was wir über Sie gespeichert haben, lassen es berichtigen oder löschen, schränken die Nutzung ein, nehmen Ihre Daten mit und ändern Ihre Einwilligungen. Wir beantworten jede Anfrage innerhalb eines Monats.',
    noticeLink: 'Lesen Sie unsere Datenschutzerklärung',
    noticeText: ', um zu erfahren, welche Daten wir erheben, wozu und wie lange wir sie speichern.',
    rightsHeading: 'Was Sie tun können',
  },

  rights: {
    access: {
      title: 'Ihre Daten einsehen',
      summary:
        'Erhalten Sie eine Kopie Ihrer bei uns gespeicherten Daten und erfahren Sie, wie und wozu wir sie nutzen.',
    },
    correct: {
      title: 'Ihre Daten berichtigen',
      summary: 'Lassen Sie falsche oder unvollständige Daten über Sie korrigieren.',
    },
    delete: {
      title: 'Ihre Daten löschen',
      summary: 'Lassen Sie Ihre Daten löschen, wenn wir sie nicht mehr brauchen oder nicht behalten dürfen.',
    },
    object: {
      title: 'Einschränken oder widersprechen',
      summary:
        'Lassen Sie die Nutzung Ihrer Daten pausieren oder widersprechen Sie einer Nutzung, etwa der Direktwerbung.',
    },
    portability: {
      title: 'Daten mitnehmen',
      summary:
        'Erhalten Sie Ihre Daten in einer maschinenlesbaren Datei, um sie zu einem anderen Dienst mitzunehmen.',
    },
    consent: {
      title: 'Einwilligung widerrufen',
      summary: 'Widerrufen Sie jederzeit, was Sie erlaubt haben – so einfach, wie Sie zugestimmt haben.',
    },
    'do-not-sell': {
      title: 'Meine personenbezogenen Daten nicht verkaufen oder weitergeben',
      summary:
        'Untersagen Sie uns, Ihre Daten zu verkaufen oder für kontextübergreifende Werbung weiterzugeben.',
    },
  },

  form: {
    intro:
      'Sagen Sie uns, wer Sie sind und was Sie möchten. Wir senden einen 6-stelligen Code an Ihre E-Mail-Adresse, um sicherzugehen, dass die Anfrage von Ihnen kommt.',
    errorSummary: 'Es gibt ein Problem',
    email: 'E-Mail-Adresse',
    emailHint:
      'Die Adresse, die Sie bei uns verwenden. Dorthin senden wir den Code und alle Nachrichten zu Ihrer Anfrage.',
    name: 'Vollständiger Name (freiwillig)',
    jurisdiction: 'Wo wohnen Sie?',
    jurisdictionHint: 'Davon hängt ab, welches Recht gilt und wie lange wir für die Antwort Zeit haben.',
    jurisdictions: {
      gdpr: 'Europäische Union oder Europäischer Wirtschaftsraum',
      uk_gdpr: 'Vereinigtes Königreich',
      ccpa: 'Kalifornien, Vereinigte Staaten',
    },
    note: 'Möchten Sie uns noch etwas mitteilen? (freiwillig)',
    submit: 'Anfrage senden',
    sending: 'Wird gesendet…',
    kindLegend: 'Was sollen wir tun?',
    kinds: {
      restriction: 'Einschränken: meine Daten vorerst nicht nutzen (Art. 18)',
      objection: 'Widersprechen: eine Nutzung meiner Daten beenden (Art. 21)',
    },
    groundLegend: 'Warum sollen wir die Nutzung Ihrer Daten einschränken?',
    grounds: {
      accuracy_contested: 'Meine Daten sind falsch, und Sie brauchen Zeit, das zu prüfen',
      unlawful_processing: 'Sie nutzen meine Daten unrechtmäßig, ich möchte aber keine Löschung',
      needed_for_legal_claims: 'Sie brauchen meine Daten nicht mehr, ich aber für einen Rechtsanspruch',
      objection_pending: 'Ich habe widersprochen, und Sie prüfen, ob Ihre Gründe überwiegen',
    },
    purposesLegend: 'Welcher Nutzung widersprechen Sie?',
    purposesHint:
      'Einem Widerspruch gegen Direktwerbung folgen wir immer. Andere Nutzungen beenden wir, es sei denn, wir haben zwingende schutzwürdige Gründe, die wir Ihnen dann erklären.',
    allPurposes: 'Jede Nutzung meiner Daten, der ich widersprechen kann',
    purposesUnavailable:
      'Die Liste der Nutzungen konnte nicht geladen werden; beschreiben Sie unten, wogegen Sie widersprechen.',
    objectionText: 'Welcher Nutzung widersprechen Sie, und warum?',
    correctionsLegend: 'Was sollen wir berichtigen?',
    correctionChoose: 'Angabe auswählen',
    correctionField: (n: number) => `Zu berichtigende Angabe (${n})`,
    correctionFieldHint: 'Zum Beispiel: Anschrift, Nachname, Telefonnummer',
    correctionValue: (n: number) => `Richtiger Wert (${n})`,
    addCorrection: 'Weitere Berichtigung hinzufügen',
    removeCorrection: (n: number) => `Berichtigung ${n} entfernen`,
    portabilityLegend: 'Wohin sollen die Daten gehen?',
    portabilityTargets: {
      self: 'An mich, als Download',
      controller: 'Direkt an ein anderes Unternehmen',
    },
    portabilityEndpoint: 'Adresse (URL) des Empfangsendpunkts des anderen Unternehmens',
    portabilityEndpointHint: 'Sie muss mit https:// beginnen',
    optOutText:
      'Wir verkaufen Ihre personenbezogenen Daten nicht mehr und geben sie nicht mehr für kontextübergreifende Werbung weiter.',
    consentText:
      'Wir beenden jede Nutzung Ihrer Daten, die auf Ihrer Einwilligung beruht. Der Widerruf berührt nicht, was wir vorher getan haben.',
  },

  errors: {
    emailMissing: 'Geben Sie Ihre E-Mail-Adresse ein',
    emailInvalid: 'Geben Sie eine E-Mail-Adresse wie name@example.com ein',
    groundMissing: 'Wählen Sie, warum wir die Nutzung einschränken sollen',
    purposesMissing: 'Wählen Sie mindestens eine Nutzung oder beschreiben Sie sie',
    correctionMissing: 'Geben Sie an, was zu berichtigen ist und den richtigen Wert',
    endpointInvalid: 'Geben Sie eine Adresse ein, die mit https:// beginnt',
    codeInvalid: 'Geben Sie die 6 Ziffern aus der E-Mail ein',
    codeWrong: (triesLeft: number | null) =>
      triesLeft === null
        ? 'Dieser Code stimmt nicht. Prüfen Sie die E-Mail und versuchen Sie es erneut.'
        : `Dieser Code stimmt nicht. Sie haben noch ${triesLeft} ${triesLeft === 1 ? 'Versuch' : 'Versuche'}.`,
    codeLocked: 'Zu viele falsche Codes. Dieser Code gilt nicht mehr: Fordern Sie einen neuen an.',
    codeExpired: 'Dieser Code ist abgelaufen. Fordern Sie einen neuen an.',
    rateLimited: 'Zu viele Versuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
    network: 'Der Server ist nicht erreichbar. Prüfen Sie Ihre Verbindung und versuchen Sie es erneut.',
    generic: 'Etwas ist schiefgegangen. Bitte versuchen Sie es erneut.',
  },

  code: {
    title: 'Sehen Sie in Ihr E-Mail-Postfach',
    text: (email: string) => `Wir haben einen 6-stelligen Code an ${email} gesendet. Er gilt 10 Minuten.`,
    label: 'Code aus der E-Mail',
    hint: '6 Ziffern, zum Beispiel 123456',
    submit: 'Bestätigen',
    checking: 'Wird geprüft…',
    resend: 'Neuen Code senden',
    resent: 'Wir haben einen neuen Code gesendet. Nur der neueste Code gilt.',
    linkHint: 'Statt den Code einzugeben, können Sie auch den Link in der E-Mail öffnen.',
  },

  agent: {
    title: 'Einen Antrag in Ihrem Namen bestätigen',
    intro: (agent: string, action: string) =>
      `${agent}, ein bevollmächtigter Vertreter, hat uns in Ihrem Namen um Folgendes gebeten: ${action}. Bevor wir den Antrag bearbeiten, bestätigen Sie bitte, dass Sie es sind.`,
    how: 'Wir senden einen 6-stelligen Code an die E-Mail-Adresse, die uns der Vertreter genannt hat. Niemand sonst sieht ihn.',
    send: 'Code per E-Mail senden',
    codeText:
      'Wir haben einen 6-stelligen Code an die E-Mail-Adresse gesendet, die uns der Vertreter genannt hat. Er gilt 10 Minuten.',
    done: 'Dieser Antrag ist bestätigt. Sie können diese Seite schließen; Ihr Vertreter hält Sie auf dem Laufenden.',
    missing:
      'Dieser Link ist unvollständig oder funktioniert nicht mehr. Öffnen Sie ihn erneut aus der App oder Website Ihres Vertreters.',
    returning: 'Bestätigt. Sie werden zu Ihrem Vertreter zurückgeleitet …',
    actions: {
      access: 'Auskunft über die personenbezogenen Daten, die wir über Sie speichern',
      deletion: 'Löschung Ihrer personenbezogenen Daten',
      'sale:opt-out': 'Widerspruch gegen Verkauf oder Weitergabe Ihrer personenbezogenen Daten',
      'sale:opt-in': 'Einwilligung in den Verkauf Ihrer personenbezogenen Daten',
      'access:categories': 'Auskunft über die Kategorien personenbezogener Daten, die wir über Sie speichern',
      'access:specific': 'Auskunft über die einzelnen personenbezogenen Daten, die wir über Sie speichern',
    },
  },

  verify: {
    title: 'Ihre Anfrage wird bestätigt',
    working: 'Ihre Anfrage wird bestätigt…',
    failed: 'Dieser Link funktioniert nicht. Er ist vielleicht abgelaufen oder wurde schon benutzt.',
    missing:
      'Dieser Link ist unvollständig. Öffnen Sie den Link aus der E-Mail erneut oder geben Sie den Code ein.',
  },

  status: {
    title: 'Ihre Anfrage',
    missing:
      'Dieser Statuslink ist unvollständig oder gilt nicht mehr. Nutzen Sie den neuesten Link aus unseren E-Mails.',
    type: 'Anfrage',
    state: 'Stand',
    received: 'Eingegangen',
    due: 'Wir antworten bis',
    timeline: 'Was bisher geschah',
    bookmark: 'Bewahren Sie die Adresse dieser Seite auf: Sie ist Ihr persönlicher Link zu Ihrer Anfrage.',
    refresh: 'Auf Neuigkeiten prüfen',
    download: 'Ihre Daten',
    downloadReady: (until: string | null) =>
      until === null
        ? 'Ihre Daten liegen bereit. Bestätigen Sie zum Herunterladen mit einem neuen Code, dass Sie es sind.'
        : `Ihre Daten liegen bis ${until} bereit. Bestätigen Sie zum Herunterladen mit einem neuen Code, dass Sie es sind.`,
    downloadNotYet: 'Sobald Ihre Daten bereitliegen, können Sie sie hier herunterladen.',
    askCode: 'Download-Code per E-Mail senden',
    codeSent: 'Wir haben einen Code an Ihre E-Mail-Adresse gesendet.',
    downloadSubmit: 'Meine Daten herunterladen',
    downloadStarted: 'Ihr Download hat begonnen.',
    recipients: 'Wen wir informiert haben',
    recipientsIntro:
      'Nach einer Berichtigung, Löschung oder Einschränkung informieren wir alle, denen wir Ihre Daten offengelegt haben (Art. 19 DSGVO).',
    recipientsNone: 'Noch niemanden: Wir informieren sie, sobald Ihre Anfrage erledigt ist.',
    outcomes: {
      delivered: 'informiert',
      pending: 'wird informiert',
      failed: 'nicht erreichbar; wir versuchen es weiter oder schreiben ihnen',
      not_sent: 'noch nicht informiert',
      no_channel: 'vermerkt; wir informieren sie auf anderem Weg',
    },
  },

  types: {
    access: 'Auskunft über meine Daten',
    portability: 'Datenübertragbarkeit',
    erasure: 'Löschung',
    rectification: 'Berichtigung',
    restriction: 'Einschränkung der Verarbeitung',
    objection: 'Widerspruch',
    consent_withdrawal: 'Widerruf der Einwilligung',
    opt_out_sale: 'Widerspruch gegen Verkauf oder Weitergabe',
    opt_in_sale: 'Zustimmung zum Verkauf',
  },

  reasons: {
    received: () => 'Wir haben Ihren Antrag erhalten.',
    'verifying.code': () => 'Wir haben Ihnen einen Code gesendet, um zu bestätigen, dass Sie es sind.',
    'verifying.step_up': () =>
      'Wir haben Sie um einen weiteren Nachweis Ihrer Identität gebeten; siehe unsere E-Mail.',
    'verifying.agent': () =>
      'Ihr bevollmächtigter Vertreter hat uns geschrieben; bitte bestätigen Sie, dass Sie es sind.',
    'verified.email': () => 'Sie haben Ihre E-Mail-Adresse bestätigt.',
    'verified.staff': () => 'Wir haben Ihre Identität bestätigt.',
    'verified.agent': () => 'Ihr bevollmächtigter Vertreter hat Ihre Identität bestätigt.',
    started: () => 'Wir bearbeiten Ihren Antrag.',
    rerun: () => 'Wir erledigen die noch offenen Teile.',
    completed: () => 'Alles ist erledigt.',
    partially_completed: () =>
      'Einige Teile konnten nicht erledigt werden; unsere E-Mail erklärt, welche und warum.',
    'refused.manifestly_unfounded': (text: string) => `Der Antrag ist offenkundig unbegründet: ${text}`,
    'refused.manifestly_excessive': (text: string) => `Der Antrag ist exzessiv: ${text}`,
    refused: (text: string) => text,
    cancelled: (text: string) => `Geschlossen: ${text}`,
    'cancelled.agent': (text: string) => `Von Ihrem bevollmächtigten Vertreter zurückgezogen: ${text}`,
    expired: () => 'Der Antrag wurde nicht rechtzeitig bestätigt.',
    extended: (text: string, date: string) => `Wir brauchen mehr Zeit, bis zum ${date}: ${text}`,
  },

  statuses: {
    received: 'Eingegangen',
    verifying: 'Wartet auf Ihre Bestätigung',
    verified: 'Bestätigt',
    in_progress: 'In Bearbeitung',
    completed: 'Erledigt',
    partially_completed: 'Teilweise erledigt',
    refused: 'Abgelehnt',
    cancelled: 'Zurückgezogen',
    expired: 'Abgelaufen',
  },

  notFound: {
    title: 'Seite nicht gefunden',
    text: 'Unter dieser Adresse gibt es keine Seite.',
    link: 'Zum Datenschutzcenter',
  },
  notice: {
    text: 'Die Datenschutzerklärung ist hier noch nicht veröffentlicht.',
  },
};
