/**
 * Signatories: a manual or a handbook names one person for each of ผู้จัดทำ, ผู้ตรวจสอบ and
 * ผู้อนุมัติ (an error in new content; a warning in a transcribed source, which then prints an
 * empty block for the role); an office that owns documents names the head and deputy who sign its
 * default volume.
 */
import { APPROVAL_ROLES } from '../../content/schema/index.ts';
import type { SourceFile } from '../source-file.ts';

export function checkApprovals(source: SourceFile, approvals: ReadonlyArray<{ role: string }>, transcribed?: boolean): void {
  const missing = APPROVAL_ROLES.filter((role) => !approvals.some((a) => a.role === role));
  if (!missing.length) return;
  source.report('approval-role-missing', approvals.length ? ['approvals'] : [], { roles: missing.join(' ') }, { at: 'key', transcribed });
}

export function checkOfficeSignatories(source: SourceFile, office: { head?: unknown; deputy?: unknown }): void {
  const missing = [...(office.deputy ? [] : ['deputy (ผู้ตรวจสอบ)']), ...(office.head ? [] : ['head (ผู้อนุมัติ)'])];
  if (missing.length) source.report('office-signatory-missing', [], { fields: missing.join(', ') }, { at: 'key' });
}
