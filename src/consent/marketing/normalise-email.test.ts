import { describe, expect, it } from 'vitest';
import { isPrivetError } from '../../domain/errors.ts';
import { isPersonIdOfEmail, personIdOfEmail } from '../decisions/person-id-of-email.ts';
import { normaliseEmail } from './normalise-email.ts';

describe('normaliseEmail', () => {
  it('gives the person id of the address, so subscribers and consent subjects meet', () => {
    for (const address of [
      ' Ann@Example.com ',
      'ÄNNE@Bücher.Example',
      'bob@example.com',
      '\tCAT@EXAMPLE.ORG\n',
    ]) {
      const normal = normaliseEmail(address);
      expect(normal).toBe(personIdOfEmail(address));
      expect(isPersonIdOfEmail(normal)).toBe(
        normal === 'bob@example.com' || normal === 'ann@example.com' || normal === 'cat@example.org',
      );
    }
    expect(normaliseEmail(' Ann@Example.com ')).toBe('ann@example.com');
  });

  it('refuses anything but one plain address, with an issue on body.email', () => {
    for (const bad of [
      '',
      'ann',
      'Ann <ann@example.com>',
      'a@b.com, c@d.com',
      'a@example',
      `${'a'.repeat(250)}@example.com`,
    ]) {
      let thrown: unknown;
      try {
        normaliseEmail(bad);
      } catch (error) {
        thrown = error;
      }
      expect(isPrivetError(thrown, 'validation_failed')).toBe(true);
    }
  });
});
