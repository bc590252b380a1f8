const NAVIGATE_EVENT = 'privet:navigate';

let navigatedInApp = false;

/** Moves to another path of the same app without a page load, as a link or a redirect would. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (options.replace === true) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  navigatedInApp = true;
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** Calls the listener whenever the path or query changes (links, redirects, back and forward). */
export function subscribeToLocation(listener: () => void): () => void {
  window.addEventListener('popstate', listener);
  window.addEventListener(NAVIGATE_EVENT, listener);
  return () => {
    window.removeEventListener('popstate', listener);
    window.removeEventListener(NAVIGATE_EVENT, listener);
  };
}

/** True once the app has changed page itself: only then should a new page take the keyboard focus. */
export function hasNavigatedInApp(): boolean {
  return navigatedInApp;
}
