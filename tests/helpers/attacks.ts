/**
 * The attack corpus: what a hostile pull request can put in content/. Most cases are committed
 * files in tests/fixtures/attacks/<case>/<path under content/>; the ones that are too big to
 * commit or cannot be committed as files (symbolic links) are written here, each into its own
 * file. Every payload that could run writes to MARKER, which the tests replace with a path of
 * their own and check is never written.
 */
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FIXTURES, VALID_CONTENT } from './corpus.ts';

export const ATTACKS = join(FIXTURES, 'attacks');

export interface AttackCase {
  name: string;
  /** path of the attack file under content/ */
  file: string;
  /** writes the attack into a content folder (MARKER replaced by `marker`) */
  write(content: string, marker: string): void;
}

const FRONTMATTER = '---\ntitle: เอกสารทดสอบการโจมตี\noffice: test-office\n---\n\n';

function listFiles(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)],
  );
}

const committed: AttackCase[] = readdirSync(ATTACKS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => {
    const files = listFiles(join(ATTACKS, e.name));
    if (files.length !== 1) throw new Error(`attack ${e.name} must hold exactly one file, has ${files.length}`);
    const file = files[0]!;
    return {
      name: e.name,
      file,
      write(content, marker) {
        const text = readFileSync(join(ATTACKS, e.name, file), 'utf8').replaceAll('MARKER', marker);
        mkdirSync(join(content, file, '..'), { recursive: true });
        writeFileSync(join(content, file), text);
      },
    };
  });

const generatedFile = (name: string, file: string, text: () => string): AttackCase => ({
  name,
  file,
  write(content) {
    mkdirSync(join(content, file, '..'), { recursive: true });
    writeFileSync(join(content, file), text());
  },
});

const generated: AttackCase[] = [
  generatedFile('blank-lines-200k', 'manuals/attack-blank-lines.mdx', () => `${FRONTMATTER}ก\n${'\n'.repeat(200_000)}ข {process.exit(3)}\n`),
  generatedFile('nested-div-40k', 'manuals/attack-nested-div.mdx', () => `${FRONTMATTER}${'<div>'.repeat(40_000)}x${'</div>'.repeat(40_000)}\n`),
  generatedFile('many-divs-60k', 'manuals/attack-many-divs.mdx', () => `${FRONTMATTER}${'<div>x</div>\n\n'.repeat(60_000)}`),
  generatedFile('adversarial-1mb', 'manuals/attack-adversarial-1mb.mdx', () => {
    // 1,000,000 bytes of what parsers find hardest: tags, open brackets, emphasis, code ticks
    const unit = '<Note>text {[(</Note>\n\n*a **a ***a [b](c `d\n\n';
    return FRONTMATTER + unit.repeat(Math.ceil(1_000_000 / unit.length)).slice(0, 1_000_000 - Buffer.byteLength(FRONTMATTER));
  }),
  generatedFile('file-too-large', 'manuals/attack-too-large.mdx', () => FRONTMATTER + 'ข้อความธรรมดา\n'.repeat(80_000)),
  {
    name: 'symlink-loop',
    file: 'manuals/attack-loop.mdx',
    write: (content) => symlinkSync('attack-loop.mdx', join(content, 'manuals', 'attack-loop.mdx')),
  },
  {
    name: 'symlink-dangling',
    file: 'manuals/attack-dangling.mdx',
    write: (content) => symlinkSync('nowhere.mdx', join(content, 'manuals', 'attack-dangling.mdx')),
  },
  {
    name: 'symlink-outside',
    file: 'manuals/attack-outside.mdx',
    write(content) {
      // a valid manual outside the repository: its text must not be published
      const outside = mkdtempSync(join(tmpdir(), 'khumue-outside-'));
      writeFileSync(join(outside, 'secret.mdx'), `${FRONTMATTER}ความลับนอกคลังเอกสาร OUTSIDE-SECRET\n`);
      symlinkSync(join(outside, 'secret.mdx'), join(content, 'manuals', 'attack-outside.mdx'));
    },
  },
  {
    name: 'symlink-folder',
    file: 'mandates',
    write(content) {
      const outside = mkdtempSync(join(tmpdir(), 'khumue-outside-'));
      writeFileSync(join(outside, 'x.yaml'), 'name: x\n');
      rmSync(join(content, 'mandates'), { recursive: true, force: true });
      symlinkSync(outside, join(content, 'mandates'));
    },
  },
];

export const ATTACK_CASES: readonly AttackCase[] = [...committed, ...generated];

/** A content folder: the valid corpus plus the given attacks; `marker` replaces MARKER. */
export function attackCorpus(cases: readonly AttackCase[], marker: string): { dir: string; content: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'khumue-attack-'));
  const content = join(dir, 'content');
  cpSync(VALID_CONTENT, content, { recursive: true });
  for (const c of cases) c.write(content, marker);
  return { dir, content, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
