import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineConfig({
  plugins: [svelte()],
  worker: { format: 'es' },
  optimizeDeps: { exclude: ['glpk.js', 'highs'] },
  build: {
    target: 'es2022',
    rolldownOptions: {
      onwarn(warning, warn) {
        // glpk.js/node has a Node code path that imports "module"; harmless in the browser.
        if (String(warning.message ?? '').includes('has been externalized for browser compatibility')) return;
        warn(warning);
      },
    },
  },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/validation/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
