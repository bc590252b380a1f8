import type {
  FastifyBaseLogger,
  FastifyInstance,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Config } from '../config/load-config.ts';
import type { SharedDecider } from '../consent/decisions/shared-decider.ts';
import type { Clock } from '../domain/clock.ts';
import type { JobQueue } from '../jobs/queue.ts';
import type { Store } from '../store/store.ts';
import type { Metrics } from './metrics.ts';

/** Everything the HTTP app needs, passed in by the caller (the CLI or a test). */
export interface AppDeps {
  readonly config: Config;
  readonly store: Store;
  readonly clock: Clock;
  readonly queue: JobQueue;
  readonly metrics: Metrics;
  /** The process's purpose decider (decision routes, campaign sends); its index loads on first use. */
  readonly decisions: SharedDecider;
  /** Where the built web apps live; the web routes answer 503 when it is missing. */
  readonly webDist: string;
  /** Where log lines go (stdout when absent); tests pass a collector. */
  readonly logStream?: { write(line: string): void };
}

/** The Fastify instance type with TypeBox route schemas. */
export type PrivetApp = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;
