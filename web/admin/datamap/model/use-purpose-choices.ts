import { useApiGet } from '../../use-api-get.ts';
import type { Recipient, RecipientList, System, SystemList, Taxonomy } from '../datamap-types.ts';

/** What a purpose form offers to choose from, and whether it has all arrived. */
export interface PurposeChoices {
  readonly taxonomy: Taxonomy | null;
  readonly systems: readonly System[];
  readonly recipients: readonly Recipient[];
  readonly ready: boolean;
  readonly error: string | null;
}

/** Loads the taxonomy, the systems and the recipients a purpose form offers. */
export function usePurposeChoices(): PurposeChoices {
  const taxonomy = useApiGet<Taxonomy>('/api/admin/taxonomy');
  const systems = useApiGet<SystemList>('/api/admin/systems');
  const recipients = useApiGet<RecipientList>('/api/admin/recipients');
  return {
    taxonomy: taxonomy.data,
    systems: systems.data?.systems ?? [],
    recipients: recipients.data?.recipients ?? [],
    ready: taxonomy.data !== null && systems.data !== null && recipients.data !== null,
    error: taxonomy.error ?? systems.error ?? recipients.error,
  };
}
