import type { RopaRecord } from './ropa-record.ts';
import { toCsv } from './to-csv.ts';

/**
 * The record as CSV. The controller's (or processor's) name, contact and DPO come first as leading columns,
 * repeated on every row, rather than as a preamble above the header: RFC 4180 wants every record to have the
 * same fields, a preamble would break spreadsheet imports that take the first line as the header, and a row
 * copied, filtered or merged with another group company's record still says whose record it is. The ICO
 * columns follow unchanged and in order. Several items in one cell are separated by line breaks.
 */
export function renderRopaCsv(record: RopaRecord): string {
  const keeperValues = record.keeper.map((field) => field.value);
  return toCsv([
    [...record.keeper.map((field) => field.label), ...record.columns],
    ...record.rows.map((row) => [...keeperValues, ...row.map((items) => items.join('\n'))]),
  ]);
}
