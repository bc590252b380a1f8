import { useEffect, useState } from 'react';

/**
 * Whether to say "Saved": true after a save here, or when the page was opened with `?saved` by the form that
 * created the record. The query is dropped at once, so that a reload does not say it again.
 */
export function useSavedFlag(): readonly [boolean, (saved: boolean) => void] {
  const [saved, setSaved] = useState(() => new URLSearchParams(window.location.search).has('saved'));
  useEffect(() => {
    if (new URLSearchParams(window.location.search).has('saved'))
      window.history.replaceState(null, '', window.location.pathname);
  }, []);
  return [saved, setSaved];
}
