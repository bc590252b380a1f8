// The preview is built from an allowlist, never handed to the browser's parser as it came: parsing alone
// (DOMParser, <template>) already makes the console's CSP refuse, and report, every inline style and handler.

// Elements kept, without their attributes unless listed below: text, structure, tables, images.
const ALLOWED = new Set(
  (
    'a abbr address b bdi bdo big blockquote br caption center cite code col colgroup dd del dfn div dl dt em ' +
    'font h1 h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p pre q s samp small span strike strong sub sup table ' +
    'tbody td tfoot th thead time tr tt u ul var wbr'
  ).split(' '),
);

// Elements dropped with everything inside them.
const DROPPED_WITH_CONTENT = new Set(
  'head title script style template noscript noembed noframes textarea xmp iframe object svg math select'.split(
    ' ',
  ),
);

const VOID = new Set(['br', 'col', 'hr', 'img', 'wbr']);

// Presentational attributes: the browser treats them as hints, not inline styles, so the CSP lets them be.
const ALLOWED_ATTRIBUTES = new Set(
  (
    'alt title lang dir align valign width height border cellpadding cellspacing bgcolor color face size ' +
    'colspan rowspan span scope headers abbr start reversed type datetime cite summary'
  ).split(' '),
);

const TAG =
  /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const DATA_IMAGE = /^data:image\/(?:png|gif|jpeg|webp);/i;

function quoted(value: string): string {
  return `"${value.replaceAll('"', '&quot;').replaceAll('<', '&lt;')}"`;
}

function attributesOf(source: string): Map<string, string> {
  const found = new Map<string, string>();
  for (const match of source.matchAll(ATTRIBUTE)) {
    const name = (match[1] ?? '').toLowerCase();
    if (!found.has(name)) found.set(name, match[2] ?? match[3] ?? match[4] ?? '');
  }
  return found;
}

function openTag(name: string, attributes: Map<string, string>): string {
  let tag = `<${name}`;
  for (const [attribute, value] of attributes) {
    if (ALLOWED_ATTRIBUTES.has(attribute)) tag += ` ${attribute}=${quoted(value)}`;
  }
  const src = attributes.get('src');
  if (name === 'img' && src !== undefined && DATA_IMAGE.test(src.trim())) tag += ` src=${quoted(src)}`;
  return `${tag}>`;
}

/** The index just past the end of a construct that starts at `from` and ends with `end`, or the text's end. */
function skipPast(html: string, from: number, end: string | RegExp): number {
  if (typeof end === 'string') {
    const at = html.indexOf(end, from);
    return at === -1 ? html.length : at + end.length;
  }
  const match = end.exec(html.slice(from));
  return match === null ? html.length : from + match.index + match[0].length;
}

/**
 * A mail's HTML made fit for the console's sandboxed preview: only allowlisted elements and presentational
 * attributes, no scripts, handlers, inline styles or outside resources; a link shows its address after its
 * text instead of leading there. The sandbox is the protection; this keeps the CSP with nothing to refuse.
 */
export function safeMailHtml(html: string): string {
  let out = '';
  let openLink: string | null = null;
  let at = 0;
  while (at < html.length) {
    const lt = html.indexOf('<', at);
    if (lt === -1) {
      out += html.slice(at);
      break;
    }
    out += html.slice(at, lt);
    if (html.startsWith('<!--', lt)) {
      at = skipPast(html, lt + 4, '-->');
      continue;
    }
    if (html.startsWith('<!', lt) || html.startsWith('<?', lt)) {
      at = skipPast(html, lt, '>');
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html);
    if (tag === null) {
      out += '&lt;';
      at = lt + 1;
      continue;
    }
    at = TAG.lastIndex;
    const closing = tag[1] === '/';
    const name = (tag[2] ?? '').toLowerCase();
    if (!closing && DROPPED_WITH_CONTENT.has(name)) {
      at = skipPast(html, at, new RegExp(`</${name}\\s*>`, 'i'));
      continue;
    }
    if (!ALLOWED.has(name)) continue;
    if (closing) {
      if (VOID.has(name)) continue;
      out += `</${name}>`;
      if (name === 'a' && openLink !== null) out += ` (${openLink.replaceAll('<', '&lt;')})`;
      if (name === 'a') openLink = null;
      continue;
    }
    const attributes = attributesOf(tag[3] ?? '');
    if (name === 'a') openLink = attributes.get('href')?.trim() || null;
    out += openTag(name, attributes);
  }
  return `<!doctype html><html><body>${out}</body></html>`;
}
