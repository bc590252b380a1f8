import { createHash } from 'node:crypto';
import { escapeHtml } from '../../domain/escape-html.ts';
import { maskIdentity } from './mask-identity.ts';
import type { PackagedCollection } from './package-input.ts';
import { renderSupplementaryHtml } from './render-supplementary-html.ts';
import type { SupplementaryInformation } from './supplementary-information.ts';

// Inline, so the page opens from the unzipped folder with no network and no other file.
const STYLE = `
body { font: 15px/1.5 system-ui, sans-serif; color: #111; background: #fff; margin: 0 auto; padding: 1.5rem; max-width: 70rem; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.25rem; margin-top: 2rem; } h3 { font-size: 1.05rem; margin-top: 1.5rem; }
.article { font-weight: normal; color: #444; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .25rem 1rem; }
dt { font-weight: 600; } dd { margin: 0; }
.table-wrap { overflow-x: auto; }
table { border-collapse: collapse; margin: .5rem 0; }
caption { text-align: left; font-weight: 600; padding: .25rem 0; }
th, td { border: 1px solid #767676; padding: .35rem .5rem; vertical-align: top; text-align: left; }
thead th { background: #e8e8e8; } tbody th { font-weight: normal; background: #f6f6f6; }
td.number { text-align: right; font-variant-numeric: tabular-nums; }
ul { margin: 0; padding-left: 1.2rem; }
a { color: #0b57d0; } a:focus { outline: 3px solid #0b57d0; outline-offset: 2px; }
code { font-size: .9em; }
@media print { body { max-width: none; padding: 0; } a { color: inherit; } }
`;

// Nothing but this style may run, even if a value in the page were ever left unescaped.
const CSP = `default-src 'none'; style-src 'sha256-${createHash('sha256').update(STYLE).digest('base64')}'`;

const href = (path: string) => path.split('/').map(encodeURIComponent).join('/');
const fileName = (path: string) => path.slice(path.lastIndexOf('/') + 1);

function field(label: string, value: string): string {
  return `<dt>${escapeHtml(label)}</dt><dd>${escapeHtml(value.trim() === '' ? 'not recorded' : value)}</dd>`;
}

function collectionRow(c: PackagedCollection): string {
  const links = [c.jsonEntry, c.csvEntry]
    .map((path) => `<a href="${escapeHtml(href(path))}">${escapeHtml(fileName(path))}</a>`)
    .join(', ');
  return `<tr><td>${escapeHtml(c.dataset)}</td><th scope="row">${escapeHtml(c.collection)}</th><td class="number">${c.rows}</td><td>${links}</td></tr>`;
}

/** What the index page shows besides the supplementary information. */
export interface AccessIndexContent {
  readonly info: SupplementaryInformation;
  readonly collections: readonly PackagedCollection[];
  readonly identities: Readonly<Record<string, string>>;
  readonly generatedAt: Date;
  readonly requestId?: string;
}

/**
 * The package's `index.html`: a standalone, accessible page (landmarks, headings, captioned tables with
 * header cells, no script, no external asset) saying who the controller is, when and for whom the copy was
 * made, which files hold which data, and the Art. 15 information.
 */
export function renderAccessIndexHtml(content: AccessIndexContent): string {
  const { info, collections, generatedAt } = content;
  const controller = info.controller.name.trim() === '' ? 'the controller' : info.controller.name;
  const title = `Your personal data held by ${controller}`;
  const identities = Object.entries(content.identities)
    .map(([type, value]) => field(type, maskIdentity(value)))
    .join('\n');
  const rows = collections.reduce((sum, c) => sum + c.rows, 0);
  const when = generatedAt.toISOString();
  const body =
    collections.length === 0
      ? '<tr><td colspan="4">We found no data about you.</td></tr>'
      : collections.map(collectionRow).join('\n');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)}</h1>
