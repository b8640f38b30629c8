// Builds the explorer (client/) into dist/client, which the Express server
// serves on the same port as the API. `vite` alone serves it with hot reload
// and forwards /api to a running `npm start`.
import { defineConfig } from 'vite';

export default defineConfig({
  root: 'client',
  build: { outDir: '../dist/client', emptyOutDir: true },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
