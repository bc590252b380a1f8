import { useEffect, useState } from 'react';
import { publicCall } from './public-api.ts';

/** A purpose a person may object to, as the public notice names it. */
export interface ObjectablePurpose {
  readonly key: string;
  readonly name: string;
}

interface PurposeNotice {
  readonly key: string;
  readonly name: string;
  readonly legalBasis: { readonly code: string } | null;
}

// Art. 21 gives no objection to what a contract or a legal obligation requires.
const NOT_OBJECTABLE = new Set(['6.1.b', '6.1.c']);

/** The published purposes one can object to; `failed` when the notice could not be read. */
export function useObjectablePurposes(enabled: boolean): {
  readonly purposes: readonly ObjectablePurpose[] | null;
  readonly failed: boolean;
} {
  const [purposes, setPurposes] = useState<readonly ObjectablePurpose[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    publicCall<{ purposes: PurposeNotice[] }>('GET', '/api/public/notice/purposes', {
      signal: controller.signal,
    }).then(
      (answer) =>
        setPurposes(
          answer.purposes
            .filter((purpose) => !NOT_OBJECTABLE.has(purpose.legalBasis?.code ?? ''))
            .map(({ key, name }) => ({ key, name })),
        ),
      () => {
        if (!controller.signal.aborted) setFailed(true);
      },
    );
    return () => controller.abort();
  }, [enabled]);
  return { purposes, failed };
}
