function escapeAttribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * A page shaped like a customer's shop page: it loads the banner from `origin`, defines Google Consent Mode's
 * `gtag` stub, and holds scripts that the banner must keep blocked until their category is consented to.
 * Every inline script carries the nonce, so the banner can run them under a strict CSP.
 */
export function sdkDemoPage(options: { readonly nonce: string; readonly origin: string }): string {
  const nonce = escapeAttribute(options.nonce);
  const origin = escapeAttribute(options.origin);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Demo shop – Privet banner</title>
<script nonce="${nonce}">
  window.dataLayer = window.dataLayer || [];
  function gtag() { window.dataLayer.push(arguments); }
  window.demoRan = [];
</script>
<script src="${origin}/sdk/privet.js" data-privet-origin="${origin}" nonce="${nonce}" defer></script>
</head>
<body>
<main>
  <h1>Demo shop</h1>
  <p>This page loads the Privet banner like a customer's site would. Scripts below run only after consent.</p>
  <p><button type="button" id="privacy-settings">Privacy settings</button></p>
  <p>Analytics: <output id="analytics-status">blocked</output></p>
  <p>Marketing: <output id="marketing-status">blocked</output></p>
</main>
<script type="text/plain" data-category="analytics" nonce="${nonce}">
  window.demoRan.push('analytics');
  document.cookie = '_ga=GA1.1.demo; path=/; max-age=3600; SameSite=Lax';
  document.getElementById('analytics-status').textContent = 'running';
</script>
<script type="text/plain" data-category="marketing" nonce="${nonce}">
  window.demoRan.push('marketing');
  document.cookie = '_fbp=fb.1.demo; path=/; max-age=3600; SameSite=Lax';
  document.getElementById('marketing-status').textContent = 'running';
</script>
<script nonce="${nonce}">
  document.getElementById('privacy-settings').addEventListener('click', function () {
    if (window.Privet) window.Privet.showPreferences();
  });
</script>
</body>
</html>
`;
}
