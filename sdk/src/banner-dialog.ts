import { bannerStyles } from './banner-styles.ts';
import { element } from './element.ts';
import { trapFocus } from './focus-trap.ts';
import type { Category, Choices, Texts } from './types.ts';

/** What the dialog shows and starts from. */
export interface DialogOptions {
  readonly categories: readonly Category[];
  readonly texts: Texts;
  /** The switches' starting positions. */
  readonly initial: Choices;
  readonly acceptAll: Choices;
  readonly rejectAll: Choices;
  /** Show the switches at once (reopened preferences) instead of behind "Customize". */
  readonly customize: boolean;
  /** Show the note that the browser's GPC signal is honoured. */
  readonly gpcNote: boolean;
  /** The page's CSP nonce, for browsers without constructable stylesheets. */
  readonly nonce: string;
}

function applyStyles(root: ShadowRoot, nonce: string): void {
  try {
    // A constructed stylesheet is not an inline style: a strict style-src CSP does not block it.
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(bannerStyles);
    root.adoptedStyleSheets = [sheet];
  } catch {
    root.append(element('style', { nonce }, bannerStyles));
  }
}

function categoryRow(category: Category, index: number, on: boolean): [HTMLElement, HTMLButtonElement] {
  const toggle = element('button', {
    type: 'button',
    role: 'switch',
    'aria-checked': String(on),
    'aria-labelledby': `l${index}`,
    'aria-describedby': `d${index}`,
  });
  toggle.disabled = category.required;
  toggle.onclick = () =>
    toggle.setAttribute('aria-checked', String(toggle.getAttribute('aria-checked') !== 'true'));
  const services = category.services.map((service) => service.name).join(', ');
  const row = element(
    'div',
    { class: 'c' },
    element('b', { id: `l${index}` }, category.title),
    toggle,
    element('p', { id: `d${index}` }, category.description + (services && ` (${services})`)),
  );
  return [row, toggle];
}

/**
 * Shows the consent dialog: a modal `<dialog>` (role dialog, aria-modal, labelled by its title and
 * described by its text) in a shadow root. Resolves with the choices made, or `undefined` when the visitor
 * closed it with Escape or the close button.
 */
export function openDialog(options: DialogOptions): Promise<Choices | undefined> {
  const { texts, categories } = options;
  const host = element('div', { 'data-privet': '' });
  const root = host.attachShadow({ mode: 'open' });
  applyStyles(root, options.nonce);
  const rows = categories.map((category, index) =>
    categoryRow(category, index, options.initial[category.key] === true),
  );
  const list = element('div', { hidden: '' }, ...rows.map(([row]) => row));
  const button = (label: string, secondary = false): HTMLButtonElement =>
    element('button', { type: 'button', class: secondary ? 's' : '' }, label);
  const reject = button(texts.rejectAll);
  const customize = button(texts.customize, true);
  const save = button(texts.save, true);
  const accept = button(texts.acceptAll);
  const close = element('button', { type: 'button', class: 'x', 'aria-label': texts.close }, '×');
  const link = texts.privacyNoticeUrl
    ? [
        ' ',
        element(
          'a',
          { href: texts.privacyNoticeUrl, target: '_blank', rel: 'noopener' },
          texts.privacyNotice ?? '',
        ),
      ]
    : [];
  const dialog = element(
    'dialog',
    { 'aria-modal': 'true', 'aria-labelledby': 't', 'aria-describedby': 'b' },
    element('h2', { id: 't' }, texts.title),
    element('p', { id: 'b' }, texts.body, ...link),
    ...(options.gpcNote ? [element('p', {}, texts.gpc ?? '')] : []),
    list,
    element('div', { class: 'a' }, reject, customize, save, accept),
    close,
  );
  root.append(dialog);
  trapFocus(dialog, root);

  const showSwitches = (): void => {
    list.hidden = false;
    customize.hidden = true;
    save.hidden = false;
  };
  save.hidden = true;
  if (options.customize) showSwitches();

  const previousFocus = document.activeElement;
  (document.body ?? document.documentElement).append(host);
  dialog.showModal();
  // Start on the first switch one can change when customising, else on the first control.
  (rows.find(([, toggle]) => !toggle.disabled && !list.hidden)?.[1] ?? reject).focus();

  return new Promise((resolve) => {
    const finish = (choices: Choices | undefined): void => {
      dialog.close();
      host.remove();
      if (previousFocus instanceof HTMLElement) previousFocus.focus();
      resolve(choices);
    };
    dialog.addEventListener('cancel', (event) => {
      // Escape: handled as the close button, so its meaning is the banner's and not the browser's.
      event.preventDefault();
      finish(undefined);
    });
    close.onclick = () => finish(undefined);
    reject.onclick = () => finish(options.rejectAll);
    accept.onclick = () => finish(options.acceptAll);
    customize.onclick = () => {
      showSwitches();
      rows.find(([, toggle]) => !toggle.disabled)?.[1].focus();
    };
    save.onclick = () => {
      const choices: Choices = {};
      categories.forEach((category, index) => {
        choices[category.key] = rows[index]?.[1].getAttribute('aria-checked') === 'true';
      });
      finish(choices);
    };
  });
}
