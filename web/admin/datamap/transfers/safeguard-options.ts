/** The Chapter V safeguards a transfer can rely on, as the form offers them ('' for none recorded yet). */
export const safeguardOptions = [
  { value: '', label: 'Not recorded yet' },
  { value: 'adequacy', label: 'Adequacy decision (Art. 45)' },
  { value: 'scc', label: 'Standard contractual clauses (Art. 46(2)(c))' },
  { value: 'bcr', label: 'Binding corporate rules (Art. 47)' },
  { value: 'derogation_49', label: 'Derogation for a specific situation (Art. 49)' },
] as const;

/** The stored safeguard value. */
export type SafeguardValue = (typeof safeguardOptions)[number]['value'];

/** The words for a stored safeguard, or a dash when none is recorded. */
export function safeguardLabel(value: string | null): string {
  return safeguardOptions.find((o) => o.value === (value ?? ''))?.label ?? value ?? '—';
}
