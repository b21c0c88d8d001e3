/**
 * `npm run dev`: the content is validated when the server starts and whenever a content file
 * changes; errors appear in the browser's error overlay with the file, line and the same message
 * as `npm run validate` (warnings go to the terminal). Fixing the file clears the overlay.
 */
import { escapeHtml } from '../content/body.ts';
import { contentDir } from '../content/content-dir.ts';
import { resolve } from 'node:path';
import type { AstroIntegration } from 'astro';
import { formatProblems, type Problem } from '../validate/index.ts';
import { validateIsolated } from '../validate/isolated.ts';
import { refreshEditorIntellisense } from '../authoring/editor.ts';

/** The overlay payload for the first error, with every error listed in the message (escaped: Astro's overlay puts it in as HTML, and nothing an author writes may become markup). */
export function overlayError(
  errors: Problem[],
  root: string,
): { message: string; stack: string; id: string; loc: { file: string; line: number; column: number }; plugin: string } {
  const first = errors[0]!;
  return {
    message: escapeHtml(`เนื้อหามีข้อผิดพลาด ${errors.length} รายการ (content errors: ${errors.length})\n\n${formatProblems(errors, 'text')}`),
    stack: '',
    id: resolve(root, first.file),
    loc: { file: resolve(root, first.file), line: first.line, column: first.column },
    plugin: 'khumue:validate',
  };
}

export function devValidation(): AstroIntegration {
  return {
    name: 'khumue:dev-validate',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        const root = process.cwd();
        const contentFolder = contentDir();
        let errors: Problem[] = [];
        const check = async () => {
          const result = await validateIsolated(contentFolder, root);
          errors = result.problems.filter((p) => p.severity === 'error');
          if (result.problems.length) logger.warn(`\n${formatProblems(result.problems, 'text')}`);
          else logger.info('ตรวจเนื้อหาแล้ว ไม่พบปัญหา (content checked: no problems)');
          if (errors.length) server.ws.send({ type: 'error', err: overlayError(errors, root) });
        };
        await check();
        refreshEditorIntellisense(contentFolder);
        server.watcher.add(contentFolder);
        let timer: NodeJS.Timeout | undefined;
        server.watcher.on('all', (event, file) => {
          if (!resolve(file).startsWith(contentFolder)) return;
          // a new or removed file: the editor's frontmatter completion follows (src/authoring/editor.ts)
          if (event === 'add' || event === 'unlink') refreshEditorIntellisense(contentFolder);
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const had = errors.length;
            await check();
            // fixed: reload so the overlay goes away
            if (had && !errors.length) server.ws.send({ type: 'full-reload' });
          }, 150);
        });
        // a page opened (or reloaded) while the content has errors gets the overlay at once
        server.ws.on('vite:client:connect', (_data, client) => {
          // a moment later (after Vite's own "connected"), and only if the content still has errors
          setTimeout(() => {
            if (errors.length) client.send({ type: 'error', err: overlayError(errors, root) });
          }, 50);
        });
      },
    },
  };
}
