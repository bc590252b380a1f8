/** The ids of a field's hint and error, for aria-describedby; undefined when it has neither. */
export function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint === undefined ? null : `${id}-hint`, error === undefined ? null : `${id}-error`].filter(
    (part) => part !== null,
  );
  return ids.length === 0 ? undefined : ids.join(' ');
}
