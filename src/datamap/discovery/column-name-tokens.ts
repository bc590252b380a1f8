/**
 * Splits a table or column name into lower-case words, whatever its style: `first_name`, `FirstName`,
 * `firstName`, `EMAIL_ADDRESS`, `IPAddress`, `customer:*` all give the words a person would read.
 */
export function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter((token) => token !== '');
}

/** The word without a plural ending (`employees` → `employee`, `addresses` → `address`, `staff` stays). */
export function singular(token: string): string {
  if (/(ss|us|is)$/.test(token)) return token;
  if (/(sses|xes|ches|shes)$/.test(token)) return token.slice(0, -2);
  if (/ies$/.test(token)) return `${token.slice(0, -3)}y`;
  if (/[^s]s$/.test(token)) return token.slice(0, -1);
  return token;
}
