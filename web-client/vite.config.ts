import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

/**
 * The build writes into the Maven module's classes so that the jar carries the site under
 * META-INF/resources, where the gateway serves static resources from. The development
 * server proxies the API to a gateway on its usual port.
 */
export default defineConfig({
  plugins: [svelte()],
  build: {
    outDir: 'target/classes/META-INF/resources',
    emptyOutDir: true,
    assetsDir: 'assets',
    target: 'es2022',
    modulePreload: { polyfill: false },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
