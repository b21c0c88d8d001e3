/**
 * The one setting that says where the content is: KHUMUE_CONTENT_DIR (the build sets it from
 * `--content`), else `content/` under the working directory. Everything that reads content asks here.
 */
import { resolve } from 'node:path';

export const CONTENT_DIR_VARIABLE = 'KHUMUE_CONTENT_DIR';

/** The content folder, absolute. */
export function contentDir(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env[CONTENT_DIR_VARIABLE] ?? 'content');
}
