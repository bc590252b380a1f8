/** Orders `fides_key`s by code unit, the same on every store (collations differ on `_` and case). */
export function compareFidesKeys(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
