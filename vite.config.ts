// Builds the PWA from pwa/ into dist/, with our own TypeScript service worker
// (vite-plugin-pwa in injectManifest mode, Workbox inside the worker).
import { defineConfig } from 'vite';
import solid from 'vite-plugin-solid';
import { VitePWA } from 'vite-plugin-pwa';

const SERVER = process.env.SLINGA_DEV_SERVER ?? 'http://localhost:8787';

export default defineConfig({
  root: 'pwa',
  publicDir: '../public',
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    reportCompressedSize: false,
    // No modulepreload helper: lazy pages and their dependencies come from the
    // service worker's cache, where preloading gains little, and the helper
    // (with every dynamic import's dependency list) costs initial bytes.
    modulePreload: false,
    rolldownOptions: {
      // domain/ is pure (schemas, accessors, rules): a module of it that the
      // start-up path does not use must not be in the initial bundle.
      // zod's constructors build schema objects and do nothing else: a schema
      // the start-up path never uses is dropped with them.
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]domain[\\/]/.test(id),
        manualPureFunctions: ['z'],
      },
      // The libraries every start needs in one file: one gzip stream compresses
      // better than several small ones (y-websocket and y-protocols stay lazy).
      output: {
        advancedChunks: {
          groups: [
            {
              name: 'stack',
              test: /[\\/]node_modules[\\/](solid-js|@solidjs|dexie|y-dexie|yjs|zod|@noble)[\\/]|[\\/]domain[\\/](ids|validation|insatser|sign-off|security|team|dates|visit|api|doc-names|sync-ack|sync-window|team-day|workers|doc-layout[\\/](y-helpers|plan-doc|exec-doc|sign-off-doc|brukare-summary))\.ts$/,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/api': SERVER,
      '/healthz': SERVER,
      '/sync': { target: SERVER.replace(/^http/, 'ws'), ws: true },
    },
  },
  plugins: [
    solid(),
    VitePWA({
      strategies: 'injectManifest',
      srcDir: 'sw',
      filename: 'sw.ts',
      registerType: 'prompt',
      injectRegister: false,
      manifest: {
        name: 'Slinga – hemtjänst',
        short_name: 'Slinga',
        description: 'Dagens besök, dokumentation och synk för hemtjänsten – även utan täckning.',
        lang: 'sv',
        start_url: '/',
        scope: '/',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#1d4e89',
        icons: [
          { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: '/icons/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' },
        ],
      },
      injectManifest: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest}'],
        rollupFormat: 'es',
      },
      devOptions: { enabled: false },
    }),
  ],
});
