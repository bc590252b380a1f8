/** Broad families of declared column types, enough to gate name rules and pick a Fides `data_type`. */
export const typeFamilies = [
  'text',
  'integer',
  'decimal',
  'boolean',
  'date',
  'binary',
  'json',
  'other',
] as const;
export type TypeFamily = (typeof typeFamilies)[number];

const families: readonly (readonly [TypeFamily, RegExp])[] = [
  ['boolean', /^(bool|boolean|bit\(1\)|tinyint\(1\))\b/],
  ['integer', /^(tinyint|smallint|mediumint|int|integer|bigint|serial|bigserial|smallserial|int[248])\b/],
  ['decimal', /^(decimal|numeric|real|float|double|money|number)\b/],
  ['date', /^(date|datetime|timestamp|time|year|interval)\b/],
  ['json', /^(json|jsonb)\b/],
  ['binary', /^(bytea|blob|tinyblob|mediumblob|longblob|binary|varbinary|image)\b/],
  [
    'text',
    /^(char|character|varchar|nvarchar|nchar|text|tinytext|mediumtext|longtext|clob|string|citext|uuid|enum|set|inet|cidr|macaddr|key|hash field|list member|set member|zset member)\b/,
  ],
];

/** The family of a declared type such as `character varying(60)`, `int(11)` or `NVARCHAR(40)`. */
export function typeFamily(declared: string): TypeFamily {
  const type = declared
    .trim()
    .toLowerCase()
    .replace(/^unsigned\s+/, '');
  // SQLite declares anything; its affinity rules read substrings.
  for (const [family, pattern] of families) if (pattern.test(type)) return family;
  if (type === '') return 'other';
  if (type.includes('int')) return 'integer';
  if (/char|clob|text/.test(type)) return 'text';
  if (/real|floa|doub/.test(type)) return 'decimal';
  return 'other';
}

/** The declared length of a character type (`varchar(60)` → 60), if any. */
export function typeLength(declared: string): number | undefined {
  const match = /^\s*(?:n?var)?char(?:acter)?(?:\s+varying)?\s*\((\d+)\)/i.exec(declared);
  return match?.[1] === undefined ? undefined : Number(match[1]);
}

/** The Fides `data_type` for a declared column type. */
export function fidesDataType(declared: string): string {
  const family = typeFamily(declared);
  if (family === 'integer') return 'integer';
  if (family === 'decimal') return 'float';
  if (family === 'boolean') return 'boolean';
  if (family === 'json') return 'object';
  return 'string';
}
