import { escapeHtml } from '../../domain/escape-html.ts';

const URL_PATTERN = /https?:\/\/[^\s<>"']+/g;

function linked(line: string): string {
  let html = '';
  let last = 0;
  for (const match of line.matchAll(URL_PATTERN)) {
    const url = match[0];
    html += escapeHtml(line.slice(last, match.index)) + `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
    last = match.index + url.length;
  }
  return html + escapeHtml(line.slice(last));
}

/**
 * The HTML part of a staff-edited message, from its filled-in plain text: paragraphs at blank lines, line breaks
 * kept, web addresses as links, everything else escaped (values from the person included).
 */
export function textToHtml(text: string, language: string): string {
  const paragraphs = text
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((block) => block.trim())
    .filter((block) => block !== '')
    .map((block) => `    <p>${block.split('\n').map(linked).join('<br />\n')}</p>`);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(language)}">`,
    '  <body style="font-family: sans-serif; line-height: 1.5">',
    ...paragraphs,
    '  </body>',
    '</html>',
    '',
  ].join('\n');
}
