import { describe, expect, it } from 'vitest';
import { describeDuration } from './describe-duration.ts';

describe('describeDuration', () => {
  it('says ISO-8601 durations in words', () => {
    expect(describeDuration('P6Y')).toBe('6 years');
    expect(describeDuration('P1Y')).toBe('1 year');
    expect(describeDuration('P1Y6M')).toBe('1 year and 6 months');
    expect(describeDuration('P2Y3M10D')).toBe('2 years, 3 months and 10 days');
    expect(describeDuration('P2W')).toBe('2 weeks');
    expect(describeDuration('PT36H')).toBe('36 hours');
    expect(describeDuration('P0D')).toBe('no time');
    expect(describeDuration('six years')).toBe('six years');
  });
});
