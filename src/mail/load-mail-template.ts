import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PrivetError } from '../domain/errors.ts';

/** The locale every template exists in, used when the wanted one is missing. */
export const fallbackMailLocale = 'en';

/** Where the shipped templates live: one folder per locale. */
export const defaultMailTemplatesDir = fileURLToPath(new URL('./templates/', import.meta.url));

const TEMPLATE_NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
// Only well-formed tags become path segments; anything else (say, `../x` from a header) falls back.
const LOCALE_TAG = /^[a-z]{2,3}(?:-[a-z0-9]{2,8})*$/i;

export interface MailTemplateSource {
  readonly name: string;
  /** The locale whose files were found. */
  readonly locale: string;
  readonly subject: string;
  readonly text: string;
  readonly html: string;
}

/** Reads a template's subject, text and HTML files for the locale, else its language, else English. */
export async function loadMailTemplate(
  name: string,
  locale: string | undefined,
  signal?: AbortSignal,
  dir: string = defaultMailTemplatesDir,
): Promise<MailTemplateSource> {
  if (!TEMPLATE_NAME.test(name)) throw new PrivetError('internal', `Invalid mail template name "${name}"`);
  for (const candidate of localeCandidates(locale)) {
    const files = await readTemplateFiles(`${dir}/${candidate}/${name}`, signal);
    if (files) return { name, locale: candidate, ...files };
  }
  throw new PrivetError('internal', `Unknown mail template "${name}"`);
}

function localeCandidates(locale: string | undefined): string[] {
  const candidates: string[] = [];
  if (locale !== undefined && LOCALE_TAG.test(locale)) {
    const parts = locale.split('-');
    const tag = [parts[0]?.toLowerCase(), ...parts.slice(1).map((p) => p.toUpperCase())].join('-');
    candidates.push(tag, parts[0]?.toLowerCase() ?? fallbackMailLocale);
  }
  candidates.push(fallbackMailLocale);
  return [...new Set(candidates)];
}

async function readTemplateFiles(
  base: string,
  signal: AbortSignal | undefined,
): Promise<{ subject: string; text: string; html: string } | undefined> {
  const read = (suffix: string) => readFile(`${base}${suffix}`, { encoding: 'utf8', signal });
  try {
    const [subject, text, html] = await Promise.all([read('.subject.txt'), read('.txt'), read('.html')]);
    return { subject, text, html };
  } catch (error) {
    // A locale counts only when it has all three files, so one message never mixes two languages.
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return undefined;
    throw error;
  }
}
