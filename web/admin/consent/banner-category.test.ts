import { describe, expect, it } from 'vitest';
import { servicesFromLines, servicesToLines } from './banner-category.ts';

describe('banner category services as lines', () => {
  it('reads name, provider and cookies, skipping blank lines and spaces', () => {
    expect(
      servicesFromLines(' Google Analytics | Google LLC | _ga, _ga_* \n\nHotjar\nMatomo | | _pk_id.*'),
    ).toEqual([
      { name: 'Google Analytics', provider: 'Google LLC', cookies: ['_ga', '_ga_*'] },
      { name: 'Hotjar', provider: '', cookies: [] },
      { name: 'Matomo', provider: '', cookies: ['_pk_id.*'] },
    ]);
  });

  it('writes what it reads back, leaving out empty trailing parts', () => {
    const services = [
      { name: 'Google Analytics', provider: 'Google LLC', cookies: ['_ga', '_ga_*'] },
      { name: 'Hotjar', provider: '', cookies: [] },
      { name: 'Matomo', provider: '', cookies: ['_pk_id.*'] },
    ];
    const lines = servicesToLines(services);
    expect(lines).toBe('Google Analytics | Google LLC | _ga, _ga_*\nHotjar\nMatomo | | _pk_id.*');
    expect(servicesFromLines(lines)).toEqual(services);
  });
});
