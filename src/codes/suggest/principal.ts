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
import { principalEdits } from '../validate/principal-edits.ts';
import { COMBINATIONS, isCodeAlsoCombination } from './combinations.ts';
import { refines } from './unspecified.ts';
import { isSevereSepsis, isSystemicInfection, SEPSIS } from './sepsis.ts';
import { compareStamps, type Stamp } from './timeline.ts';
import type { CodeSuggestion, Mention } from './types.ts';

/** Kinds of suggestions that are never principal. */
const NOT_PRINCIPAL_KINDS = new Set(['status', 'history', 'query']);
/** Codes that are not principal when a definitive diagnosis is documented (symptoms, Section II.A). */
const SYMPTOM = /^R/;
/** Factors influencing health status: principal only as the MCE allows (Z51.81, Z21, Z23 may be; Z79.4 may not). */
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
  // The MCE's unacceptable-principal and external-cause edits say which codes may not stand
  // first; without MCE data in the table, no Z code is taken.
  const unacceptable = (code: string) =>
    table.mcePeriods(code) === undefined ? FACTOR.test(code) : principalEdits(table, code, today, true).some((e) => e === 'unacceptable' || e === 'ecodepdx');
  const candidates = suggestions.filter((s) => !NOT_PRINCIPAL_KINDS.has(s.kind) && s.codes.length > 0 && !unacceptable(s.code) && !isSevereSepsis(normalizeCode(s.code)) && !manifestation(s.code));
  if (candidates.length === 0) return;
  const definitive = candidates.filter((s) => !SYMPTOM.test(s.code));
  const pool = definitive.length > 0 ? definitive : candidates;
  const suggested = new Set(suggestions.map((s) => normalizeCode(s.code)));
  // Where a code was first stated: its own mentions, those of the codes it replaces or combines
  // (not the "code also" codes suggested beside it), and those of the less specific codes of the
  // same condition it refines ("AF w RVR" on admission, "persistent atrial fibrillation" later).
  // A combination stands for the parts it replaces or requires beside it: E11.51 (with PAD) does
  // not stand for a documented E11.621 (with a foot ulcer) that only matched its "type 2 diabetes".
  const standsFor = (s: CodeSuggestion, code: string) => {
    const c = COMBINATIONS.find((x) => normalizeCode(x.code) === normalizeCode(s.code));
    return c === undefined || [...c.replaces, ...c.requires].some((p) => code.startsWith(normalizeCode(p)));
  };
  const stamps = new Map<CodeSuggestion, Stamp | undefined>();
  const stampOf = (s: CodeSuggestion): Stamp | undefined => {
    if (!stamps.has(s)) stamps.set(s, firstStatedOf(s));
    return stamps.get(s);
  };
  const firstStatedOf = (s: CodeSuggestion): Stamp | undefined => {
    const own = normalizeCode(s.code);
    const parts = (s.combinesCodes ?? []).filter((c) => !(isCodeAlsoCombination(own) && suggested.has(c)) && standsFor(s, c));
    const vaguer = [...current.keys()].filter((c) => refines(table, own, c));
    const codes = [own, ...s.replaces.map(normalizeCode), ...parts, ...vaguer];
    return codes.map((c) => firstStated(current.get(c) ?? [])).filter((x): x is Stamp => x !== undefined).sort(rank)[0];
  };
  // Two codes first stated in the same passage (a diagnoses list read as one run of text): the
  // one written first in it comes first.
  const positions = new Map<CodeSuggestion, number>();
  const positionOf = (s: CodeSuggestion, at: Stamp | undefined): number => {
    if (!positions.has(s)) positions.set(s, writtenAt(s, at));
    return positions.get(s)!;
  };
  const writtenAt = (s: CodeSuggestion, at: Stamp | undefined): number => {
    const own = normalizeCode(s.code);
    const codes = [own, ...s.replaces.map(normalizeCode), ...(s.combinesCodes ?? []).filter((c) => standsFor(s, c))];
    const same = codes.flatMap((c) => current.get(c) ?? []).filter((m) => at !== undefined && m.at?.tier === at.tier && m.at.seq === at.seq);
    const positions = same.map((m) => m.source.text.indexOf(m.phrase)).filter((i) => i >= 0);
    return positions.length > 0 ? Math.min(...positions) : Infinity;
  };
  const byStatement = (a: CodeSuggestion, b: CodeSuggestion): number => {
    const sa = stampOf(a);
    const sb = stampOf(b);
    return rank(sa, sb) || positionOf(a, sa) - positionOf(b, sb) || 0;
  };
  let chosen = [...pool].sort(byStatement)[0]!;
  let why = `${stampOf(chosen)?.tier === 2 ? 'it is listed first among the diagnoses at discharge' : inpatient ? 'it is stated first in the admitting assessment' : 'it is stated first in the assessment of the visit'}`;
  // A combination stands first for its parts, unless they are only "code also" codes (J44.0 and the pneumonia).
  // ...only for a part it replaces or requires beside it (standsFor).
  const combining = pool.find(
    (s) => s.kind === 'combination' && s !== chosen && (s.combinesCodes ?? []).includes(normalizeCode(chosen.code)) && standsFor(s, normalizeCode(chosen.code)) && !isCodeAlsoCombination(normalizeCode(s.code)),
  );
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
