import { useEffect, useState } from 'react';

export interface CopyButtonProps {
  /** What goes to the clipboard. */
  readonly text: string;
  /** The button's name for screen readers, such as "Copy the API key". */
  readonly label: string;
}

type CopyState = 'idle' | 'copied' | 'failed';

// How long "Copied" stays before the button reads as before.
const RESET_MS = 4000;

/** Copies a value to the clipboard and says whether that worked; the value stays selectable either way. */
export function CopyButton({ text, label }: CopyButtonProps) {
  const [state, setState] = useState<CopyState>('idle');

  useEffect(() => {
    if (state !== 'copied') return;
    const timer = window.setTimeout(() => setState('idle'), RESET_MS);
    return () => window.clearTimeout(timer);
  }, [state]);

  async function copy(): Promise<void> {
    try {
      // The clipboard API exists only on https:// and localhost pages.
      if (!window.isSecureContext) throw new Error('no clipboard on this page');
      await navigator.clipboard.writeText(text);
      setState('copied');
    } catch {
      setState('failed');
    }
  }

  return (
    <span className="copy">
      <button
        className="button button-secondary"
        type="button"
        aria-label={label}
        onClick={() => void copy()}
      >
        {state === 'copied' ? 'Copied' : 'Copy'}
      </button>
      <span className="copy-status" role="status">
        {state === 'copied' ? 'Copied to the clipboard.' : ''}
        {state === 'failed' ? 'Copying did not work here: select the text and copy it yourself.' : ''}
      </span>
    </span>
  );
}
