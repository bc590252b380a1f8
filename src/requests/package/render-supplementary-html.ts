import { escapeHtml } from '../../domain/escape-html.ts';
import type { SupplementaryInformation, SupplementarySection } from './supplementary-information.ts';

type Cells = readonly (readonly string[])[];

function cell(items: readonly string[]): string {
  const present = items.filter((item) => item.trim() !== '');
  if (present.length <= 1) return escapeHtml(present[0] ?? '–');
  return `<ul>${present.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function table(caption: string, columns: readonly string[], rows: readonly Cells[]): string {
  if (rows.length === 0) return '';
  const head = columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const body = rows.map(
    (row) =>
      `<tr>${row.map((items, i) => (i === 0 ? `<th scope="row">${cell(items)}</th>` : `<td>${cell(items)}</td>`)).join('')}</tr>`,
  );
  return `<div class="table-wrap"><table>
<caption>${escapeHtml(caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body.join('\n')}
</tbody>
</table></div>`;
}

function section(id: string, s: SupplementarySection<unknown>, body: string): string {
  return `<section aria-labelledby="${id}">
<h3 id="${id}">${escapeHtml(s.title)} <span class="article">(${escapeHtml(s.article)})</span></h3>
<p>${escapeHtml(s.summary)}</p>
${body}
</section>`;
}

function tabled<T>(
  id: string,
  s: SupplementarySection<T>,
  columns: readonly string[],
  row: (entry: T) => Cells,
): string {
  return section(id, s, table(s.title, columns, s.entries.map(row)));
}

/** The Art. 15(1)(a)–(h) and 15(2) information as HTML sections for the package's index page. */
export function renderSupplementaryHtml(info: SupplementaryInformation): string {
  const complaint = info.complaint.entries
    .map(
      (e) =>
        `<p><strong>${escapeHtml(e.supervisoryAuthority)}</strong></p>\n<p>${escapeHtml(e.description)}</p>`,
    )
    .join('\n');
  const transfers =
    info.transfers.entries.length === 0
      ? ''
      : `<ul>${info.transfers.entries.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
  return [
    tabled('art15-1-a', info.purposes, ['Purpose', 'Legal basis', 'Personal data'], (e) => [
      [e.description ? `${e.purpose}: ${e.description}` : e.purpose],
      [
        e.legalBasis ?? 'not recorded',
        e.specialCategoryCondition ? `For special category data: ${e.specialCategoryCondition}` : '',
        e.legitimateInterest ? `Our interest: ${e.legitimateInterest}` : '',
      ],
      [e.dataCategories.join(', ')],
    ]),
    tabled('art15-1-b', info.categories, ['Category', 'Found in'], (e) => [
      [`${e.name} (${e.key})${e.sensitivity ? `, ${e.sensitivity}` : ''}`],
      e.foundIn,
    ]),
    tabled('art15-1-c', info.recipients, ['Recipient', 'Role', 'Country', 'For'], (e) => [
      [e.category ? `${e.name} (${e.category})` : e.name],
      [e.role],
      [e.thirdCountry ? `${e.country}, outside the EEA` : e.country],
      e.purposes,
    ]),
    tabled('art15-1-d', info.retention, ['Purpose', 'Personal data', 'Retention'], (e) => [
      [e.purpose],
      [e.dataCategories.join(', ')],
      e.retention,
    ]),
    tabled('art15-1-e', info.rights, ['Right', 'What it means', 'For'], (e) => [
      [`${e.right} (${e.article})`],
      [e.description],
      e.appliesTo.length > 0 ? e.appliesTo : ['All purposes'],
    ]),
    section('art15-1-f', info.complaint, complaint),
    tabled('art15-1-g', info.sources, ['Purpose', 'Source'], (e) => [[e.purpose], [e.source]]),
    tabled('art15-1-h', info.automatedDecisions, ['Purpose', 'Logic involved'], (e) => [
      [e.purpose],
      [e.logic],
    ]),
    section('art15-2', info.transfers, transfers),
  ].join('\n');
}
