/**
 * What sepsis coding adds to a documented code (Section I.C.1.d): severe sepsis and septic shock
 * (R65.2-) are reported after their underlying systemic infection, A41.9 when no organism or
 * type of infection is documented; sepsis documented with a localized infection is sequenced
 * before it. The code lists are data (sepsis.json).
 */
import { dotted, normalizeCode } from '../code-format.ts';
import sepsisJson from './sepsis.json';
import type { Mention } from './types.ts';

interface SepsisFile {
  systemicInfections: string[];
  severeSepsis: string;
  defaultInfection: string;
  localizedInfections: string[];
}

/** The data, with prefixes normalized. */
export const SEPSIS = ((raw: SepsisFile) => ({
  systemicInfections: raw.systemicInfections.map(normalizeCode),
  severeSepsis: normalizeCode(raw.severeSepsis),
  defaultInfection: normalizeCode(raw.defaultInfection),
  localizedInfections: raw.localizedInfections.map(normalizeCode),
}))(sepsisJson);

const under = (code: string, prefixes: readonly string[]) => prefixes.some((p) => code.startsWith(p));

/** True for a code that identifies the systemic infection of sepsis (A40-A41, candidal sepsis, ...). */
export function isSystemicInfection(code: string): boolean {
  return under(code, SEPSIS.systemicInfections);
}

/** True for R65.2- (severe sepsis, with or without septic shock). */
export function isSevereSepsis(code: string): boolean {
  return code.startsWith(SEPSIS.severeSepsis);
}

/**
 * Sepsis in the current codes (normalized code → mentions, in place): sepsis NOS (A41.9) gives
 * way to any sepsis whose organism or type the chart documents or codes; severe sepsis or septic
 * shock (R65.2-) without any systemic infection gets A41.9 as its underlying infection
 * (Section I.C.1.d.1.b), listed just before it and resting on its mentions. Returns the reason
 * of each code added.
 */
export function settleSepsis(current: Map<string, Mention[]>, chartCodes: readonly string[], billable: (code: string) => boolean): Map<string, string> {
  const fallback = SEPSIS.defaultInfection;
  const added = new Map<string, string>();
  if ([...current.keys(), ...chartCodes].some((c) => isSystemicInfection(c) && c !== fallback)) current.delete(fallback);
  const all = [...current.keys(), ...chartCodes];
  const severe = [...current.keys()].find(isSevereSepsis);
  if (!severe || all.some(isSystemicInfection) || !billable(fallback)) return added;
  const mentions = current.get(severe) ?? [];
  const entries = [...current];
  entries.splice(entries.findIndex(([c]) => c === severe), 0, [fallback, mentions]);
  current.clear();
  for (const [code, ms] of entries) current.set(code, ms);
  added.set(
    fallback,
    `“${mentions[0]?.phrase ?? ''}” (${dotted(severe)}) is reported after the underlying systemic infection, and no organism or type of systemic infection is documented: ` +
      `${dotted(fallback)} is that infection (Section I.C.1.d.1.b, I.C.1.d.2). Query the provider if cultures identify an organism.`,
  );
  return added;
}

/**
 * The sequencing note of a sepsis-related suggestion: R65.2- after its infection; a systemic
 * infection documented in the same sentence as a localized one goes first when sepsis was
 * present on admission. `sameSentence` are the other current codes stated beside it.
 */
export function sepsisNote(code: string, sameSentence: readonly string[], infections: readonly string[]): string {
  if (isSevereSepsis(code)) {
    const first = infections.length > 0 ? infections.map(dotted).join(', ') : 'the underlying systemic infection';
    return ` Code first ${first}; ${dotted(code)} is never the principal diagnosis. Code also each associated acute organ dysfunction (Section I.C.1.d.1.b, I.C.1.d.2).`;
  }
  if (!isSystemicInfection(code)) return '';
  const localized = sameSentence.filter((c) => under(c, SEPSIS.localizedInfections));
  if (localized.length === 0) return '';
  return ` Documented with the localized infection ${localized.map(dotted).join(', ')}: when sepsis was present on admission, ${dotted(code)} is sequenced first and the localized infection is a secondary diagnosis (Section I.C.1.d.4).`;
}
