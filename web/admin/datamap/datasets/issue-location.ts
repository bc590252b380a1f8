/** Splits an import issue's path `file.yml:12:dataset[0].collections[1]` into `file.yml:12` and the rest. */
export function issueLocation(path: string): { readonly where: string | null; readonly pointer: string } {
  const match = /^(.+?:\d+)(?::(.*))?$/.exec(path);
  if (match === null || match[1] === undefined) return { where: null, pointer: path };
  return { where: match[1], pointer: match[2] ?? '' };
}
