import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Served by the Mailyard server at /admin/; in development Vite proxies the API to a running server.
export default defineConfig({
  base: '/admin/',
  plugins: [react()],
  server: {
    // Keep the browser's Host header: the server accepts cookie mutations only when Origin matches Host.
    proxy: { '/trpc': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Cloudscape alone is ~830 kB minified (220 kB gzipped); it sits in its own long-cached chunk.
    chunkSizeWarningLimit: 900,
    rolldownOptions: {
      output: {
        // Cloudscape is most of the bundle and changes rarely: its own chunk caches across releases.
        codeSplitting: { groups: [{ name: 'cloudscape', test: /node_modules[\\/].*@cloudscape-design/ }] },
      },
    },
  },
});
