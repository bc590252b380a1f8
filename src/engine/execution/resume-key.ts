import { createHash, createHmac } from 'node:crypto';
import { redactConnectionUrl } from '../../connectors/connection-url.ts';
import type { SubjectIdentity } from '../identity/subject-identity.ts';
import type { CorrectionInput } from '../rectification/corrections.ts';
import type { DatasetBinding } from './plan-request.ts';

/**
 * The key a re-run finds its unfinished run by: a keyed hash (the identities never stored in clear) of the
 * request type, subject, normalised identities, corrections, each dataset's content and each connection (its
 * URL without password). The same command after a crash resumes; a different database or map starts afresh.
 */
export function resumeKey(
  secret: string,
  request: {
    readonly type: string;
    readonly subject: string;
    readonly identities: readonly SubjectIdentity[];
    readonly bindings: readonly DatasetBinding[];
    readonly corrections: readonly CorrectionInput[];
  },
): string {
  const digest = (text: string) => createHash('sha256').update(text).digest('hex');
  const canonical = JSON.stringify({
    type: request.type,
    subject: request.subject,
    identities: request.identities.map((i) => `${i.type}=${i.value}`).sort(),
    corrections: request.corrections.map((c) => `${c.target}=${c.value}`),
    datasets: request.bindings.map((b) => [
      b.dataset.fides_key,
      digest(JSON.stringify(b.dataset)),
      redactConnectionUrl(b.url),
    ]),
  });
  return createHmac('sha256', secret).update(`privet:request-run:${canonical}`).digest('hex');
}
