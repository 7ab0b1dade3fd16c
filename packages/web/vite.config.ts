import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress';

// The server serves dist/ at `/`; in development Vite proxies the API to a local server.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
  },
  server: {
    proxy: {
      '/api': { target: process.env.HASHCHAT_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
