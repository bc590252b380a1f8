const names = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'code' });

/** `US` → `United States (US)`: a name people read, with the code a spreadsheet can filter on. */
export function countryName(code: string): string {
  const name = names.of(code.toUpperCase()) ?? code;
  return name === code ? code : `${name} (${code})`;
}
