import { useId } from 'react';
import { labelOf, typeLabels } from './request-labels.ts';
import type { RequestStats } from './request-types.ts';

// One colour per type, each dark enough to stand out from the white background (3:1 or more).
const COLOURS = [
  '#1f4e79',
  '#b45309',
  '#15803d',
  '#9d174d',
  '#6d28d9',
  '#0f766e',
  '#a16207',
  '#be123c',
  '#475569',
];

const WIDTH = 720;
const HEIGHT = 240;
const PAD = { top: 16, right: 16, bottom: 36, left: 40 };

// A round top for the axis whose half is a whole number too, so that every tick is a count.
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const step = 10 ** Math.floor(Math.log10(value));
  const top = Math.ceil(value / step) * step;
  return top % 2 === 0 ? top : top + step;
}

/** Requests per month as stacked bars, one colour per type, with the same numbers as a table. */
export function RequestsChart({ stats }: { readonly stats: RequestStats }) {
  const titleId = useId();
  const months = [...new Set(stats.months.map((row) => row.month))].sort();
  const types = [...new Set(stats.months.map((row) => row.type))].sort();
  if (months.length === 0) return <p className="status">No requests yet.</p>;
  const count = (month: string, type: string) =>
    stats.months.find((row) => row.month === month && row.type === type)?.count ?? 0;
  const totals = months.map((month) => types.reduce((sum, type) => sum + count(month, type), 0));
  const max = niceMax(Math.max(...totals));
  const plotW = WIDTH - PAD.left - PAD.right;
  const plotH = HEIGHT - PAD.top - PAD.bottom;
  const slot = plotW / months.length;
  const barW = Math.min(48, slot * 0.6);
  const y = (value: number) => PAD.top + plotH - (value / max) * plotH;
  const colour = (type: string) => COLOURS[types.indexOf(type) % COLOURS.length] ?? '#475569';

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="chart-svg" role="img" aria-labelledby={titleId}>
        <title id={titleId}>
          Requests per month and type: {months.map((m, i) => `${m}: ${totals[i] ?? 0}`).join(', ')}
        </title>
        {[0, max / 2, max].map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className="chart-grid" />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="chart-label">
              {tick}
            </text>
          </g>
        ))}
        {months.map((month, i) => {
          const x = PAD.left + slot * i + (slot - barW) / 2;
          let base = 0;
          return (
            <g key={month} data-month={month}>
              {types.map((type) => {
                const value = count(month, type);
                if (value === 0) return null;
                const top = y(base + value);
                const height = y(base) - top;
                base += value;
                return <rect key={type} x={x} y={top} width={barW} height={height} fill={colour(type)} />;
              })}
              <text x={x + barW / 2} y={HEIGHT - PAD.bottom + 16} textAnchor="middle" className="chart-label">
                {month}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <ul className="chart-legend">
          {types.map((type) => (
            <li key={type}>
              <svg width="12" height="12" aria-hidden="true" focusable="false">
                <rect width="12" height="12" fill={colour(type)} />
              </svg>
              {labelOf(typeLabels, type)}
            </li>
          ))}
        </ul>
        <details>
          <summary>The numbers as a table</summary>
          <div className="table-scroll">
            <table className="table table-compact">
              <caption className="visually-hidden">Requests per month and type</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  {types.map((type) => (
                    <th scope="col" key={type}>
                      {labelOf(typeLabels, type)}
                    </th>
                  ))}
                  <th scope="col">Total</th>
                </tr>
              </thead>
              <tbody>
                {months.map((month, i) => (
                  <tr key={month}>
                    <th scope="row" className="row-heading">
                      {month}
                    </th>
                    {types.map((type) => (
                      <td key={type} className="numeric">
                        {count(month, type)}
                      </td>
                    ))}
                    <td className="numeric">{totals[i]}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      </figcaption>
    </figure>
  );
}
