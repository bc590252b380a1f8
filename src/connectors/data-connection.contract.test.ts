// One suite, every engine on a real server: the same fixture, the same expectations of the DataConnection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DataConnection, DataRow, RowQuery } from './data-connection.ts';
import { dataFixtures, HOSTILE_COLUMN, VISITS, type DataFixture } from './data-connection.fixture.ts';
import { openDataConnection } from './open-data-connection.ts';

const signal = new AbortController().signal;

async function all(rows: AsyncIterable<DataRow>): Promise<DataRow[]> {
  const result: DataRow[] = [];
  for await (const row of rows) result.push(row);
  return result;
}

const ids = (rows: readonly DataRow[]) => rows.map((r) => String(r.id as string)).sort();

describe.each(dataFixtures)('DataConnection contract: $engine', ({ engine, load }) => {
  let fixture: DataFixture;
  let connection: DataConnection;
  const people = (match: RowQuery['match'], fields?: string[]) =>
    all(connection.readRows({ collection: fixture.person, match, ...(fields ? { fields } : {}) }, signal));

  beforeAll(async () => {
    fixture = await load();
    connection = await openDataConnection(fixture.url, { readOnly: false }, signal);
  });
  afterAll(async () => {
    await connection?.close();
    await fixture?.drop();
  });

  it('reads rows by field values, only the fields asked for', async () => {
    expect(connection.engine).toBe(engine);
    const rows = await people({ field: 'id', values: [2, '3', 99] }, ['id', 'nickname']);
    expect(ids(rows)).toEqual(['2', '3']);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['id', 'nickname']);
    expect(rows.find((r) => String(r.id as string) === '3')?.nickname).toBe('uni');
    expect(await people({ field: 'id', values: [] })).toEqual([]);
  });

  it('returns dates as the text the database holds', async () => {
    const [ada] = await people({ field: 'id', values: [1] }, ['id', 'born']);
    expect(ada?.born).toBe('1990-05-01');
  });

  it('matches emails trimmed and case-insensitively, unicode included, never by substring', async () => {
    const t = 'lower_trim' as const;
    expect(ids(await people({ field: 'email', values: ['ada@example.com'], transform: t }))).toEqual(['1']);
    expect(ids(await people({ field: 'email', values: ['ünï@exämple.com'], transform: t }))).toEqual(['3']);
    expect(ids(await people({ field: 'email', values: ['example.com'], transform: t }))).toEqual([]);
  });

  it('matches exact text byte for byte, and phone numbers by their digits', async () => {
    expect(ids(await people({ field: 'email', values: ['bob@example.com'], transform: 'exact' }))).toEqual([
      '2',
    ]);
    expect(ids(await people({ field: 'email', values: ['BOB@example.com'], transform: 'exact' }))).toEqual(
      [],
    );
    expect(
      ids(await people({ field: 'phone', values: ['+442079460958'], transform: 'phone_digits' })),
    ).toEqual(['1']);
  });

  it('treats hostile values as values', async () => {
    for (const value of [
      "' OR 1=1 --",
      '" OR ""="',
      '`; DROP TABLE person; --',
      'x'.repeat(10_240),
      '\u0000',
    ]) {
      expect(await people({ field: 'email', values: [value], transform: 'lower_trim' })).toEqual([]);
      expect(await people({ field: 'email', values: [value] })).toEqual([]);
    }
    expect(
      await connection.countRows(
        { collection: fixture.person, match: { field: 'id', values: [1, 2, 3, 4] } },
        signal,
      ),
    ).toBe(4);
  });

  it('quotes hostile identifiers and refuses an unknown one without running it', async () => {
    const rows = await all(
      connection.readRows({ collection: fixture.hostile, match: { field: 'id', values: [1, 2] } }, signal),
    );
    expect(rows.map((r) => r[HOSTILE_COLUMN]).sort()).toEqual([' OR 1=1 --', 'odd']);
    if (engine !== 'redis') {
      const smuggled = { field: 'id FROM person; DROP TABLE visit; --', values: [1] };
      await expect(
        all(connection.readRows({ collection: fixture.person, match: smuggled }, signal)),
      ).rejects.toThrow();
    }
    expect(
      await connection.countRows(
        { collection: fixture.visit, match: { field: 'person_id', values: [2] } },
        signal,
      ),
    ).toBe(1);
  });

  it('streams many rows and can stop early, leaving the connection usable', async () => {
    const visits = { collection: fixture.visit, match: { field: 'person_id', values: [1] }, fields: ['at'] };
    let n = 0;
    for await (const row of connection.readRows(visits, signal)) n += row === undefined ? 0 : 1;
    expect(n).toBe(VISITS);
    let seen = 0;
    for await (const row of connection.readRows(visits, signal))
      if (row !== undefined && ++seen === 10) break;
    expect(await connection.countRows(visits, signal)).toBe(VISITS);
  });

  it('splits long value lists', async () => {
    const values = Array.from({ length: 2_500 }, (_, i) => `v${String(i).padStart(5, '0')}`);
    const query = { collection: fixture.visit, match: { field: 'at', values } };
    expect(await connection.countRows(query, signal)).toBe(VISITS + 1);
  });

  it('updates fields by primary key, single and composite, and deletes rows by key', async () => {
    const person = engine === 'redis' ? { key: fixture.person.replace('{id}', '2') } : { id: 2 };
    const changed = await connection.updateRows(
      fixture.person,
      [{ key: person, set: { nickname: 'robert', phone: null } }],
      signal,
    );
    expect(changed).toBe(1);
    const [bob] = await people({ field: 'id', values: [2] });
    expect(bob?.nickname).toBe('robert');
    expect(bob?.phone ?? null).toBeNull();
    const visitKey =
      engine === 'redis'
        ? { key: fixture.visit.replace('{person_id}', '2').replace('{at}', 'v00000') }
        : { person_id: 2, at: 'v00000' };
    expect(
      await connection.updateRows(fixture.visit, [{ key: visitKey, set: { page: '/gone' } }], signal),
    ).toBe(1);
    expect(await connection.deleteRows(fixture.visit, [visitKey], signal)).toBe(1);
    expect(
      await connection.countRows(
        { collection: fixture.visit, match: { field: 'person_id', values: [2] } },
        signal,
      ),
    ).toBe(0);
  });

  it('rolls a transaction back when its work throws (where the engine has transactions)', async () => {
    const key = engine === 'redis' ? { key: fixture.person.replace('{id}', '3') } : { id: 3 };
    const failing = connection.transaction(async (tx) => {
      await tx.updateRows(fixture.person, [{ key, set: { nickname: 'changed' } }], signal);
      throw new Error('stop');
    }, signal);
    await expect(failing).rejects.toThrow('stop');
    const [uni] = await people({ field: 'id', values: [3] });
    expect(uni?.nickname).toBe(connection.transactional ? 'uni' : 'changed');
    expect(connection.transactional).toBe(engine !== 'redis');
  });

  it('refuses writes on a read-only connection', async () => {
    const readOnly = await openDataConnection(fixture.url, { readOnly: true }, signal);
    try {
      const key = engine === 'redis' ? { key: fixture.person.replace('{id}', '4') } : { id: 4 };
      await expect(
        readOnly.updateRows(fixture.person, [{ key, set: { nickname: 'x' } }], signal),
      ).rejects.toThrow();
    } finally {
      await readOnly.close();
    }
  });

  it('rejects with the reason once the signal is aborted', async () => {
    const aborted = AbortSignal.abort(new Error('cancelled'));
    const other = await openDataConnection(fixture.url, { readOnly: true }, signal);
    try {
      await expect(
        all(other.readRows({ collection: fixture.person, match: { field: 'id', values: [1] } }, aborted)),
      ).rejects.toThrow('cancelled');
    } finally {
      await other.close();
    }
  });

  it('updates many rows set-based with the values one statement per row would leave', async () => {
    const visitKey = (i: number) => {
      const at = `v${String(i).padStart(5, '0')}`;
      return engine === 'redis'
        ? { key: fixture.visit.replace('{person_id}', '1').replace('{at}', at) }
        : { person_id: 1, at };
    };
    const updates = Array.from({ length: VISITS }, (_, i) => ({
      key: visitKey(i),
      set: { page: i % 3 === 0 ? '/same' : `/masked/${i}` },
    }));
    updates.push({ key: visitKey(7), set: { page: '/last' } });
    const changed = await connection.updateRows(fixture.visit, updates, signal);
    if (engine !== 'redis') expect(changed).toBe(VISITS);
    const visits = await all(
      connection.readRows({ collection: fixture.visit, match: { field: 'person_id', values: [1] } }, signal),
    );
    expect(visits).toHaveLength(VISITS);
    for (const visit of visits) {
      const i = Number(String(visit.at).slice(1));
      expect(visit.page).toBe(i === 7 ? '/last' : i % 3 === 0 ? '/same' : `/masked/${i}`);
    }
    const person = (id: number) =>
      engine === 'redis' ? { key: fixture.person.replace('{id}', String(id)) } : { id };
    await connection.updateRows(
      fixture.person,
      [
        { key: person(1), set: { born: '2000-01-01', nickname: "o'hara", phone: null } },
        { key: person(3), set: { born: '2000-01-03', nickname: 'ünï', phone: null } },
      ],
      signal,
    );
    const changedPeople = await people({ field: 'id', values: [1, 3] }, ['id', 'born', 'nickname', 'phone']);
    expect(changedPeople.map((p) => [String(p.id), p.born, p.nickname, p.phone ?? null]).sort()).toEqual([
      ['1', '2000-01-01', "o'hara", null],
      ['3', '2000-01-03', 'ünï', null],
    ]);
    const hostile = (id: number) =>
      engine === 'redis' ? { key: fixture.hostile.replace('{id}', String(id)) } : { id };
    await connection.updateRows(
      fixture.hostile,
      [
        { key: hostile(1), set: { [HOSTILE_COLUMN]: 'one' } },
        { key: hostile(2), set: { [HOSTILE_COLUMN]: 'two' } },
      ],
      signal,
    );
    const odd = await all(
      connection.readRows({ collection: fixture.hostile, match: { field: 'id', values: [1, 2] } }, signal),
    );
    expect(odd.map((r) => r[HOSTILE_COLUMN]).sort()).toEqual(['one', 'two']);
  });

  it('matches through a nested match and updates every matching row set-based (SQL engines)', async () => {
    if (engine === 'redis') {
      expect(connection.updateMatching).toBeUndefined();
      return;
    }
    // Visits of the people whose email is Ada's: person_id IN (SELECT id FROM person WHERE …).
    const byEmail = { field: 'email', values: ['ada@example.com'], transform: 'lower_trim' } as const;
    const nested = {
      field: 'person_id',
      values: [],
      within: { collection: fixture.person, select: 'id', match: byEmail },
    };
    expect(await connection.countRows({ collection: fixture.visit, match: nested }, signal)).toBe(VISITS);
    const none = { ...nested, within: { ...nested.within, match: { field: 'id', values: [] } } };
    expect(await connection.countRows({ collection: fixture.visit, match: none }, signal)).toBe(0);
    const adas = { field: 'person_id', values: [1] };
    const changed = await connection.transaction(
      async (tx) => tx.updateMatching?.(fixture.visit, adas, { page: "'; DROP TABLE visit; --" }, signal),
      signal,
    );
    expect(changed).toBe(VISITS);
    const read = await all(
      connection.readRows({ collection: fixture.visit, match: adas, fields: ['page'] }, signal),
    );
    expect(new Set(read.map((r) => r.page))).toEqual(new Set(["'; DROP TABLE visit; --"]));
    // A nested match on the updated table's key through another table, and a too-long value refused.
    const viaPerson = {
      field: 'id',
      values: [],
      within: { collection: fixture.visit, select: 'person_id', match: adas },
    };
    expect(await connection.updateMatching?.(fixture.person, viaPerson, { nickname: null }, signal)).toBe(1);
    expect(await people({ field: 'id', values: [1] }, ['nickname'])).toEqual([{ nickname: null }]);
    if (engine === 'postgres')
      await expect(
        connection.updateMatching?.(fixture.person, viaPerson, { nickname: 'x'.repeat(101) }, signal),
      ).rejects.toThrow();
  });
});
