import { describe, expect, it } from 'vitest';
import { parseCsv } from '../taxonomy/parse-csv.ts';
import { renderRopaCsv } from './render-ropa-csv.ts';
import { renderRopaHtml } from './render-ropa-html.ts';
import type { RopaRecord } from './ropa-record.ts';
import { toCsv } from './to-csv.ts';

const record: RopaRecord = {
  kind: 'controller',
  title: 'Record <test>',
  keeper: [
    { label: 'Controller name', value: 'Müller & Söhne "GmbH"' },
    { label: 'Data protection officer', value: '' },
  ],
  columns: ['Business function', 'Purpose of processing', 'Categories of recipients'],
  rowHeaderColumn: 1,
  rows: [[['Sales'], ['Orders, returns'], ['Carrier <b>', 'Bank, Inc.']]],
};

describe('toCsv', () => {
  it('quotes every field, doubles quotes, ends records with CRLF and starts with a BOM', () => {
    expect(
      toCsv([
        ['a', 'b "c"'],
        ['1,2', 'x\ny'],
      ]),
    ).toBe('\uFEFF"a","b ""c"""\r\n"1,2","x\ny"\r\n');
  });
});

describe('renderRopaCsv', () => {
  it('puts the keeper in leading columns on every row and joins a cell’s items with line breaks', () => {
    const rows = parseCsv(renderRopaCsv(record));
    expect(rows).toEqual([
      [
        'Controller name',
        'Data protection officer',
        'Business function',
        'Purpose of processing',
        'Categories of recipients',
      ],
      ['Müller & Söhne "GmbH"', '', 'Sales', 'Orders, returns', 'Carrier <b>\nBank, Inc.'],
    ]);
  });
});

describe('renderRopaHtml', () => {
  it('escapes every value and marks up headers, the row header and lists', () => {
    const html = renderRopaHtml(record, new Date('2026-03-01T10:00:00Z'));
    expect(html).toContain('<title>Record &lt;test&gt;</title>');
    expect(html).toContain('<dd>Müller &amp; Söhne &quot;GmbH&quot;</dd>');
    expect(html).toContain('<dt>Data protection officer</dt><dd>–</dd>');
    expect(html).toContain('<th scope="col">Purpose of processing</th>');
    expect(html).toContain(
      '<tr><td>Sales</td><th scope="row">Orders, returns</th><td><ul><li>Carrier &lt;b&gt;</li><li>Bank, Inc.</li></ul></td></tr>',
    );
    expect(html).toContain('<time datetime="2026-03-01T10:00:00.000Z">2026-03-01</time>');
    expect(html).not.toContain('<b>');
  });

  it('says so when there is nothing to record', () => {
    expect(renderRopaHtml({ ...record, rows: [] }, new Date())).toContain(
      '<td colspan="3">No processing activities are recorded.</td>',
    );
  });
});
