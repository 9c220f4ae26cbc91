import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Built to web/dist and served by the gateway beside /graphql (`npm start`). The build has no
 * inline script, so it runs under a strict Content-Security-Policy (`script-src 'self'`).
 */
export default defineConfig({
  plugins: [react()],
  build: { outDir: 'dist', emptyOutDir: true, chunkSizeWarningLimit: 2000, sourcemap: false },
  server: { proxy: { '/graphql': 'http://127.0.0.1:4000' } },
  test: {
    environment: 'happy-dom',
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    setupFiles: ['src/test-setup.ts'],
    // Typing with user-event takes ~0.3 s a test on a quiet machine and several seconds on a
    // loaded 2-core one: a slow machine must not fail a correct screen.
    testTimeout: 30_000,
  },
});
