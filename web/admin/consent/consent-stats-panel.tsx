import { useState } from 'react';
import { SelectField } from '../datamap/fields/select-field.tsx';
import { useApiGet } from '../use-api-get.ts';
import type { BannerCategoryList } from './banner-category.ts';

/** `GET /api/admin/consent/stats`, as this panel reads it. */
interface ConsentStats {
  readonly from: string;
  readonly to: string;
  readonly totals: readonly {
    readonly categoryKey: string | null;
    readonly purposeKey: string;
    readonly given: number;
    readonly withdrawn: number;
    readonly objected: number;
    readonly byGpc: number;
    readonly acceptanceRate: number | null;
  }[];
  readonly methods: readonly { readonly method: string; readonly events: number }[];
}

const periods = [
  { value: '7', label: 'Last 7 days' },
  { value: '30', label: 'Last 30 days' },
  { value: '90', label: 'Last 90 days' },
  { value: '365', label: 'Last 365 days' },
];

const DAY_MS = 86_400_000;
const percent = (rate: number | null) => (rate === null ? '—' : `${Math.round(rate * 100)} %`);

/** How visitors and people chose per category over a recent period: what a consent dashboard shows first. */
export function ConsentStatsPanel() {
  const [days, setDays] = useState('30');
  const to = new Date();
  const from = new Date(to.getTime() - (Number(days) - 1) * DAY_MS);
  const day = (date: Date) => date.toISOString().slice(0, 10);
  const stats = useApiGet<ConsentStats>(`/api/admin/consent/stats?from=${day(from)}&to=${day(to)}`);
  const totals = stats.data?.totals ?? [];
  const categories = useApiGet<BannerCategoryList>('/api/admin/consent/categories');
  const titleOf = (key: string | null) =>
    categories.data?.categories.find((category) => category.key === key)?.texts.en?.title;
  return (
    <section aria-labelledby="consent-stats-heading">
      <h2 id="consent-stats-heading">Choices recorded</h2>
      <div className="filters">
        <SelectField
          id="consent-stats-period"
          label="Period (UTC days)"
          value={days}
          options={periods}
          onChange={setDays}
        />
      </div>
      {stats.error !== null && (
        <p className="alert" role="alert">
          The figures could not be loaded: {stats.error}
        </p>
      )}
      {totals.length > 0 && (
        <div className="table-scroll">
          <table className="table table-compact" data-testid="consent-stats">
            <caption className="visually-hidden">
              Choices per category from {stats.data?.from} to {stats.data?.to}
            </caption>
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Given</th>
                <th scope="col">Refused or withdrawn</th>
                <th scope="col">Of those, by GPC</th>
                <th scope="col">Acceptance</th>
              </tr>
            </thead>
            <tbody>
              {totals.map((total) => (
                <tr
                  key={`${total.categoryKey ?? ''}/${total.purposeKey}`}
                  data-key={total.categoryKey ?? total.purposeKey}
                >
                  <th scope="row" className="row-heading">
                    {titleOf(total.categoryKey) ?? ''} <code>{total.categoryKey ?? total.purposeKey}</code>
                  </th>
                  <td className="numeric">{total.given}</td>
                  <td className="numeric">{total.withdrawn + total.objected}</td>
                  <td className="numeric">{total.byGpc}</td>
                  <td className="numeric">{percent(total.acceptanceRate)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="status" role="status">
        {stats.data === null
          ? stats.error === null
            ? 'Loading…'
            : ''
          : totals.length === 0
            ? 'No choices were recorded in this period.'
            : `By method: ${stats.data.methods.map((m) => `${m.method} ${m.events}`).join(', ')}. Every change counts, so one visitor may count more than once.`}
      </p>
    </section>
  );
}
