import { codeLabel } from '@gjj/shared/codes'

/** a stored code with its display label, typed as the code table's keys */
export function coded<T extends Record<string, string>>(
  table: T,
  code: string,
): { code: keyof T & string; label: string } {
  return { code: code as keyof T & string, label: codeLabel(table, code) }
}
