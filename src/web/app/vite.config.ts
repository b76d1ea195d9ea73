// Build of the React staff app: sources here, output in src/web/dist (served by web.routes.ts under
// /app/). Hashed file names, a manifest for the size report, one chunk per page (lazy imports).
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: here,
  base: '/app/',
  plugins: [react()],
  // Mirador and the app must share one React, one MUI/emotion and one i18next.
  resolve: { dedupe: ['react', 'react-dom', '@mui/material', '@emotion/react', 'i18next', 'react-i18next'] },
  build: {
    outDir: path.join(here, '..', 'dist'),
    emptyOutDir: true,
    manifest: true,
    target: 'es2022',
    sourcemap: false,
    chunkSizeWarningLimit: 3000,
  },
});
