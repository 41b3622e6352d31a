import { build, type InlineConfig } from 'vite';

/**
 * vite build, as `vite build` on the command line would do it. Vitest sets NODE_ENV=test, and
 * vite then resolves packages' "development" exports (xstate's dev build, for one) and defines
 * process.env.NODE_ENV as "test": not the bundle players get. So NODE_ENV is "production" for
 * the duration of the build, and restored after.
 */
export async function productionBuild(config: InlineConfig): Promise<void> {
  const saved = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ mode: 'production', logLevel: 'warn', ...config });
  } finally {
    if (saved === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = saved;
  }
}
