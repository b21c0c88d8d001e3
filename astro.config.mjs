// @ts-check
import { defineConfig } from 'astro/config';
import { devValidation } from './src/build/dev-validate.ts';

// The build script (scripts/build.ts) passes outDir and the content folder; this file stays thin.
export default defineConfig({
  site: process.env.KHUMUE_SITE_URL || undefined,
  trailingSlash: 'always',
  // Nothing inline: the pages' Content-Security-Policy allows only files from the site itself.
  build: { format: 'directory', inlineStylesheets: 'never' },
  // No MDX integration: content bodies are rendered as data by src/content/loader.ts and never
  // compiled, so nothing an author writes can run. `npm run dev` shows content errors in the
  // browser overlay, as `npm run validate` words them.
  integrations: [devValidation()],
  devToolbar: { enabled: false },
  // code is shown as written, in the site's own colours (no highlighter styles to pass contrast checks)
  markdown: { syntaxHighlight: false },
  // a page whose data (getStaticPaths cacheKey: src/site/page-key.ts) and code are unchanged since the
  // last build is copied from it instead of rendered again
  experimental: { incrementalBuild: true },
});
