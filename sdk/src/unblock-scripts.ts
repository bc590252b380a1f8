import type { Choices } from './types.ts';

const BLOCKED = 'script[type="text/plain"][data-category]';

/**
 * Replaces each blocked `<script type="text/plain" data-category="…">` whose categories (space separated) are
 * all consented by a real script: same attributes, `src` or inline text, and CSP nonce. A script's type can
 * not be changed to make it run, so a new element is needed; `data-type` gives its real type (e.g. module).
 */
export function unblockScripts(choices: Choices): void {
  for (const blocked of document.querySelectorAll<HTMLScriptElement>(BLOCKED)) {
    const categories = (blocked.dataset.category ?? '').split(' ').filter(Boolean);
    if (!categories.every((category) => choices[category])) continue;
    const script = document.createElement('script');
    for (const { name, value } of blocked.attributes) script.setAttribute(name, value);
    script.type = blocked.dataset.type ?? 'text/javascript';
    // The browser hides the nonce attribute from the DOM once parsed; the property keeps it.
    script.nonce = blocked.nonce ?? '';
    // Inserted scripts are async by default; keep the page's order between blocked scripts.
    script.async = blocked.async;
    script.text = blocked.text;
    blocked.replaceWith(script);
  }
}
