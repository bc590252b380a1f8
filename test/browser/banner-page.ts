/** The CSP nonce of the customer's pages: blocked scripts must keep it to run once unblocked. */
export const SHOP_NONCE = 'c2hvcC1ub25jZS0xMjM0';

/**
 * A strict CSP as a careful customer would send: only nonce'd scripts, no inline styles, and network
 * access only to Privet. A blocked script that lost its nonce, or a banner that needed inline styles, breaks.
 */
export function shopCsp(...privetOrigins: string[]): string {
  return [
    "default-src 'self'",
    `script-src 'nonce-${SHOP_NONCE}'`,
    `style-src 'nonce-${SHOP_NONCE}'`,
    `connect-src ${privetOrigins.join(' ')}`,
  ].join('; ');
}

/**
 * A shop page loading the banner from Privet's origin, with blocked analytics scripts (one inline, one by
 * `src`) and a blocked marketing script, each setting a window flag when it runs. `apiOrigin` sets
 * `data-privet-origin`, the server the banner talks to when not the one it came from.
 */
export function shopPage(options: {
  privetOrigin: string;
  title?: string;
  apiOrigin?: string;
  lang?: string;
}): string {
  const api = options.apiOrigin === undefined ? '' : ` data-privet-origin="${options.apiOrigin}"`;
  return `<!doctype html>
<html lang="${options.lang ?? 'en'}">
<head>
<meta charset="utf-8">
<title>${options.title ?? 'Shop'}</title>
<script nonce="${SHOP_NONCE}" src="${options.privetOrigin}/sdk/privet.js"${api}></script>
</head>
<body>
<h1>${options.title ?? 'Shop'}</h1>
<p><a href="/elsewhere">Elsewhere</a></p>
<script type="text/plain" data-category="analytics" nonce="${SHOP_NONCE}">
window.analyticsInline = (window.analyticsInline || 0) + 1;
window.analyticsNonce = document.currentScript.nonce;
</script>
<script type="text/plain" data-category="analytics" nonce="${SHOP_NONCE}" src="/analytics.js"></script>
<script type="text/plain" data-category="marketing" nonce="${SHOP_NONCE}">window.marketingRan = true;</script>
</body>
</html>`;
}

/** The blocked external analytics script: counts its runs. */
export const analyticsScript = 'window.analyticsExternal = (window.analyticsExternal || 0) + 1;';

/** A page of the same shop without the banner, to leave to (pagehide) without loading it again. */
export const plainPage =
  '<!doctype html><html lang="en"><head><title>Plain</title></head><body>Plain</body></html>';
