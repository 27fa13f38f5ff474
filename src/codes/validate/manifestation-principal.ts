/**
 * Manifestation codes are never principal (guideline I.A.13; MCE edit "manifestation code as
 * principal diagnosis"). The MCE flag decides; without MCE data the title's "in diseases
 * classified elsewhere" marks a manifestation, as the guideline says.
 */
import { normalizeCode } from '../code-format.ts';
import { mceFlagsOn } from './mce-flags.ts';
import type { CodeTable } from '../table.ts';

export interface ManifestationCheck {
  code: string;
  basis: 'mce' | 'title';
}

/** Returns why `code` cannot be principal, or undefined when it can. */
export function manifestationAsPrincipal(table: CodeTable, code: string, date: string): ManifestationCheck | undefined {
  const flags = mceFlagsOn(table, code, date);
  if (flags) return flags.includes('manifestation') ? { code: normalizeCode(code), basis: 'mce' } : undefined;
  const entry = table.get(code);
  const title = `${entry?.short ?? ''} ${entry?.long ?? ''}`.toLowerCase();
  return /in (diseases|conditions) classified elsewhere|in dis(eases)? classd elswhr/.test(title) ? { code: normalizeCode(code), basis: 'title' } : undefined;
}
