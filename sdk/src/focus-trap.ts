/**
 * Keeps Tab and Shift+Tab inside the dialog. A modal `<dialog>` makes the page inert, but Tab past its last
 * control would still leave for the browser's own UI; wrapping keeps keyboard users in the banner.
 */
export function trapFocus(dialog: HTMLDialogElement, root: ShadowRoot): void {
  dialog.addEventListener('keydown', (event) => {
    if (event.key !== 'Tab') return;
    const focusable = [...dialog.querySelectorAll<HTMLElement>('a[href],button:not(:disabled)')].filter(
      (node) => node.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    const active = root.activeElement;
    const leaving = event.shiftKey ? active === first || active === dialog : active === last;
    if (!leaving) return;
    event.preventDefault();
    (event.shiftKey ? last : first)?.focus();
  });
}
