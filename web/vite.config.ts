import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));

// The dev server only knows files; the admin console's client routes (/admin/audit, …) need its index.html,
// as the Privet server gives them in production.
function adminFallback(): Plugin {
  return {
    name: 'privet-admin-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        if (/^\/admin(\/[^.]*)?$/.test(path))
          req.url = '/admin/index.html' + (req.url?.slice(path.length) ?? '');
        next();
      });
    },
  };
}

/** Builds the privacy center (web/index.html) and the admin console (web/admin/index.html) into web/dist. */
export default defineConfig({
  root: webRoot,
  base: '/',
  plugins: [react(), adminFallback()],
  build: {
    outDir: resolve(webRoot, 'dist'),
    emptyOutDir: true,
    assetsDir: 'assets',
    // Every browser Privet supports knows modulepreload; the polyfill would only be one more request.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      input: {
        center: resolve(webRoot, 'index.html'),
        admin: resolve(webRoot, 'admin/index.html'),
      },
      // Stable names for what both apps share, instead of the name of whichever module came first.
      output: {
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules/ },
            { name: 'shared', test: /web[\\/]shared/ },
          ],
        },
      },
    },
  },
  server: {
    // `npx vite --config web/vite.config.ts` next to `npm start`: the API comes from the real server.
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
