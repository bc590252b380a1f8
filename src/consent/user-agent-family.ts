// Order matters: Edge and Opera also say Chrome, Chrome also says Safari, and every browser says Mozilla.
const BROWSERS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS|Chromium)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)(?:\.\d+)*(?: Mobile\/\S+)? Safari\//],
  ['curl', /^curl\/(\d+)/],
  ['Node.js', /^node(?:-fetch)?\b|\bundici\b/],
];

const SYSTEMS: readonly (readonly [name: string, pattern: RegExp])[] = [
  ['iOS', /\b(?:iPhone|iPad|iPod)\b/],
  ['Android', /\bAndroid\b/],
  ['ChromeOS', /\bCrOS\b/],
  ['Windows', /\bWindows\b/],
  ['macOS', /\bMac OS X\b|\bMacintosh\b/],
  ['Linux', /\bLinux\b|\bX11\b/],
];

// A site's visitors send a few hundred distinct headers at most: a bounded memo spares the regexes per post.
const RECENT_LIMIT = 512;
const recent = new Map<string, string>();

/**
 * Reduces a User-Agent header to a browser family, major version and operating system, e.g.
 * `Chrome 156 / Linux`, so that the ledger shows how consent was given without fingerprinting the device.
 */
export function userAgentFamily(userAgent: string | undefined): string | undefined {
  if (userAgent === undefined || userAgent.trim() === '') return undefined;
  const known = recent.get(userAgent);
  if (known !== undefined) return known;
  const family = parseFamily(userAgent.slice(0, 1000));
  if (userAgent.length <= 1000) {
    if (recent.size >= RECENT_LIMIT) recent.clear();
    recent.set(userAgent, family);
  }
  return family;
}

function parseFamily(ua: string): string {
  let browser = 'Other';
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      browser = match[1] === undefined ? name : `${name} ${match[1]}`;
      break;
    }
  }
  const system = SYSTEMS.find(([, pattern]) => pattern.test(ua))?.[0];
  return system === undefined ? browser : `${browser} / ${system}`;
}
