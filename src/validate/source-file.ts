/**
 * One content file as the validator sees it: its bytes decoded, its YAML (or MDX frontmatter)
 * parsed with positions, and a way to report a problem at a field path.
 */
import { thaiYamlMessage } from './mdx-messages.ts';
import { isMap, isPair, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';
import { MAX_YAML_ALIASES, parseYamlDocument, readFast, SLOW, yamlData } from '../content/yaml.ts';
import { hintText, messageText, type ParamsOf, severityOf, type MessageCode } from './messages.ts';
import { formatPath, type Problem } from './problem.ts';

export type Path = ReadonlyArray<string | number>;

export interface ReportOptions {
  /** Point at the key (default for unknown fields) or at the value (default). */
  at?: 'key' | 'value';
  suggestion?: string;
  /** A position in the file when it is not a field (MDX nodes). */
  position?: { line: number; column: number };
  /** Judge a consistency problem as in a transcribed source (a volume of transcribed documents) or not. */
  transcribed?: boolean;
}

export class SourceFile {
  readonly problems: Problem[] = [];
  /** The frontmatter or YAML document with positions, once it was needed (locate). */
  private doc?: Document.Parsed;
  data: unknown;
  /** Set once the entry declares `source:`; consistency problems then become warnings. */
  transcribed = false;
  private lineCounter = new LineCounter();
  /** Lines before the YAML text starts (1 for MDX frontmatter after `---`). */
  private lineOffset = 0;
  private yamlText?: string;

  /** Display path, relative to the repository. */
  readonly file: string;
  /** Absolute path on disk. */
  readonly absolute: string;

  constructor(file: string, absolute: string) {
    this.file = file;
    this.absolute = absolute;
  }

  /** Records a problem; the field path is located in the YAML when possible. */
  report<C extends MessageCode>(code: C, path: Path, params: ParamsOf<C> = {} as ParamsOf<C>, options: ReportOptions = {}): void {
    const transcribed = options.transcribed ?? this.transcribed;
    const severity = severityOf(code, transcribed);
    if (!severity) return;
    const pos = options.position ?? this.locate(path, options.at ?? 'value');
    this.problems.push({
      file: this.file,
      line: pos.line,
      column: pos.column,
      severity,
      code,
      field: formatPath(path),
      message: messageText(code, params, options.suggestion),
      ...(options.suggestion ? { hint: hintText(options.suggestion) } : {}),
      ...(transcribed ? { transcribed: true as const } : {}),
    });
  }

  /**
   * Parses YAML text (the whole file, or the frontmatter starting after `lineOffset` lines). The
   * data is read fast where it can be (content/yaml.ts); the positions only when a problem is
   * reported.
   */
  parseYaml(yamlText: string, lineOffset: number): boolean {
    this.setYamlText(yamlText, lineOffset);
    const fast = readFast(yamlText);
    if (fast !== SLOW) {
      this.data = fast;
      return true;
    }
    const doc = this.document()!;
    let ok = true;
    const lines = new Set<number>();
    // an unknown tag (`!!js/function`, `!custom`) is a warning to the YAML library; content has no use for tags
    for (const warning of doc.warnings) {
      ok = false;
      this.push('yaml-syntax', this.offsetToPosition(warning.pos[0]), '', { detail: `ใช้แท็ก YAML ไม่ได้ (${warning.message.split('\n')[0]})` });
    }
    for (const error of doc.errors) {
      ok = false;
      const at = this.offsetToPosition(error.pos[0]);
      // One error per line: the YAML parser often reports a second error caused by the first.
      if (lines.has(at.line)) continue;
      lines.add(at.line);
      const detail = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      if (error.code === 'DUPLICATE_KEY') {
        const key = /"(.*)"|'(.*)'|key (\S+)/.exec(detail);
        const name = this.keyAtOffset(error.pos[0]) ?? key?.[1] ?? key?.[2] ?? key?.[3] ?? '';
        this.push('duplicate-key', at, '', { key: name });
      } else if (error.code === 'TAB_AS_INDENT' || /\btab/i.test(detail)) {
        this.push('yaml-tab-indent', at, '', {});
      } else {
        this.push('yaml-syntax', at, '', { detail: thaiYamlMessage(error.code, detail) });
      }
    }
    if (!ok) return false;
    try {
      this.data = yamlData(doc);
    } catch (error) {
      // an alias bomb ("billion laughs"), or nesting past what the converter's stack holds
      if (error instanceof RangeError && !/alias/i.test(error.message)) {
        this.push('too-deep', { line: 1 + lineOffset, column: 1 }, '', { what: 'ข้อมูล YAML ', english: 'YAML data', limit: 32 });
      } else {
        this.push('yaml-aliases', { line: 1 + lineOffset, column: 1 }, '', { max: MAX_YAML_ALIASES });
      }
      return false;
    }
    return true;
  }

  /** The YAML text problems are located in, parsed when a problem first needs a position. */
  protected setYamlText(yamlText: string, lineOffset: number): void {
    this.lineOffset = lineOffset;
    this.yamlText = yamlText;
    this.doc = undefined;
  }

  /** The YAML text parsed with positions (once), when there is a text. */
  protected document(): Document.Parsed | undefined {
    if (!this.doc && this.yamlText !== undefined) {
      this.lineCounter = new LineCounter();
      this.doc = parseYamlDocument(this.yamlText, this.lineCounter);
    }
    return this.doc;
  }

  /** Pushes a problem at a known position. */
  push<C extends MessageCode>(code: C, at: { line: number; column: number }, field: string, params: ParamsOf<C>, suggestion?: string): void {
    const severity = severityOf(code, this.transcribed);
    if (!severity) return;
    this.problems.push({
      file: this.file,
      line: at.line,
      column: at.column,
      severity,
      code,
      field,
      message: messageText(code, params, suggestion),
      ...(suggestion ? { hint: hintText(suggestion) } : {}),
      ...(this.transcribed ? { transcribed: true as const } : {}),
    });
  }

  private offsetToPosition(offset: number): { line: number; column: number } {
    const p = this.lineCounter.linePos(Math.max(0, offset));
    return { line: p.line + this.lineOffset, column: p.col };
  }

  /** The key written at an offset of the YAML text (for duplicate-key messages). */
  private keyAtOffset(offset: number): string | undefined {
    return /^["']?([^"':\n]+)/.exec((this.yamlText ?? '').slice(offset))?.[1]?.trim();
  }

  /** Line and column of the key or value at a field path; the nearest existing ancestor otherwise. */
  locate(path: Path, at: 'key' | 'value'): { line: number; column: number } {
    let node: unknown = this.document()?.contents;
    let range: [number, number, number] | undefined = (node as Node | undefined)?.range ?? undefined;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i];
      const last = i === path.length - 1;
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
        if (!pair) break;
        const keyRange = (pair.key as Node).range ?? undefined;
        const value = pair.value as Node | null;
        if (last && (at === 'key' || !value?.range)) {
          range = keyRange;
          break;
        }
        range = value?.range ?? keyRange;
        node = value;
      } else if (isSeq(node) && typeof segment === 'number' && node.items[segment]) {
        node = node.items[segment];
        range = (node as Node).range ?? range;
      } else {
        break;
      }
    }
    return range ? this.offsetToPosition(range[0]) : { line: 1 + this.lineOffset, column: 1 };
  }
}
