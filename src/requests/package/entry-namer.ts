// Names come from the data map, which an administrator (or an import) controls: anything that could climb out
// of the folder, hide a file or confuse an unzip tool is replaced, so every name is one plain path segment.
function segment(name: string): string {
  const safe = name.normalize('NFC').replace(/[^\p{L}\p{N}._-]/gu, '_');
  if (safe === '' || /^\.+$/.test(safe)) return '_'.repeat(Math.max(1, safe.length));
  return safe.slice(0, 120);
}

/** Gives each collection a unique `<dataset>/<collection>` base name for its ZIP entries. */
export type EntryNamer = (dataset: string, collection: string) => string;

/**
 * A namer for one package: `demo_shop`, `customers` → `demo_shop/customers`; a name seen before (the same
 * collection twice, or two that differ only in replaced characters) gets `-2`, `-3` … so no entry is lost.
 */
export function createEntryNamer(): EntryNamer {
  const taken = new Set<string>();
  return (dataset, collection) => {
    const base = `${segment(dataset)}/${segment(collection)}`;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}-${n}`;
    // Compared case-insensitively: unzipped on Windows or macOS, `A.json` and `a.json` are one file.
    taken.add(name.toLowerCase());
    return name;
  };
}
