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
  // The labelled series of each route and status, looked up once: prom-client hashes a label object on every
  // call otherwise, and this runs for every request. Routes and statuses are few, so the map stays small.
  const series = new Map<string, { count(): void; time(seconds: number): void }>();
  const seriesOf = (method: string, route: string, status: number) => {
    const key = `${method} ${route} ${status}`;
    let found = series.get(key);
    if (found === undefined) {
      const counter = requests.labels(method, route, String(status));
      const histogram = durations.labels(method, route);
      found = { count: () => counter.inc(), time: (seconds) => histogram.observe(seconds) };
      series.set(key, found);
    }
    return found;
  };
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
      const found = seriesOf(method, route, status);
      found.count();
      found.time(seconds);
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
