import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// In development Vite serves the app and forwards the API to the Fastify server; in production the
// server itself serves dist/ (packages/server/src/app.ts, serveWebApp).
export default defineConfig({
  plugins: [react()],
  root: import.meta.dirname,
  server: {
    port: 5173,
    proxy: { '/api': { target: 'http://localhost:3000', changeOrigin: false } },
  },
  build: {
    outDir: path.join(import.meta.dirname, 'dist'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
  },
});
