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

/**
 * The message as it goes to the browser. Astro passes every error it has not made itself through its
 * own formatter, which escapes the text again (the author saw `&lt;Note&gt;`) and reads it as
 * Markdown; marked as Astro's own, ours arrives as the validator wrote it, escaped once — the same
 * on every path (the hot channel and a client that connects later).
 */
export function overlayPayload(errors: Problem[], root: string) {
  return { type: 'error' as const, err: overlayError(errors, root), __isEnhancedAstroErrorPayload: true };
}

const keyOf = (p: Problem) => `${p.file}:${p.line}:${p.column}:${p.code}:${p.message}`;

/**
 * What the terminal shows after a content file was saved: only the problems that are new since the
 * last check, how many were fixed, and the totals — not every problem again on every save.
 * The first check shows them all. Returns the text (empty: nothing changed) and the keys to keep.
 */
export function devReport(problems: Problem[], previous: Set<string> | undefined): { text: string; keys: Set<string> } {
  const keys = new Set(problems.map(keyOf));
  if (!previous) return { text: problems.length ? formatProblems(problems, 'text') : 'ตรวจเนื้อหาแล้ว ไม่พบปัญหา (content checked: no problems)', keys };
  const added = problems.filter((p) => !previous.has(keyOf(p)));
  const fixed = [...previous].filter((k) => !keys.has(k)).length;
  if (!added.length && !fixed) return { text: '', keys };
  const errors = problems.filter((p) => p.severity === 'error').length;
  const lines = added.length ? formatProblems(added, 'text').split('\n').slice(0, -1) : [];
  if (fixed) lines.push(`แก้แล้ว ${fixed} รายการ (${fixed} fixed)`);
  lines.push(
    problems.length
      ? `ยังเหลือข้อผิดพลาด ${errors} รายการ คำเตือน ${problems.length - errors} รายการ (now ${errors} errors, ${problems.length - errors} warnings)`
      : 'ตรวจเนื้อหาแล้ว ไม่พบปัญหา (content checked: no problems)',
  );
  return { text: lines.join('\n'), keys };
}

export function devValidation(): AstroIntegration {
  return {
    name: 'khumue:dev-validate',
    hooks: {
      'astro:server:setup': async ({ server, logger }) => {
        const root = process.cwd();
        const contentFolder = contentDir();
        let errors: Problem[] = [];
        let seen: Set<string> | undefined;
        const check = async () => {
          const result = await validateIsolated(contentFolder, root, { entries: false });
          errors = result.problems.filter((p) => p.severity === 'error');
          // the terminal: everything once, then only what changed
          const report = devReport(result.problems, seen);
          seen = report.keys;
          if (report.text && result.problems.length) logger.warn(`\n${report.text}`);
          else if (report.text) logger.info(report.text);
          if (errors.length) server.ws.send(overlayPayload(errors, root));
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
            if (errors.length) client.send(overlayPayload(errors, root));
          }, 50);
        });
      },
    },
  };
}
