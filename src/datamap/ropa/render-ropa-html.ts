import { createHash } from 'node:crypto';
import { escapeHtml } from '../../domain/escape-html.ts';
import type { RopaRecord } from './ropa-record.ts';

// Inline, so the page is one file that can be saved, mailed or printed with no external assets.
const STYLE = `
body { font: 14px/1.4 system-ui, sans-serif; color: #111; margin: 1.5rem; }
h1 { font-size: 1.4rem; margin: 0 0 .75rem; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; margin: 0 0 1rem; }
dt { font-weight: 600; }
dd { margin: 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; font-size: 12px; }
caption { text-align: left; font-weight: 600; padding: .5rem 0; }
th, td { border: 1px solid #888; padding: .35rem .5rem; vertical-align: top; text-align: left; min-width: 9em; }
tbody th { font-weight: normal; }
thead th { background: #e8e8e8; }
tbody th { background: #f6f6f6; }
ul { margin: 0; padding-left: 1rem; }
.generated { color: #444; font-size: 12px; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body { margin: 0; font-size: 10px; }
  table { font-size: 8px; }
  .table-wrap { overflow: visible; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  thead th, tbody th { background: none; }
  th, td { min-width: 0; }
}
`;

/** The Content-Security-Policy that lets exactly this page's inline style run and nothing else. */
export const ropaHtmlContentSecurityPolicy = `default-src 'none'; style-src 'sha256-${createHash('sha256')
  .update(STYLE)
  .digest('base64')}'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'`;

function cell(items: readonly string[]): string {
  if (items.length === 0) return '';
  if (items.length === 1) return escapeHtml(items[0] ?? '').replaceAll('\n', '<br>');
  return `<ul>${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

function tableRow(record: RopaRecord, row: readonly (readonly string[])[]): string {
  const cells = row.map((items, i) =>
    i === record.rowHeaderColumn ? `<th scope="row">${cell(items)}</th>` : `<td>${cell(items)}</td>`,
  );
  return `<tr>${cells.join('')}</tr>`;
}

/**
 * The record as a standalone, accessible HTML page: the keeper's details in a header block, then one table
 * with a caption, column headers and the purpose as row header, styled for screen and for landscape print.
 */
export function renderRopaHtml(record: RopaRecord, generatedAt: Date): string {
  const keeper = record.keeper
    .map((field) => `<dt>${escapeHtml(field.label)}</dt><dd>${escapeHtml(field.value) || '–'}</dd>`)
    .join('\n');
  const head = record.columns.map((column) => `<th scope="col">${escapeHtml(column)}</th>`).join('');
  const body =
    record.rows.length === 0
      ? `<tr><td colspan="${record.columns.length}">No processing activities are recorded.</td></tr>`
      : record.rows.map((row) => tableRow(record, row)).join('\n');
  const date = generatedAt.toISOString();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(record.title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(record.title)}</h1>
<dl>
${keeper}
</dl>
<p class="generated">Generated from the data map on <time datetime="${date}">${date.slice(0, 10)}</time>.</p>
</header>
<main>
<div class="table-wrap" role="region" aria-label="${escapeHtml(record.title)}" tabindex="0">
<table>
<caption>${escapeHtml(record.title)}: ${record.rows.length} processing ${record.rows.length === 1 ? 'activity' : 'activities'}</caption>
<thead><tr>${head}</tr></thead>
<tbody>
${body}
</tbody>
</table>
</div>
</main>
</body>
</html>
`;
}
