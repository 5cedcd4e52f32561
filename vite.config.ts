// the web UI (web/): a React SPA bundled into dist/web; `/api` proxies to `guarantor serve` in development
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const api = process.env.GUARANTOR_API ?? 'http://127.0.0.1:4173';

export default defineConfig({
  root: 'web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: true,
    // the core and Observable Plot make one large but cacheable chunk; splitting buys nothing for an analyst tool
    chunkSizeWarningLimit: 2000,
  },
  worker: { format: 'es' },
  server: {
    proxy: { '/api': { target: api, changeOrigin: false }, '/openapi.json': api },
  },
});
