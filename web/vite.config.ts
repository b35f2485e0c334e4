import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The gateway serves the built files at "/" (same origin as /api and /bff). In development
// (npm run dev) Vite proxies those paths to a running gateway: OUTWARD_GATEWAY, default :8080.
const gateway = process.env.OUTWARD_GATEWAY ?? 'http://localhost:8080';
// Through the proxy the app and the API are one origin again, as when the gateway serves the app.
const toGateway = { target: gateway, changeOrigin: true, headers: { origin: gateway } };

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: {
      '/api': toGateway,
      '/bff': toGateway,
      '/login': toGateway,
      '/oauth2': toGateway,
    },
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Hashed file names under /assets: the gateway caches them for a year, index.html never.
    assetsDir: 'assets',
    // The chart chunk (Recharts with its d3 parts, about 120 KB gzip) is loaded only with the theme pages.
    chunkSizeWarningLimit: 450,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['src/test/setup.ts'],
    css: false,
    // A JUnit XML report beside Surefire's, so .ci/run counts these tests with the others.
    reporters: ['default', 'junit'],
    outputFile: { junit: 'target/vitest-reports/TEST-web-vitest.xml' },
    // The machine is small and shared: jsdom rendering of long forms takes seconds under load.
    testTimeout: 30_000,
  },
});
