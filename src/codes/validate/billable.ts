/** Header (non-billable) codes: reported codes must be carried to their full length. */
import type { CodeEntry, CodeTable } from '../table.ts';
import { normalizeCode } from '../code-format.ts';

export interface BillableCheck {
  code: string;
  status: 'billable' | 'header' | 'unknown';
  entry?: CodeEntry;
  /** For headers: the first billable codes below it, to offer as choices. */
  children?: CodeEntry[];
}

export function billableStatus(table: CodeTable, rawCode: string, maxChildren = 10): BillableCheck {
  const code = normalizeCode(rawCode);
  const entry = table.get(code);
  if (!entry) return { code, status: 'unknown' };
  if (entry.billable) return { code, status: 'billable', entry };
  const children = table.withPrefix(code, 2000).filter((e) => e.billable && e.code !== code).slice(0, maxChildren);
  return { code, status: 'header', entry, children };
}
