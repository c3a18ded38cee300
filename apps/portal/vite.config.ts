import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Mailyard server at /portal/; in development Vite proxies the API to a running server.
export default defineConfig({
  base: '/portal/',
  plugins: [react()],
  server: {
    port: 5174,
    // Keep the browser's Host header: the server accepts cookie mutations only when Origin matches Host.
    proxy: { '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: { outDir: 'dist', emptyOutDir: true },
});
