import { useApiGet } from '../../use-api-get.ts';
import type { DatasetList, DatasetSummary, Recipient, RecipientList } from '../datamap-types.ts';

/** What a system form offers to choose from, and whether it has all arrived. */
export interface SystemChoices {
  readonly datasets: readonly DatasetSummary[];
  readonly recipients: readonly Recipient[];
  readonly ready: boolean;
  readonly error: string | null;
}

/** Loads the datasets and recipients a system form offers. */
export function useSystemChoices(): SystemChoices {
  const datasets = useApiGet<DatasetList>('/api/admin/datasets');
  const recipients = useApiGet<RecipientList>('/api/admin/recipients');
  return {
    datasets: datasets.data?.datasets ?? [],
    recipients: recipients.data?.recipients ?? [],
    ready: datasets.data !== null && recipients.data !== null,
    error: datasets.error ?? recipients.error,
  };
}
