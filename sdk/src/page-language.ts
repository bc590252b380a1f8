// A language tag as the server accepts it (`en`, `de-AT`, `pt-BR`).
const TAG = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

/**
 * The page's language for the banner's texts: `<html lang>`, else the browser's. Spellings like `en_US`
 * are mended and anything else becomes `en`, because the server refuses a malformed tag outright.
 */
export function pageLanguage(): string {
  const lang = (document.documentElement.lang || navigator.language || '').replace(/_/g, '-');
  return TAG.test(lang) ? lang : 'en';
}
