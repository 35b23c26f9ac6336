import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server; `npm run dev` at the root starts it on this port.
const apiTarget = 'http://127.0.0.1:3000';

export default defineConfig({
  plugins: [react()],
  // `@/` is apps/web/src, so imports read the same from any depth (mirrored in tsconfig paths).
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  server: {
    proxy: {
      '/api': apiTarget,
      '/healthz': apiTarget,
      '/readyz': apiTarget,
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // Vite 8 bundles with rolldown: `codeSplitting.groups` replaces Rollup's manualChunks.
    // Vendor code changes less often than ours, so it gets its own chunks that stay cached
    // across deploys. `entriesAware` splits a group by which pages use a module, so antd code
    // needed only by a lazy page (say, a Table) is not pulled into the first load.
    // No `maxSize` on antd: cutting a page-set's antd code by size made pairs of chunks import
    // each other, and in such a cycle one chunk runs before the other's React import exists
    // (a blank /units page in production only). scripts/check-chunks.mjs fails the build on a
    // chunk cycle and on any chunk over the 300 kB gzip budget. The antd merge threshold is 30 kB:
    // at 20 kB, the 系统管理 pages' antd code split into two chunks that imported each other.
    rolldownOptions: {
      output: {
        // entriesAware names list every page sharing a chunk; keep only the group name.
        chunkFileNames: (chunk) => `assets/${chunk.name.split('~')[0]}-[hash].js`,
        codeSplitting: {
          groups: [
            {
              name: 'react',
              test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/,
              priority: 30,
            },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|dayjs)[\\/]/,
              priority: 20,
              entriesAware: true,
              entriesAwareMergeThreshold: 30_000,
            },
            {
              name: 'vendor',
              test: /node_modules[\\/]/,
              priority: 10,
              entriesAware: true,
              entriesAwareMergeThreshold: 20_000,
            },
          ],
        },
      },
    },
  },
});
