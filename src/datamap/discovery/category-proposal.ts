/** A proposed fideslang data category for a column, how sure discovery is (0..1) and why, in a few words. */
export interface CategoryProposal {
  readonly category: string;
  readonly confidence: number;
  readonly reason: string;
}

/** The category for columns that hold nothing about a person. */
export const nonPersonalCategory = 'system.operations';

/** True when the category describes a person (fideslang `user.*`). */
export function isPersonalCategory(category: string): boolean {
  return category === 'user' || category.startsWith('user.');
}

/** Rounds a confidence to two decimals and keeps it within 0..1. */
export function clampConfidence(value: number): number {
  return Math.round(Math.min(1, Math.max(0, value)) * 100) / 100;
}
