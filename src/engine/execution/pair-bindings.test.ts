import { describe, expect, it } from 'vitest';
import { pairBindings } from './pair-bindings.ts';

const file = (path: string, ...keys: string[]) => ({
  path,
  datasets: keys.map((k) => ({ fides_key: k, collections: [] })),
});
const pairs = (bindings: ReturnType<typeof pairBindings>) =>
  bindings.map((b) => `${b.dataset.fides_key}@${b.url}`);

describe('pairBindings', () => {
  it('pairs by order, file by file, or gives everything to a single connection', () => {
    expect(
      pairs(
        pairBindings(['sqlite:/a.db', 'postgres://h/b'], [file('a.yml', 'a'), file('b.yml', 'b1', 'b2')]),
      ),
    ).toEqual(['a@sqlite:/a.db', 'b1@postgres://h/b', 'b2@postgres://h/b']);
    expect(pairs(pairBindings(['sqlite:/a.db'], [file('a.yml', 'a'), file('b.yml', 'b')]))).toEqual([
      'a@sqlite:/a.db',
      'b@sqlite:/a.db',
    ]);
  });

  it('pairs by ?dataset= first and removes the parameter', () => {
    const bindings = pairBindings(
      ['postgres://h/db?schema=crm&dataset=b', 'sqlite:/a.db'],
      [file('a.yml', 'a'), file('b.yml', 'b')],
    );
    expect(pairs(bindings)).toEqual(['b@postgres://h/db?schema=crm', 'a@sqlite:/a.db']);
    expect(pairs(pairBindings(['redis://h/1?dataset=x,y'], [file('f.yml', 'x', 'y')]))).toEqual([
      'x@redis://h/1',
      'y@redis://h/1',
    ]);
  });

  it('refuses what it cannot pair', () => {
    expect(() => pairBindings(['sqlite:/a.db', 'sqlite:/b.db'], [file('a.yml', 'a')])).toThrow(
      /1 --dataset file/,
    );
    expect(() => pairBindings(['sqlite:/a.db?dataset=zz'], [file('a.yml', 'a')])).toThrow(/no dataset "zz"/);
  });
});
