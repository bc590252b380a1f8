/** The UTF-8 byte order mark: without it Excel opens UTF-8 CSV as the local code page and garbles "é", "ü". */
export const UTF8_BOM = '\uFEFF';

function quote(field: string): string {
  return `"${field.replaceAll('"', '""')}"`;
}

/**
 * Writes rows as RFC 4180 CSV: every field quoted (so commas, quotes and line breaks inside a field are safe
 * and no spreadsheet guesses a number or date), records ended by CRLF, prefixed with the UTF-8 BOM for Excel.
 */
export function toCsv(rows: readonly (readonly string[])[]): string {
  return UTF8_BOM + rows.map((row) => `${row.map(quote).join(',')}\r\n`).join('');
}
