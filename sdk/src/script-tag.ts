/** Where the banner was loaded from and how it should talk back. */
export interface ScriptSettings {
  /** The Privet server: `data-privet-origin`, else the origin the script came from. */
  readonly origin: string;
  /** The page's CSP nonce on the banner's own tag, reused for its style element where needed. */
  readonly nonce: string;
}

/**
 * Reads the settings from the banner's `<script>` tag. currentScript is only set while a classic script
 * first runs, so this must be called at once; the `src` lookup covers pages that load it another way.
 */
export function readScriptSettings(): ScriptSettings {
  const tag =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="/sdk/privet.js"]');
  const origin = tag?.dataset.privetOrigin ?? new URL(tag?.src ?? location.href).origin;
  return { origin: origin.replace(/\/+$/, ''), nonce: tag?.nonce ?? '' };
}
