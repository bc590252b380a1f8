function maskText(text: string): string {
  const chars = [...text];
  if (chars.length <= 2) return '***';
  // Long values keep both ends so the person recognises them; short ones give away only the first character.
  if (chars.length >= 8) return `${chars.slice(0, 2).join('')}***${chars.slice(-2).join('')}`;
  return `${chars[0] ?? ''}***`;
}

/**
 * An identity value partly hidden, so a package left on a shared computer does not spell out the address it
 * was made for: `jane.doe@example.com` → `j***@example.com`, `+4915112345678` → `+4***78`.
 */
export function maskIdentity(value: string): string {
  const trimmed = value.trim();
  const at = trimmed.lastIndexOf('@');
  if (at > 0) return `${[...trimmed.slice(0, at)][0] ?? ''}***${trimmed.slice(at)}`;
  return maskText(trimmed);
}
