/**
 * Bounded work (src/content/limits.ts, url-policy.ts, frontmatter.ts): each limit is found and
 * located, real content is far inside them, and every function that reads author text stays
 * linear on long adversarial input (a super-linear scan or regex would take minutes on these
 * 1-2 MB inputs; the bound is 5 s, far above the ~50 ms they take, so load cannot flake it).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { splitFrontmatter } from '../../src/content/frontmatter.ts';
import { checkMdxLimits, checkYamlLimits, MAX_DEPTH, MAX_TAGS } from '../../src/content/limits.ts';
import { checkUrl } from '../../src/content/url-policy.ts';
import { checkMdxBody } from '../../src/validate/mdx-body.ts';
import { SourceFile } from '../../src/validate/source-file.ts';

const root = join(import.meta.dirname, '..', '..');

describe('limits', () => {
  test.each([
    ['tags nested', `${'<div>'.repeat(MAX_DEPTH + 1)}x`, 'depth-tags', 1],
    ['brackets', `{${'['.repeat(MAX_DEPTH + 5)}`, 'depth-brackets', 1],
    ['block quotes', `${'> '.repeat(MAX_DEPTH + 1)}x`, 'depth-containers', 1],
    ['list markers', `${'- '.repeat(MAX_DEPTH + 1)}x`, 'depth-containers', 1],
    ['indentation', `a\n\n${' '.repeat(400)}x`, 'indent', 3],
    ['line length', `ก\n${'x'.repeat(30_000)}`, 'line-length', 2],
    ['tag count', '<br />\n'.repeat(MAX_TAGS + 1), 'tag-count', MAX_TAGS + 1],
  ])('%s', (_, text, what, line) => {
    expect(checkMdxLimits(text)).toMatchObject({ what, line });
  });

  test('fenced code and code spans do not count: examples of tags in a guide are fine', () => {
    expect(checkMdxLimits(`\`\`\`mdx\n${'<div>'.repeat(100)}\n\`\`\`\n\nข้อความ \`${'<Note>'.repeat(100)}\` ต่อ`)).toBeUndefined();
  });

  test('YAML: flow nesting, block nesting, dashes', () => {
    expect(checkYamlLimits(`x: ${'['.repeat(40)}`)).toMatchObject({ what: 'depth-brackets', line: 1 });
    expect(checkYamlLimits(`a:\n${' '.repeat(200)}b: 1`)).toMatchObject({ what: 'indent', line: 2 });
    expect(checkYamlLimits(`${'- '.repeat(40)}x`)).toMatchObject({ what: 'depth-containers' });
    expect(checkYamlLimits('text: "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" # [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[')).toBeUndefined();
  });

  test('every seed and fixture file is far inside the limits', () => {
    const files = ['content', 'docs', 'tests/fixtures/valid/content'].flatMap((d) =>
      readdirSync(join(root, d), { recursive: true })
        .map(String)
        .filter((f) => f.endsWith('.mdx'))
        .map((f) => join(root, d, f)),
    );
    expect(files.length).toBeGreaterThan(15);
    for (const f of files) {
      const split = splitFrontmatter(readFileSync(f, 'utf8'));
      expect(split.ok, f).toBe(true);
      if (!split.ok) continue;
      expect(checkYamlLimits(split.yaml), f).toBeUndefined();
      expect(checkMdxLimits(split.padded), f).toBeUndefined();
    }
  });
});

describe('the frontmatter rule', () => {
  test.each([
    ['---\na: 1\n---\nbody', { ok: true, yaml: 'a: 1', body: 'body', bodyLine: 4 }],
    ['---\na: 1\n---x: "{code}"\nbody', { ok: false, code: 'bad-frontmatter-fence', line: 3 }],
    ['---\r\na: 1\r\n---- \r\nbody', { ok: false, code: 'bad-frontmatter-fence', line: 3 }],
    ['+++\na = 1\n+++\n', { ok: false, code: 'missing-frontmatter', line: 1 }],
    ['---\na: 1\n', { ok: false, code: 'unclosed-frontmatter', line: 1 }],
  ])('%j', (text, expected) => {
    expect(splitFrontmatter(text)).toMatchObject(expected);
  });

  test('the padded body keeps every line where the file has it', () => {
    const split = splitFrontmatter('---\na: 1\nb: 2\n---\n\n# หัวข้อ');
    expect(split.ok && split.padded.split('\n')[5]).toBe('# หัวข้อ');
  });
});

describe('URLs: an allow-list, read as the browser reads them', () => {
  test.each([
    ['https://a.example/x', true],
    ['http://a.example', true],
    ['mailto:a@b.c', true],
    ['tel:+6621234567', true],
    ['/manuals/x/', true],
    ['x/y', true],
    ['#step-1', true],
    ['?q=1', true],
    ['javascript:alert(1)', false],
    [' JAVASCRIPT:alert(1)', false],
    ['java\nscript:alert(1)', false],
    ['\u0001javascript:x', false],
    ['vbscript:x', false],
    ['data:text/html,x', false],
    ['file:///etc/passwd', false],
    ['ftp://x', false],
    ['//evil.example/x', false],
    ['\\\\evil.example\\share', false],
    ['/\\evil.example', false],
    ['c:\\windows', false],
  ])('%j → %s', (url, ok) => {
    expect(checkUrl(url).ok).toBe(ok);
  });

  test('images only from this site', () => {
    expect(checkUrl('https://a.example/p.png', 'resource')).toEqual({ ok: false, reason: 'remote-resource', scheme: 'https' });
    expect(checkUrl('/img/p.png', 'resource').ok).toBe(true);
  });
});

describe('linear on long adversarial input', () => {
  const inputs: Record<string, string> = {
    'blank lines': '\n'.repeat(1_000_000),
    'open brackets per paragraph': '(['.repeat(10).concat('\n\n').repeat(50_000),
    'unclosed code spans': '` `` ``` ```` '.repeat(70_000),
    'unclosed tags': '<a'.repeat(400_000),
    spaces: ' '.repeat(1_000_000),
    quotes: '"\''.repeat(500_000),
    'numbered lines': '1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1.1 x\n'.repeat(20_000),
  };
  test.each(Object.entries(inputs))('%s', (_, text) => {
    const started = performance.now();
    checkMdxLimits(text);
    checkYamlLimits(text);
    checkUrl(text);
    splitFrontmatter(`---\n${text}\n---\n`);
    expect((performance.now() - started) / 1000).toBeLessThan(5);
  });

  test('the MDX checks on a large body inside the limits', () => {
    const body = '## หัวข้อ\n\n๑. ข้อความ [ลิงก์](https://a.example/) *เน้น* `โค้ด` <br />\n\n'.repeat(1_500);
    expect(checkMdxLimits(body)).toBeUndefined();
    const started = performance.now();
    const file = new SourceFile('content/manuals/x.mdx', '/x.mdx');
    checkMdxBody(file, body);
    expect((performance.now() - started) / 1000).toBeLessThan(5);
  });
});
