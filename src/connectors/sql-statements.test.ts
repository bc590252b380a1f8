import { describe, expect, it } from 'vitest';
import { deleteStatement, matchCondition, selectStatement, updateStatement } from './sql-statements.ts';

describe('SQL statements', () => {
  it('quotes names, binds values, and transforms the column rather than the value', () => {
    expect(
      selectStatement(
        'postgres',
        '"s"."t"',
        { field: 'e"mail', values: ['a', 'b'], transform: 'lower_trim' },
        ['a', 'b'],
        ['id'],
      ),
    ).toEqual({
      sql: 'SELECT "id" FROM "s"."t" WHERE lower(trim(CAST("e""mail" AS text))) = ANY($1)',
      values: [['a', 'b']],
    });
    expect(matchCondition('mysql', { field: 'code', values: ['X'], transform: 'exact' }, ['X'])).toEqual({
      sql: '`code` IN (?) AND BINARY `code` IN (?)',
      values: ['X', 'X'],
    });
    expect(
      matchCondition('sqlite', { field: 'phone', values: ['+1'], transform: 'phone_digits' }, ['+1']).sql,
    ).toBe('privet_phone_digits("phone") IN (?)');
  });

  it('updates and deletes by key, composite keys included', () => {
    expect(updateStatement('postgres', '"t"', { a: 1, b: 2 }, { x: null, y: 'z' })).toEqual({
      sql: 'UPDATE "t" SET "x" = $1, "y" = $2 WHERE "a" = $3 AND "b" = $4',
      values: [null, 'z', 1, 2],
    });
    expect(deleteStatement('mysql', '`t`', [{ id: 1 }, { id: 2 }])).toEqual({
      sql: 'DELETE FROM `t` WHERE `id` IN (?, ?)',
      values: [1, 2],
    });
    expect(
      deleteStatement('sqlite', '"t"', [
        { a: 1, b: 'x' },
        { a: 2, b: 'y' },
      ]),
    ).toEqual({
      sql: 'DELETE FROM "t" WHERE ("a" = ? AND "b" = ?) OR ("a" = ? AND "b" = ?)',
      values: [1, 'x', 2, 'y'],
    });
  });
});
