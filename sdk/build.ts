import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';

/**
 * Bundles sdk/src into the one self-contained file sdk/privet.js that customers' sites load: an IIFE so
 * nothing leaks into the page's globals except `window.Privet`, minified for the 5,000-byte gzip budget.
 */
const outfile = new URL('privet.js', import.meta.url).pathname;
await build({
  entryPoints: [new URL('src/main.ts', import.meta.url).pathname],
  outfile,
  bundle: true,
  minify: true,
  format: 'iife',
  // Browsers from 2020 on; newer syntax is lowered.
  target: ['es2020'],
  legalComments: 'none',
  banner: { js: '/*! Privet consent banner, Apache-2.0 */' },
});
const size = gzipSync(await readFile(outfile), { level: 9 }).length;
console.log(`sdk/privet.js built: ${size} bytes gzip -9`);
