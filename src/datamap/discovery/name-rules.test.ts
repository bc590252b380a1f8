import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { nameRules } from './name-rules.ts';
import { valueDetectors } from './value-detectors.ts';

describe('name rules and value detectors', () => {
  it('propose only categories of the fideslang taxonomy', () => {
    const json = JSON.parse(
      readFileSync(new URL('../taxonomy/data/fideslang/data_categories.json', import.meta.url), 'utf8'),
    );
    const keys = new Set((json.data_category as { fides_key: string }[]).map((c) => c.fides_key));
    const used = [
      ...nameRules.map((r) => r.category),
      ...valueDetectors.map((d) => d.category),
      'user.unique_id',
      'system.operations',
    ];
    for (const category of used) expect(keys.has(category), category).toBe(true);
  });

  it('are all well formed', () => {
    expect(nameRules.length).toBeGreaterThan(30);
    for (const rule of nameRules) {
      expect(rule.confidence, rule.category).toBeGreaterThan(0);
      expect(rule.confidence, rule.category).toBeLessThan(1);
      expect(rule.types.length, rule.category).toBeGreaterThan(0);
      expect(rule.label, rule.category).not.toBe('');
    }
  });
});
