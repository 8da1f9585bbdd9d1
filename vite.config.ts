import { defineConfig } from 'vite';

// The game is a static site: `npm run build` writes dist/, which runs from any file server.
export default defineConfig({
  base: './',
  server: { port: 5173, strictPort: false },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        // Phaser is large and changes rarely: keep it in its own chunk so the game code caches apart.
        advancedChunks: { groups: [{ name: 'phaser', test: /node_modules[\\/]phaser/ }] },
      },
    },
  },
});
