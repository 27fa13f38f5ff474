/**
 * The likely principal diagnosis of a stay (Section II: the condition established after study
 * to be chiefly responsible for the admission) or the first-listed diagnosis of a visit
 * (Section IV.G), among the suggested codes, when the chart codes none. Read from where the
 * provider states it: first among the discharge (final) diagnoses, else first in the earliest
 * note's assessment (the admitting note), else the admitting diagnosis. Then the conventions:
 * a combination code stands first for the conditions it combines (I.C.9.a hypertension with
 * heart failure, "use additional code" of diabetes), sepsis before its localized infection when
 * both are documented (I.C.1.d.4), never a code that may not be principal (R65.2-, status,
 * history and long-term drug codes, manifestation codes).
 */
import { dotted, normalizeCode } from '../code-format.ts';
import type { CodeTable } from '../table.ts';
import { manifestationAsPrincipal } from '../validate/manifestation-principal.ts';
import { isSevereSepsis, isSystemicInfection, SEPSIS } from './sepsis.ts';
import { compareStamps, type Stamp } from './timeline.ts';
import type { CodeSuggestion, Mention } from './types.ts';

/** Kinds of suggestions that are never principal. */
const NOT_PRINCIPAL_KINDS = new Set(['status', 'history', 'query']);
/** Chapters of codes that are not principal when a definitive diagnosis is documented (symptoms) or ever here (Z). */
const SYMPTOM = /^R/;
const FACTOR = /^Z/;

/** Where a code was first stated: the earliest of its mentions by the order the provider concluded. */
function firstStated(mentions: readonly Mention[]): Stamp | undefined {
  const stamps = mentions.map((m) => m.at).filter((s): s is Stamp => s !== undefined);
  const finals = stamps.filter((s) => s.tier === 2);
  const pool = finals.length > 0 ? finals : stamps.filter((s) => s.tier === 1).length > 0 ? stamps.filter((s) => s.tier === 1) : stamps;
  return pool.sort((a, b) => (a.tier === 2 && b.tier === 2 ? a.seq - b.seq : compareStamps(a, b)))[0];
}

/** Orders candidates: discharge diagnoses first, then the earliest note, then lists; then chart order. */
function rank(a: Stamp | undefined, b: Stamp | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  const tier = (s: Stamp) => (s.tier === 2 ? 0 : s.tier === 1 ? 1 : 2);
  return tier(a) - tier(b) || (a.time === b.time ? 0 : a.time < b.time ? -1 : 1) || a.seq - b.seq;
}

/**
 * Marks, in place, the likely principal or first-listed diagnosis among `suggestions`, given the
 * mentions of each current code. Nothing is marked when the chart codes a principal diagnosis
 * that no suggestion replaces.
 */
export function markPrincipal(suggestions: CodeSuggestion[], current: ReadonlyMap<string, Mention[]>, table: CodeTable, inpatient: boolean, chartPrincipal: string | undefined): void {
  const role = inpatient ? 'principal' : 'first-listed';
  const section = inpatient ? 'Section II' : 'Section IV.G';
  if (chartPrincipal) {
    const replacing = suggestions.find((s) => s.kind !== 'query' && s.replaces.includes(dotted(chartPrincipal)));
    if (replacing) setSequence(replacing, role, `It replaces the coded principal diagnosis ${dotted(chartPrincipal)} (${section}).`);
    return;
  }
  const today = new Date().toISOString().slice(0, 10);
  const manifestation = (code: string) => manifestationAsPrincipal(table, code, today) !== undefined;
  const candidates = suggestions.filter((s) => !NOT_PRINCIPAL_KINDS.has(s.kind) && s.codes.length > 0 && !FACTOR.test(s.code) && !isSevereSepsis(normalizeCode(s.code)) && !manifestation(s.code));
  if (candidates.length === 0) return;
  const definitive = candidates.filter((s) => !SYMPTOM.test(s.code));
  const pool = definitive.length > 0 ? definitive : candidates;
  const stampOf = (s: CodeSuggestion): Stamp | undefined => {
    const codes = [normalizeCode(s.code), ...s.replaces.map(normalizeCode), ...(s.combinesCodes ?? [])];
    return codes.map((c) => firstStated(current.get(c) ?? [])).filter((x): x is Stamp => x !== undefined).sort(rank)[0];
  };
  let chosen = [...pool].sort((a, b) => rank(stampOf(a), stampOf(b)))[0]!;
  let why = `${stampOf(chosen)?.tier === 2 ? 'it is listed first among the diagnoses at discharge' : inpatient ? 'it is stated first in the admitting assessment' : 'it is stated first in the assessment of the visit'}`;
  const combining = pool.find((s) => s.kind === 'combination' && s !== chosen && (s.combinesCodes ?? []).includes(normalizeCode(chosen.code)));
  if (combining) {
    why += `; the combination ${combining.code} stands for it and is sequenced first (Section I.A.15, I.C.9.a)`;
    chosen = combining;
  }
  const sepsis = pool.find((s) => isSystemicInfection(normalizeCode(s.code)));
  if (sepsis && sepsis !== chosen && SEPSIS.localizedInfections.some((p) => normalizeCode(chosen.code).startsWith(p))) {
    why += `; sepsis (${sepsis.code}) is documented with this localized infection and is sequenced before it when present on admission (Section I.C.1.d.4)`;
    chosen = sepsis;
  }
  setSequence(chosen, role, `Likely ${role} diagnosis: ${why} (${section}${inpatient ? ': the condition established after study to be chiefly responsible for the admission' : ''}).`);
}

function setSequence(s: CodeSuggestion, role: 'principal' | 'first-listed', reason: string): void {
  s.sequence = { role, reason };
  s.sequenceText = reason;
}