<p>This is a copy of the personal data we hold about you, with the information Article 15 of the General Data Protection Regulation (GDPR) entitles you to.</p>
</header>
<main>
<section aria-labelledby="about">
<h2 id="about">About this copy</h2>
<dl>
${field('Controller', info.controller.name)}
${field('Address', info.controller.address)}
${field('Email', info.controller.email)}
${field('Data protection officer', info.controller.dataProtectionOfficer)}
<dt>Made on</dt><dd><time datetime="${when}">${when.slice(0, 16).replace('T', ' ')} UTC</time></dd>
${content.requestId === undefined ? '' : field('Request', content.requestId)}
</dl>
<h3>Made for these identities (partly hidden)</h3>
<dl>
${identities}
</dl>
</section>
<section aria-labelledby="data">
<h2 id="data">Your data</h2>
<p>${rows} ${rows === 1 ? 'record' : 'records'} in ${collections.length} ${collections.length === 1 ? 'collection' : 'collections'}. Each collection is in two files with the same content: JSON for programs, CSV for spreadsheets.</p>
<div class="table-wrap"><table>
<caption>Collections in this package</caption>
<thead><tr><th scope="col">Database</th><th scope="col">Collection</th><th scope="col">Records</th><th scope="col">Files</th></tr></thead>
<tbody>
${body}
</tbody>
</table></div>
<h3>About the files</h3>
<ul>
<li>JSON files hold an array with one object per record. CSV files are UTF-8, comma-separated, with a header line; every value is in double quotes.</li>
<li>Times are in ISO 8601 form in UTC; binary values are Base64-encoded; very large whole numbers are written as text.</li>
<li><code>manifest.json</code> lists every file with its SHA-256 checksum, so you can check that nothing was changed, for example with <code>sha256sum</code> or <code>Get-FileHash</code>.</li>
<li><code>supplementary-information.json</code> holds the information below in machine-readable form.</li>
</ul>
</section>
<section aria-labelledby="art15">
<h2 id="art15">How we process your data (Art. 15 GDPR)</h2>
${renderSupplementaryHtml(info)}
</section>
</main>
</body>
</html>
`;
}

/** A file staff exported by hand from a system without a connector, as the index page lists it. */
export interface ManualIndexEntry {
  /** The system it came from. */
  readonly system: string;
  /** Its path in the package (`manual/<system>/<file>`). */
  readonly path: string;
}

/** The index page's section listing the files staff exported by hand, linked like the collections. */
export function renderManualFilesSection(files: readonly ManualIndexEntry[]): string {
  const rows = files
    .map(
      (f) =>
        `<tr><th scope="row">${escapeHtml(f.system)}</th><td><a href="${escapeHtml(href(f.path))}">${escapeHtml(fileName(f.path))}</a></td></tr>`,
    )
    .join('\n');
  return `<section aria-labelledby="manual">
<h2 id="manual">Data exported by hand</h2>
<p>Some of our systems cannot be searched automatically. Our staff exported your data from them by hand; the files are in the <code>manual</code> folder, as the system gave them, and listed in <code>manifest.json</code> with their checksums.</p>
<div class="table-wrap"><table>
<caption>Files exported by hand</caption>
<thead><tr><th scope="col">System</th><th scope="col">File</th></tr></thead>
<tbody>
${rows}
</tbody>
</table></div>
</section>
`;
}

/**
 * The index page with the manual files' section added after "Your data" (before the Art. 15 section, else at
 * the end of the main content). A page without a place for it is returned unchanged.
 */
export function addManualFilesToIndex(html: string, files: readonly ManualIndexEntry[]): string {
  // A package built here before already lists its manual files: that list is replaced, not repeated.
  const start = html.indexOf('<section aria-labelledby="manual">');
  const end = start < 0 ? -1 : html.indexOf('</section>\n', start);
  const page = end < 0 ? html : html.slice(0, start) + html.slice(end + '</section>\n'.length);
  if (files.length === 0) return page;
  const section = renderManualFilesSection(files);
  for (const anchor of ['<section aria-labelledby="art15">', '</main>']) {
    const at = page.indexOf(anchor);
    if (at >= 0) return page.slice(0, at) + section + page.slice(at);
  }
  return page;
}

/** A standalone index page for a package that holds only files exported by hand. */
export function renderManualIndexHtml(files: readonly ManualIndexEntry[], generatedAt: Date): string {
  const when = generatedAt.toISOString();
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<title>Your personal data</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>Your personal data</h1>
<p>Made on <time datetime="${when}">${when.slice(0, 16).replace('T', ' ')} UTC</time>.</p>
</header>
<main>
${renderManualFilesSection(files)}</main>
</body>
</html>
`;
}
