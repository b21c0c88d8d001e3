/** A located problem in the content, and how problems are sorted and printed. */

export type Severity = 'error' | 'warning';

/** One problem, as every output format reports it. */
export interface Problem {
  /** Path relative to the repository (or to the content folder's parent), with forward slashes. */
  file: string;
  line: number;
  column: number;
  severity: Severity;
  /** Stable kebab-case id; never renamed. */
  code: string;
  /** Field path such as `steps[2].next`, or '' for the file itself. */
  field: string;
  /** Thai first, English in brackets, then expected/received and a suggestion where known. */
  message: string;
  /** The suggestion on its own (`หมายถึง \`x\` หรือไม่ (did you mean \`x\`?)`), when one could be computed. */
  hint?: string;
}

/** Sorts by file, line, column, then code, so that output is stable. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line || a.column - b.column || (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/** Writes a field path: `steps[2].next`. */
export function formatPath(path: ReadonlyArray<string | number>): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : out ? `.${p}` : p;
  return out;
}

/** The one-line count after a report. */
export function summarize(problems: Problem[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  const files = new Set(problems.map((p) => p.file)).size;
  if (!problems.length) return 'ไม่พบปัญหา (no problems)';
  return `ข้อผิดพลาด ${errors} รายการ คำเตือน ${warnings} รายการ ใน ${files} แฟ้ม (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'})`;
}

export type ReportFormat = 'text' | 'json' | 'github';

/** Escapes a GitHub workflow command property or message. */
function escapeGithub(text: string, property = false): string {
  let out = text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
}

/** Prints problems in one of the three formats. */
export function formatProblems(problems: Problem[], format: ReportFormat): string {
  const sorted = sortProblems(problems);
  if (format === 'json') return JSON.stringify(sorted, null, 2);
  if (format === 'github') {
    const lines = sorted.map((p) => {
      const kind = p.severity === 'error' ? 'error' : 'warning';
      const title = escapeGithub(`${p.code}${p.field ? ` (${p.field})` : ''}`, true);
      return `::${kind} file=${escapeGithub(p.file, true)},line=${p.line},col=${p.column},title=${title}::${escapeGithub(p.message)}`;
    });
    lines.push(summarize(sorted));
    return lines.join('\n');
  }
  const lines = sorted.map(
    (p) =>
      `${p.file}:${p.line}:${p.column} ${p.severity === 'error' ? 'ข้อผิดพลาด error' : 'คำเตือน warning'} [${p.code}]${p.field ? ` ${p.field}:` : ''} ${p.message}`,
  );
  lines.push(summarize(sorted));
  return lines.join('\n');
}
