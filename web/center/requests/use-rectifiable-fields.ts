import { useEffect, useState } from 'react';
import { publicCall } from './public-api.ts';

/** A field of the data map a person may ask to have corrected. */
export interface RectifiableField {
  /** `dataset.collection.field`, sent as the correction's key. */
  readonly target: string;
  readonly label: string;
  readonly collection: string;
}

/**
 * The fields the data map lets a rectification correct; `null` while loading. An empty list (nothing
 * connected, or the list could not be read) means the person names the data in their own words.
 */
export function useRectifiableFields(enabled: boolean): readonly RectifiableField[] | null {
  const [fields, setFields] = useState<readonly RectifiableField[] | null>(null);
  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    publicCall<{ fields: RectifiableField[] }>('GET', '/api/public/requests/rectifiable-fields', {
      signal: controller.signal,
    }).then(
      (answer) => setFields(answer.fields),
      () => {
        if (!controller.signal.aborted) setFields([]);
      },
    );
    return () => controller.abort();
  }, [enabled]);
  return fields;
}
