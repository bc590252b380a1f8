import { escapeHtml } from '../../../domain/escape-html.ts';

const texts = {
  en: {
    title: 'Unsubscribe',
    ask: (list: string) => `Do you want to stop receiving ${list}?`,
    button: 'Unsubscribe',
    done: (list: string) => `You are unsubscribed from ${list}. You will not receive it any more.`,
    invalid: 'This unsubscribe link is not valid. If you copied it from a mail, check that it is complete.',
  },
  de: {
    title: 'Abmelden',
    ask: (list: string) => `Möchten Sie ${list} nicht mehr erhalten?`,
    button: 'Abmelden',
    done: (list: string) => `Sie sind von ${list} abgemeldet und erhalten es nicht mehr.`,
    invalid:
      'Dieser Abmelde-Link ist ungültig. Wenn Sie ihn aus einer E-Mail kopiert haben, prüfen Sie, ob er vollständig ist.',
  },
} as const;

/** The page language from Accept-Language: German when it is preferred over English, else English. */
export function unsubscribeLanguage(acceptLanguage: string | undefined): keyof typeof texts {
  const first = acceptLanguage?.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('de') ? 'de' : 'en';
}

function page(lang: keyof typeof texts, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex"><title>${texts[lang].title}</title></head>
<body><main>
<h1>${texts[lang].title}</h1>
${body}
</main></body>
</html>
`;
}

/** The GET page: a question and a button that POSTs the one-click body; loading it changes nothing. */
export function unsubscribeQuestionPage(lang: keyof typeof texts, listName: string, action: string): string {
  const t = texts[lang];
  return page(
    lang,
    `<form method="post" action="${escapeHtml(action)}">
<p>${escapeHtml(t.ask(listName))}</p>
<input type="hidden" name="List-Unsubscribe" value="One-Click">
<button type="submit">${t.button}</button>
</form>`,
  );
}

/** The answer to the POST, the same for the first and every later one. */
export function unsubscribedPage(lang: keyof typeof texts, listName: string): string {
  return page(lang, `<p role="status">${escapeHtml(texts[lang].done(listName))}</p>`);
}

/** The page for a token that is not valid. */
export function invalidLinkPage(lang: keyof typeof texts): string {
  return page(lang, `<p>${texts[lang].invalid}</p>`);
}
