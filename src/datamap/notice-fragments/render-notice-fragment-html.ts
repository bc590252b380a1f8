import { escapeHtml } from '../../domain/escape-html.ts';
import type {
  NoticeFragmentName,
  ProcessorNotice,
  PurposeNotice,
  RetentionNotice,
} from './notice-fragments.ts';

interface FragmentTable {
  readonly caption: string;
  readonly columns: readonly string[];
  /** Row → cell → items; the first cell is the row header. */
  readonly rows: readonly (readonly (readonly string[])[])[];
}

function cell(items: readonly string[]): string {
  if (items.length <= 1) return escapeHtml(items[0] ?? '');
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function section(name: NoticeFragmentName, table: FragmentTable): string {
  const id = `privet-notice-${name}`;
  const head = table.columns.map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = table.rows.map(
    (row) =>
      `<tr>${row.map((items, i) => (i === 0 ? `<th scope="row">${cell(items)}</th>` : `<td>${cell(items)}</td>`)).join('')}</tr>`,
  );
  // No styles and no scripts: the fragment takes the look of the page it is placed in.
  return `<section class="privet-notice ${id}" aria-labelledby="${id}-caption">
<table>
<caption id="${id}-caption">${escapeHtml(table.caption)}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</section>
`;
}

function basis(notice: PurposeNotice): string[] {
  const lines: string[] = [];
  if (notice.legalBasis) lines.push(`${notice.legalBasis.name} (${notice.legalBasis.article})`);
  if (notice.specialCategoryCondition) {
    const condition = notice.specialCategoryCondition;
    lines.push(`For special category data: ${condition.name} (${condition.article})`);
  }
  if (notice.legitimateInterest) lines.push(`Our interest: ${notice.legitimateInterest}`);
  if (notice.legitimateInterestAssessment)
    lines.push(`Our assessment: ${notice.legitimateInterestAssessment}`);
  return lines;
}

/** The purposes and legal bases table as an HTML `<section>` for a notice page. */
export function renderPurposesFragment(notices: readonly PurposeNotice[]): string {
  return section('purposes', {
    caption: 'Why we use your personal data and on which legal basis',
    columns: ['Purpose', 'Legal basis', 'Personal data', 'Recipients', 'How long we keep it'],
    rows: notices.map((n) => [
      [n.description ? `${n.name}: ${n.description}` : n.name],
      basis(n),
      [n.dataCategories.join(', ')],
      [n.recipients.join(', ')],
      n.retention,
    ]),
  });
}

/** The recipients list as an HTML `<section>` for a notice page. */
export function renderProcessorsFragment(notices: readonly ProcessorNotice[]): string {
  return section('processors', {
    caption: 'Who receives your personal data',
    columns: ['Recipient', 'Role', 'Country', 'For', 'Safeguard for transfers outside the EEA'],
    rows: notices.map((n) => [
      [n.category ? `${n.name} (${n.category})` : n.name],
      [n.role],
      [n.country],
      [n.purposes.join(', ')],
      n.transferSafeguards,
    ]),
  });
}

/** The retention schedule as an HTML `<section>` for a notice page. */
export function renderRetentionFragment(notices: readonly RetentionNotice[]): string {
  return section('retention', {
    caption: 'How long we keep your personal data',
    columns: ['Purpose', 'Personal data', 'Retention'],
    rows: notices.map((n) => [[n.purpose], [n.dataCategories.join(', ')], n.retention]),
  });
}
