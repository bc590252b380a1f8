import { scalarText } from '../scalar-text.ts';

// A Redis collection is a key template: `customer:{id}` names keys such as `customer:42`, whose `{id}` part is
// readable (and searchable) as the field `id`. A name without braces is a SCAN glob as discovery writes it
// (`customer:*`), with no fields of its own but `key`.

/** A parsed key template. */
export interface KeyTemplate {
  /** The SCAN MATCH glob covering every key of the collection. */
  readonly glob: string;
  /** Placeholder names in order. */
  readonly fields: readonly string[];
  /** The placeholder values of a key, or undefined when the key is not one of the collection's. */
  parse(key: string): Readonly<Record<string, string>> | undefined;
  /** The key for placeholder values, or undefined when a placeholder is missing. */
  format(values: Readonly<Record<string, unknown>>): string | undefined;
}

const PLACEHOLDER = /\{([^{}]+)\}/g;

function escapeGlob(text: string): string {
  return text.replace(/[*?[\]\\]/g, '\\$&');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// A glob turned into a regular expression, so that keys given directly are checked against the collection.
function globRegExp(glob: string): RegExp {
  let source = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] ?? '';
    if (c === '\\' && i + 1 < glob.length) source += escapeRegExp(glob[++i] ?? '');
    else if (c === '*') source += '[^]*';
    else if (c === '?') source += '[^]';
    else source += escapeRegExp(c);
  }
  return new RegExp(`^${source}$`);
}

/** Parses a collection name (or `x-privet.key_pattern`) into a key template. */
export function keyTemplate(name: string): KeyTemplate {
  const fields = [...name.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '');
  if (fields.length === 0) {
    const pattern = globRegExp(name);
    return {
      glob: name,
      fields,
      parse: (key) => (pattern.test(key) ? {} : undefined),
      format: () => undefined,
    };
  }
  const literals = name.split(PLACEHOLDER).filter((_, i) => i % 2 === 0);
  const glob = literals.map(escapeGlob).join('*');
  const pattern = new RegExp(`^${literals.map(escapeRegExp).join('([^]+?)')}$`);
  return {
    glob,
    fields,
    parse: (key) => {
      const match = pattern.exec(key);
      if (match === null) return undefined;
      return Object.fromEntries(fields.map((f, i) => [f, match[i + 1] ?? '']));
    },
    format: (values) => {
      let key = literals[0] ?? '';
      for (const [i, field] of fields.entries()) {
        const value = values[field];
        if (value === undefined || value === null) return undefined;
        key += scalarText(value) + (literals[i + 1] ?? '');
      }
      return key;
    },
  };
}
