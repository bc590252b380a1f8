/** The SQL dialects whose identifiers Privet quotes. */
export const sqlDialects = ['postgres', 'mysql', 'sqlite'] as const;
export type SqlDialect = (typeof sqlDialects)[number];

/** Quotes a table or column name for the dialect, doubling any quote character inside it. */
export function quoteIdentifier(dialect: SqlDialect, name: string): string {
  if (name.includes('\u0000')) throw new Error('An identifier cannot contain a NUL character');
  if (dialect === 'mysql') return `\`${name.replaceAll('`', '``')}\``;
  return `"${name.replaceAll('"', '""')}"`;
}
