import { newDeviceId } from './device-id.ts';
import { readLocal, writeLocal } from './local-json.ts';
import type { ConsentEvent } from './types.ts';

const KEY = 'privet:queue';

/** Delivers consent events to the server, surviving failures and page changes. */
export interface SendQueue {
  /** Queues an event and tries to send it now. */
  send(event: ConsentEvent): void;
  /** Sends what is queued, e.g. what an earlier page could not. */
  flush(): void;
}

/**
 * A retry queue in localStorage. Events go as text/plain JSON, a "simple" CORS request with no preflight.
 * Delivery is at least once: an event leaves the queue only when the server answered, so a reply lost at
 * unload means it is sent again on the next page. Each queued body carries its own random idempotency key,
 * so the server records a retried (or beaconed) body once and answers it with the first receipts.
 * `onStale` runs when the server refuses an event for an outdated notice version.
 */
export function createSendQueue(origin: string, onStale: () => void): SendQueue {
  const url = `${origin}/api/public/consent`;
  const queued = (): string[] => readLocal<string[]>(KEY) ?? [];
  const remove = (body: string): void =>
    writeLocal(
      KEY,
      queued().filter((item) => item !== body),
    );
  let inFlight: string | undefined;
  let failures = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  async function deliver(body: string): Promise<boolean> {
    inFlight = body;
    try {
      // keepalive: a choice made just before leaving the page still reaches the server.
      const response = await fetch(url, { method: 'POST', body, keepalive: true });
      if (response.ok || (response.status < 500 && response.status !== 408 && response.status !== 429)) {
        // A refusal will not change by trying again: drop it, and re-ask when the notice moved on.
        remove(body);
        if (response.status === 400) onStale();
        return true;
      }
    } catch {
      // Offline or server down: retried below.
    } finally {
      inFlight = undefined;
    }
    return false;
  }

  async function flush(): Promise<void> {
    if (inFlight !== undefined) return;
    clearTimeout(timer);
    // Re-read each time: events queued meanwhile (or by another tab) join this run; `done` stops a loop
    // when storage refuses the removal.
    const done: string[] = [];
    for (let body; (body = queued().find((item) => !done.includes(item))) !== undefined; done.push(body)) {
      if (await deliver(body)) continue;
      // Back off 2 s, 4 s, … up to a minute; the next page load flushes again anyway.
      timer = setTimeout(() => void flush(), Math.min(60_000, 2_000 * 2 ** failures++));
      return;
    }
    failures = 0;
  }

  // sendBeacon outlives the page; the events stay queued because a beacon's delivery is never confirmed.
  addEventListener('pagehide', () => {
    for (const body of queued()) if (body !== inFlight) navigator.sendBeacon(url, body);
  });

  return {
    send(event) {
      const body = JSON.stringify({ ...event, idempotencyKey: newDeviceId() });
      writeLocal(KEY, [...queued(), body]);
      // Without storage there is no queue: one attempt is all that can be done.
      void (queued().includes(body) ? flush() : deliver(body));
    },
    flush: () => void flush(),
  };
}
