import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { JobStatus } from '../jobs/queue.ts';

/** Prometheus instruments of one process; a fresh registry each, so tests never share counters. */
export interface Metrics {
  readonly registry: Registry;
  observeRequest(method: string, route: string, status: number, seconds: number): void;
  observeJob(kind: string, outcome: string, seconds: number): void;
  /** Where the queue-depth gauge reads from at scrape time. */
  setQueueDepthSource(source: () => Promise<Record<JobStatus, number>>): void;
}

/** Creates the HTTP, job and queue-depth instruments. */
export function createMetrics(): Metrics {
  const registry = new Registry();
  const requests = new Counter({
    name: 'privet_http_requests_total',
    help: 'HTTP requests answered, by method, route and status.',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const durations = new Histogram({
    name: 'privet_http_request_duration_seconds',
    help: 'HTTP request latency.',
    labelNames: ['method', 'route'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  const jobs = new Counter({
    name: 'privet_jobs_total',
    help: 'Jobs finished by this process, by kind and outcome.',
    labelNames: ['kind', 'outcome'] as const,
    registers: [registry],
  });
  const jobDurations = new Histogram({
    name: 'privet_job_duration_seconds',
    help: 'Job run time.',
    labelNames: ['kind'] as const,
    buckets: [0.01, 0.1, 0.5, 1, 5, 30, 120, 600],
    registers: [registry],
  });
  let depthSource: (() => Promise<Record<JobStatus, number>>) | undefined;
  new Gauge({
    name: 'privet_queue_depth',
    help: 'Jobs in the queue, by status (read from the store at scrape time).',
    labelNames: ['status'] as const,
    registers: [registry],
    async collect() {
      if (depthSource === undefined) return;
      this.reset();
      for (const [status, count] of Object.entries(await depthSource())) this.set({ status }, count);
    },
  });
  return {
    registry,
    observeRequest: (method, route, status, seconds) => {
      requests.inc({ method, route, status: String(status) });
      durations.observe({ method, route }, seconds);
    },
    observeJob: (kind, outcome, seconds) => {
      jobs.inc({ kind, outcome });
      jobDurations.observe({ kind }, seconds);
    },
    setQueueDepthSource: (source) => {
      depthSource = source;
    },
  };
}
