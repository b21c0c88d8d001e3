/**
 * Bounded work: what a content file may not do to the tools that read it, checked in one linear
 * pass before any parser sees the text. The MDX parser is native code with recursion: 10,000
 * nested brackets (20 KB) overflow its stack and kill the process with SIGSEGV, 600 `>` on a
 * line do the same further on, and nested tags cost it quadratic time (40,000 `<div>`: 31 s).
 * No real manual comes near these limits; a file past one gets a located error instead.
 *
 * Every scan here is a loop over characters with constant work per character — no regular
 * expression with nested quantifiers runs on author text (see tests/content/limits.test.ts,
 * which times them on adversarial input).
 */

/** Deepest nesting of tags, of `{[(`, and of block containers (`>`, list items) on one line. */
export const MAX_DEPTH = 32;
/** Widest indentation, in columns (a tab counts 4): list nesting by indentation. */
export const MAX_INDENT = 160;
/** Longest line, in characters (a real table row or paragraph is a few thousand). */
export const MAX_LINE = 20_000;
/**
 * Most tags in one file: the parser's time grows with the square of their number (20,000
 * `<Note>x</Note>` blocks: 4.6 s; 60,000 `<div>`s: 51 s). The longest seed manual has 61.
 */
export const MAX_TAGS = 2_000;

export interface LimitProblem {
  what: 'depth-tags' | 'depth-brackets' | 'depth-containers' | 'indent' | 'line-length' | 'tag-count';
  line: number;
  column: number;
  /** the limit that was passed */
  limit: number;
}

const isLetter = (c: number) => (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
const isSpace = (c: number) => c === 0x20 || c === 0x09;

/**
 * Checks an MDX body (the padded text: positions are the file's) and returns the first limit it
 * passes, if any.
 */
export function checkMdxLimits(text: string): LimitProblem | undefined {
  let tagDepth = 0;
  let tags = 0;
  let braceDepth = 0; // `{` … `}`: an expression, which may span paragraphs
  let bracketDepth = 0; // `[` and `(` within a paragraph
  let inTag = false;
  let fence: { char: number; length: number } | undefined;
  let line = 1;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    // one line: [i, end)
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    // indentation and fences
    let j = i;
    let columns = 0;
    while (j < end && isSpace(text.charCodeAt(j))) {
      columns += text.charCodeAt(j) === 0x09 ? 4 : 1;
      j++;
    }
    const first = text.charCodeAt(j);
    let run = 0;
    if (first === 0x60 || first === 0x7e) while (j + run < end && text.charCodeAt(j + run) === first) run++;
    if (fence) {
      if (run >= fence.length && first === fence.char && columns < 4) fence = undefined;
    } else if (run >= 3 && columns < 4) {
      fence = { char: first, length: run };
    } else {
      if (columns > MAX_INDENT) return { what: 'indent', line, column: 1, limit: MAX_INDENT };
      if (j === end) bracketDepth = 0; // a blank line ends a paragraph
      // block containers written on this line: `> > - 1. …`
      let containers = 0;
      let k = i;
      for (;;) {
        while (k < end && isSpace(text.charCodeAt(k))) k++;
        const c = text.charCodeAt(k);
        if (c === 0x3e && !inTag) {
          containers++;
          k++;
          continue;
        }
        if ((c === 0x2d || c === 0x2a || c === 0x2b) && isSpace(text.charCodeAt(k + 1))) {
          containers++;
          k += 2;
          continue;
        }
        let d = k;
        while (d < end && d - k < 9 && text.charCodeAt(d) >= 0x30 && text.charCodeAt(d) <= 0x39) d++;
        if (d > k && (text.charCodeAt(d) === 0x2e || text.charCodeAt(d) === 0x29) && isSpace(text.charCodeAt(d + 1))) {
          containers++;
          k = d + 2;
          continue;
        }
        break;
      }
      if (containers > MAX_DEPTH) return { what: 'depth-containers', line, column: 1, limit: MAX_DEPTH };
      // tags and brackets
      for (let p = i; p < end; p++) {
        const c = text.charCodeAt(p);
        if (c === 0x60) {
          // an inline code span: skip to the closing run of the same length on this line
          let r = 1;
          while (text.charCodeAt(p + r) === 0x60) r++;
          const ticks = '`'.repeat(r);
          let close = text.indexOf(ticks, p + r);
          while (close >= 0 && close < end && text.charCodeAt(close + r) === 0x60) {
            let q = close;
            while (text.charCodeAt(q) === 0x60) q++;
            close = text.indexOf(ticks, q);
          }
          p = close >= 0 && close < end ? close + r - 1 : p + r - 1;
          continue;
        }
        if (c === 0x5c) {
          p++; // an escaped character is text
          continue;
        }
        if (c === 0x7b || c === 0x5b || c === 0x28) {
          if (c === 0x7b) braceDepth++;
          else bracketDepth++;
          if (braceDepth + bracketDepth > MAX_DEPTH) return { what: 'depth-brackets', line, column: p - i + 1, limit: MAX_DEPTH };
        } else if (c === 0x7d) {
          if (braceDepth > 0) braceDepth--;
        } else if (c === 0x5d || c === 0x29) {
          if (bracketDepth > 0) bracketDepth--;
        } else if (c === 0x3c) {
          const next = text.charCodeAt(p + 1);
          if (next === 0x2f) {
            if (tagDepth > 0) tagDepth--;
          } else if (isLetter(next) || next === 0x3e) {
            inTag = true;
            if (++tags > MAX_TAGS) return { what: 'tag-count', line, column: p - i + 1, limit: MAX_TAGS };
            if (next === 0x3e) {
              inTag = false;
              if (++tagDepth > MAX_DEPTH) return { what: 'depth-tags', line, column: p - i + 1, limit: MAX_DEPTH };
            }
          }
        } else if (c === 0x3e && inTag) {
          inTag = false;
          if (text.charCodeAt(p - 1) !== 0x2f && ++tagDepth > MAX_DEPTH) return { what: 'depth-tags', line, column: p - i + 1, limit: MAX_DEPTH };
        }
      }
    }
    if (end - i > MAX_LINE) return { what: 'line-length', line, column: MAX_LINE + 1, limit: MAX_LINE };
    i = end + 1;
    line++;
  }
  return undefined;
}

