// The password part may hold an unescaped `/`; redacting too much beats leaking.
const CREDENTIALS_IN_URL = /([a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:)[^\s@]*@/gi;

/** Removes the password of `url`, and of any URL written with credentials, from a text meant for errors or logs. */
export function redactUrlSecrets(text: string, url: string): string {
  let redacted = text.replace(CREDENTIALS_IN_URL, '$1***@');
  for (const secret of urlPasswords(url)) redacted = redacted.split(secret).join('***');
  return redacted;
}

function urlPasswords(url: string): string[] {
  let password = '';
  try {
    password = new URL(url).password;
  } catch {
    // An unparsable URL still must not leak what sits between `:` and `@`.
    password = /\/\/[^/\s:@]*:([^\s@]*)@/.exec(url)?.[1] ?? '';
  }
  if (password === '') return [];
  let decoded = password;
  try {
    decoded = decodeURIComponent(password);
  } catch {
    // A malformed escape leaves only the raw form to look for.
  }
  return [...new Set([password, decoded])].filter((s) => s !== '');
}
