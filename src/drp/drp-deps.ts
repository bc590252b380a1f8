import type { Config } from '../config/load-config.ts';
import type { DrpRequestDeps } from './drp-requests.ts';

/** What the DRP use cases need: the requests capability's deps plus the DRP configuration. */
export interface DrpDeps extends DrpRequestDeps {
  readonly config: DrpRequestDeps['config'] &
    Pick<Config, 'drpAgentsFile' | 'drpBusinessId' | 'webhooksAllowLocal'>;
}