/** Checks YAML text: nesting by indentation and by `[`/`{`, and line length. */
export function checkYamlLimits(text: string, lineOffset = 0): LimitProblem | undefined {
  let depth = 0;
  let line = 1 + lineOffset;
  let i = 0;
  const n = text.length;
  while (i <= n) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = n;
    if (end - i > MAX_LINE) return { what: 'line-length', line, column: MAX_LINE + 1, limit: MAX_LINE };
    let j = i;
    while (j < end && text.charCodeAt(j) === 0x20) j++;
    if (j - i > MAX_INDENT) return { what: 'indent', line, column: 1, limit: MAX_INDENT };
    // `- - - - x` nests a list per dash
    let dashes = 0;
    for (let k = j; k < end; ) {
      if (text.charCodeAt(k) === 0x2d && (text.charCodeAt(k + 1) === 0x20 || k + 1 === end)) {
        dashes++;
        k += 2;
        while (k < end && text.charCodeAt(k) === 0x20) k++;
      } else break;
    }
    if (dashes > MAX_DEPTH) return { what: 'depth-containers', line, column: 1, limit: MAX_DEPTH };
    let quote = 0;
    for (let p = j; p < end; p++) {
      const c = text.charCodeAt(p);
      if (quote) {
        if (c === quote) quote = 0;
        continue;
      }
      if (c === 0x22 || c === 0x27) quote = c;
      else if (c === 0x23 && (p === j || isSpace(text.charCodeAt(p - 1))))
        break; // a comment
      else if (c === 0x5b || c === 0x7b) {
        if (++depth > MAX_DEPTH) return { what: 'depth-brackets', line, column: p - i + 1, limit: MAX_DEPTH };
      } else if ((c === 0x5d || c === 0x7d) && depth > 0) depth--;
    }
    i = end + 1;
    line++;
  }
  return undefined;
}
