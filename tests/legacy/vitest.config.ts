import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

// The old-browser suite (`npm run test:legacy`): the built app in a real Chromium 86. One file, in
// order, one browser; the zone is set here rather than by a TZ= prefix, which Windows shells lack.
process.env.TZ = 'Asia/Shanghai';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/legacy/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
