/** Every text of the privacy center in English; German has the same shape (messages-de.ts). */
export const en = {
  appName: 'Privacy center',
  skipLink: 'Skip to main content',
  navLabel: 'Privacy center',
  privacyNotice: 'Privacy notice',
  poweredBy: 'Powered by Privet',
  doNotSell: 'Do not sell or share my personal information',
  languageSwitch: 'Language',
  backToCenter: 'Back to the privacy center',
  loading: 'Loading…',

  landing: {
    title: 'Your data, your rights',
    text: 'You decide what happens to your personal data. Here you can see what we hold about you, have it corrected or deleted, limit how we use it, take it with you, and change what you agreed to. We answer every request within one month.',
    noticeLink: 'Read our privacy notice',
    noticeText: ' to learn what data we collect, why, and for how long we keep it.',
    rightsHeading: 'What you can do',
  },

  rights: {
    access: {
      title: 'See your data',
      summary: 'Get a copy of the personal data we hold about you, and learn how and why we use it.',
    },
    correct: {
      title: 'Correct your data',
      summary: 'Ask us to fix personal data about you that is wrong or incomplete.',
    },
    delete: {
      title: 'Delete your data',
      summary: 'Ask us to erase your personal data when we no longer need it or have no right to keep it.',
    },
    object: {
      title: 'Restrict or object',
      summary: 'Ask us to pause using your data, or to stop a use you object to, such as direct marketing.',
    },
    portability: {
      title: 'Take it elsewhere',
      summary: 'Receive the data you gave us in a machine-readable file, to take to another service.',
    },
    consent: {
      title: 'Withdraw consent',
      summary: 'Change your mind at any time about anything you agreed to, as easily as you agreed.',
    },
    'do-not-sell': {
      title: 'Do not sell or share my personal information',
      summary: 'Tell us not to sell your personal information or share it for cross-context advertising.',
    },
  },

  form: {
    intro:
      'Tell us who you are and what you want. We send a 6-digit code to your email address to make sure the request comes from you.',
    errorSummary: 'There is a problem',
    email: 'Email address',
    emailHint: 'The address you use with us. We send the code and all news about your request there.',
    name: 'Full name (optional)',
    jurisdiction: 'Where do you live?',
    jurisdictionHint: 'This decides which law applies and how long we have to answer.',
    jurisdictions: {
      gdpr: 'European Union or European Economic Area',
      uk_gdpr: 'United Kingdom',
      ccpa: 'California, United States',
    },
    note: 'Anything else we should know? (optional)',
    submit: 'Send request',
    sending: 'Sending…',
    kindLegend: 'What do you want us to do?',
    kinds: {
      restriction: 'Restrict: pause using my data for a while (Art. 18)',
      objection: 'Object: stop a use of my data (Art. 21)',
    },
    groundLegend: 'Why should we restrict the use of your data?',
    grounds: {
      accuracy_contested: 'I say my data is wrong, and you need time to check it',
      unlawful_processing: 'You use my data unlawfully, but I do not want it deleted',
      needed_for_legal_claims: 'You no longer need my data, but I need it for a legal claim',
      objection_pending: 'I have objected, and you are checking whether your reasons override mine',
    },
    purposesLegend: 'Which uses do you object to?',
    purposesHint:
      'Objections to direct marketing always succeed. For other uses we stop unless we have compelling legitimate grounds, which we would explain to you.',
    allPurposes: 'Every use of my data that I may object to',
    purposesUnavailable: 'The list of uses could not be loaded; describe the use you object to below.',
    objectionText: 'Which use do you object to, and why?',
    correctionsLegend: 'What should we correct?',
    correctionChoose: 'Choose the data to correct',
    correctionField: (n: number) => `Data to correct (${n})`,
    correctionFieldHint: 'For example: postal address, last name, phone number',
    correctionValue: (n: number) => `Correct value (${n})`,
    addCorrection: 'Add another correction',
    removeCorrection: (n: number) => `Remove correction ${n}`,
    portabilityLegend: 'Where should the data go?',
    portabilityTargets: {
      self: 'To me, as a download',
      controller: 'Directly to another company',
    },
    portabilityEndpoint: 'Address (URL) of the other company’s endpoint',
    portabilityEndpointHint: 'It must start with https://',
    optOutText:
      'We will stop selling your personal information and stop sharing it for cross-context behavioural advertising.',
    consentText:
      'We will stop every use of your data that relies on your consent. Withdrawing does not affect what we did before.',
  },

  errors: {
    emailMissing: 'Enter your email address',
    emailInvalid: 'Enter an email address like name@example.com',
    groundMissing: 'Choose why we should restrict the use of your data',
    purposesMissing: 'Choose at least one use you object to, or describe it',
    correctionMissing: 'Say what to correct and the correct value',
    endpointInvalid: 'Enter an address that starts with https://',
    codeInvalid: 'Enter the 6 digits from the email',
    codeWrong: (triesLeft: number | null) =>
      triesLeft === null
        ? 'That code is not right. Check the email and try again.'
        : `That code is not right. You have ${triesLeft} ${triesLeft === 1 ? 'try' : 'tries'} left.`,
    codeLocked: 'Too many wrong codes. This code no longer works: ask for a new one.',
    codeExpired: 'This code has expired. Ask for a new one.',
    rateLimited: 'Too many attempts. Please wait a few minutes and try again.',
    network: 'We could not reach the server. Check your connection and try again.',
    generic: 'Something went wrong. Please try again.',
  },

  code: {
    title: 'Check your email',
    text: (email: string) => `We have sent a 6-digit code to ${email}. It works for 10 minutes.`,
    label: 'Code from the email',
    hint: '6 digits, for example 123456',
    submit: 'Confirm',
    checking: 'Checking…',
    resend: 'Send a new code',
    resent: 'We have sent a new code. Only the newest code works.',
    linkHint: 'You can also open the link in the email instead of typing the code.',
  },

  agent: {
    title: 'Confirm a request made for you',
    intro: (agent: string, action: string) =>
      `${agent}, an authorized agent, asked us on your behalf for: ${action}. Before we act on it, please confirm it is you.`,
    how: 'We send a 6-digit code to the email address the agent gave us. Nobody else sees it.',
    send: 'Email me a code',
    codeText: 'We have sent a 6-digit code to the email address the agent gave us. It works for 10 minutes.',
    done: 'This request is confirmed. You can close this page; your agent keeps you informed.',
    missing: 'This link is incomplete or no longer works. Open it again from your agent’s app or website.',
    returning: 'Confirmed. Taking you back to your agent…',
    actions: {
      access: 'the personal information we hold about you',
      deletion: 'the deletion of your personal information',
      'sale:opt-out': 'an opt-out of the sale or sharing of your personal information',
      'sale:opt-in': 'an opt-in to the sale of your personal information',
      'access:categories': 'the categories of personal information we hold about you',
      'access:specific': 'the specific pieces of personal information we hold about you',
    } as Readonly<Record<string, string>>,
  },

  verify: {
    title: 'Confirming your request',
    working: 'Confirming your request…',
    failed: 'This link does not work. It may have expired or been used already.',
    missing: 'This link is incomplete. Open the link from the email again, or type the code instead.',
  },

  status: {
    title: 'Your request',
    missing: 'This status link is incomplete or no longer works. Use the newest link we sent you by email.',
    type: 'Request',
    state: 'Status',
    received: 'Received',
    due: 'We answer by',
    timeline: 'What has happened',
    bookmark: 'Keep this page’s address: it is your private link to follow your request.',
    refresh: 'Check for news',
    download: 'Your data',
    downloadReady: (until: string | null) =>
      until === null
        ? 'Your data is ready. To download it, confirm it is you with a new code.'
        : `Your data is ready until ${until}. To download it, confirm it is you with a new code.`,
    downloadNotYet: 'When your data is ready, you can download it here.',
    askCode: 'Email me a download code',
    codeSent: 'We have sent a code to your email address.',
    downloadSubmit: 'Download my data',
    downloadStarted: 'Your download has started.',
    recipients: 'Who we told',
    recipientsIntro:
      'After a correction, erasure or restriction we tell everyone we disclosed your data to (Art. 19 GDPR).',
    recipientsNone: 'Nobody yet: we tell them once your request is done.',
    outcomes: {
      delivered: 'told',
      pending: 'being told',
      failed: 'could not be reached; we keep trying or write to them',
      not_sent: 'not told yet',
      no_channel: 'recorded; we contact them by other means',
    } as Record<string, string>,
  },

  types: {
    access: 'Access to my data',
    portability: 'Data portability',
    erasure: 'Erasure',
    rectification: 'Correction',
    restriction: 'Restriction of use',
    objection: 'Objection',
    consent_withdrawal: 'Withdrawal of consent',
    opt_out_sale: 'Opt-out of sale or sharing',
    opt_in_sale: 'Opt-in to sale',
  } as Readonly<Record<string, string>>,

  /** Why a step of the timeline happened; `text` is what staff wrote to the person, `date` a day. */
  reasons: {
    received: () => 'We received your request.',
    'verifying.code': () => 'We sent you a code to confirm it is you.',
    'verifying.step_up': () => 'We asked you for more proof that it is you; see our email.',
    'verifying.agent': () => 'Your authorized agent asked us; please confirm it is you.',
    'verified.email': () => 'You confirmed your email address.',
    'verified.staff': () => 'We confirmed it is you.',
    'verified.agent': () => 'Your authorized agent confirmed it is you.',
    started: () => 'We are working on your request.',
    rerun: () => 'We are finishing the parts that were left.',
    completed: () => 'Everything is done.',
    partially_completed: () => 'Some parts could not be done; our email explains which and why.',
    'refused.manifestly_unfounded': (text: string) => `The request is manifestly unfounded: ${text}`,
    'refused.manifestly_excessive': (text: string) => `The request is excessive: ${text}`,
    refused: (text: string) => text,
    cancelled: (text: string) => `Closed: ${text}`,
    'cancelled.agent': (text: string) => `Withdrawn by your authorized agent: ${text}`,
    expired: () => 'The request was not confirmed in time.',
    extended: (text: string, date: string) => `We need more time, until ${date}: ${text}`,
  } as Readonly<Record<string, (text: string, date: string) => string>>,

  statuses: {
    received: 'Received',
    verifying: 'Waiting for you to confirm',
    verified: 'Confirmed',
    in_progress: 'In progress',
    completed: 'Completed',
    partially_completed: 'Partly completed',
    refused: 'Refused',
    cancelled: 'Cancelled',
    expired: 'Expired',
  } as Readonly<Record<string, string>>,

  notFound: {
    title: 'Page not found',
    text: 'There is no page at this address.',
    link: 'Go to the privacy center',
  },
  notice: {
    text: 'The privacy notice has not been published here yet.',
  },
};

/** The shape every language's texts must have. */
export type Messages = typeof en;
