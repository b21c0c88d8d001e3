/**
 * Holds the build lock until released: a dev server writes Astro's per-project state (.astro/,
 * the content module map among it), so builds by other test files wait instead of using it.
 */
import { withBuildLock } from '../../src/build/build-lock.ts';

export function holdBuildLock(root: string): { held: Promise<void>; release: () => void } {
  let release: () => void = () => undefined;
  const held = new Promise<void>((ready) => {
    void withBuildLock(
      root,
      () =>
        new Promise<void>((done) => {
          release = done;
          ready();
        }),
    );
  });
  return { held, release: () => release() };
}
