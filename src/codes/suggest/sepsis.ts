/**
 * What sepsis coding adds to a documented code (Section I.C.1.d): severe sepsis and septic shock
 * (R65.2-) are reported after their underlying systemic infection, A41.9 when no organism or
 * type of infection is documented; sepsis documented with a localized infection is sequenced
 * before it. The code lists are data (sepsis.json).
 */
import { sourceRefKey } from '../../chart/source-ref-key.ts';
import { dotted, normalizeCode } from '../code-format.ts';
import sepsisJson from './sepsis.json';
import type { Mention } from './types.ts';

interface SepsisFile {
  systemicInfections: string[];
  severeSepsis: string;
  defaultInfection: string;
  localizedInfections: string[];
  organismSepsis: Record<string, string>;
}

/** The data, with prefixes normalized. */
export const SEPSIS = ((raw: SepsisFile) => ({
  systemicInfections: raw.systemicInfections.map(normalizeCode),
  severeSepsis: normalizeCode(raw.severeSepsis),
  defaultInfection: normalizeCode(raw.defaultInfection),
  localizedInfections: raw.localizedInfections.map(normalizeCode),
  organismSepsis: Object.entries(raw.organismSepsis).map(([infection, sepsis]) => ({ infection: normalizeCode(infection), sepsis: normalizeCode(sepsis) })),
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
 * of each code added. `mentions` are all the chart's mentions (for the organism named beside
 * sepsis NOS).
 */
export function settleSepsis(current: Map<string, Mention[]>, chartCodes: readonly string[], billable: (code: string) => boolean, mentions: readonly Mention[] = []): Map<string, string> {
  const fallback = SEPSIS.defaultInfection;
  const added = namedOrganism(current, mentions, billable);
  if ([...current.keys(), ...chartCodes].some((c) => isSystemicInfection(c) && c !== fallback)) current.delete(fallback);
  const all = [...current.keys(), ...chartCodes];
  const severe = [...current.keys()].find(isSevereSepsis);
  if (!severe || all.some(isSystemicInfection) || !billable(fallback)) return added;
  const shock = current.get(severe) ?? [];
  const entries = [...current];
  entries.splice(entries.findIndex(([c]) => c === severe), 0, [fallback, shock]);
  current.clear();
  for (const [code, ms] of entries) current.set(code, ms);
  added.set(
    fallback,
    `“${shock[0]?.phrase ?? ''}” (${dotted(severe)}) is reported after the underlying systemic infection, and no organism or type of systemic infection is documented: ` +
      `${dotted(fallback)} is that infection (Section I.C.1.d.1.b, I.C.1.d.2). Query the provider if cultures identify an organism.`,
  );
  return added;
}

/**
 * Current sepsis NOS (A41.9) stated in the same sentence as a current localized infection or
 * organism code that names its organism ("sepsis due to pneumococcal pneumonia"; `mentions` are
 * all the chart's mentions, whatever settled them): replaced, in place and at its position, by
 * the organism's sepsis code (organismSepsis), resting on the same mentions. Returns the reason
 * of each code so named.
 */
function namedOrganism(current: Map<string, Mention[]>, mentions: readonly Mention[], billable: (code: string) => boolean): Map<string, string> {
  const named = new Map<string, string>();
  const sepsis = current.get(SEPSIS.defaultInfection);
  if (!sepsis) return named;
  const sentences = new Set(mentions.filter((m) => m.code === SEPSIS.defaultInfection).map((m) => sourceRefKey(m.source)));
  const stated = (c: string) => current.has(c) && mentions.some((m) => m.code === c && sentences.has(sourceRefKey(m.source)));
  for (const { infection, sepsis: code } of SEPSIS.organismSepsis) {
    const found = [...current.keys()].find((c) => c.startsWith(infection) && stated(c));
    const source: [string, Mention[]] | undefined = found ? [found, mentions.filter((m) => m.code === found)] : undefined;
    if (!source || !billable(code)) continue;
    const entries = [...current].map(([c, ms]): [string, Mention[]] => (c === SEPSIS.defaultInfection ? [code, ms] : [c, ms]));
    current.clear();
    for (const [c, ms] of entries) current.set(c, [...(current.get(c) ?? []), ...ms]);
    const phrase = source[1].find((m) => sentences.has(sourceRefKey(m.source)))?.phrase ?? dotted(source[0]);
    named.set(code, `“${sepsis[0]?.phrase ?? 'Sepsis'}” is documented with “${phrase}” (${dotted(source[0])}), which names its organism: the underlying systemic infection is coded by that organism (Section I.C.1.d.1.a; Index: Sepsis, by organism), not as ${dotted(SEPSIS.defaultInfection)}.`);
    break;
  }
  return named;
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
