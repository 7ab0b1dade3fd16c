import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { precompress } from './precompress';

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// The server serves dist/ at `/`; in development Vite proxies the API to a local server.
export default defineConfig({
  plugins: [react(), precompress()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    // The server renders the transcript page itself and links the app's stylesheet and the
    // page's small script by the names the manifest gives them.
    manifest: true,
    rolldownOptions: {
      input: { index: here('./index.html'), transcript: here('./src/transcript-page.ts') },
    },
  },
  server: {
    proxy: {
      '/api': { target: process.env.HASHCHAT_API ?? 'http://127.0.0.1:3000', changeOrigin: false },
    },
  },
});
