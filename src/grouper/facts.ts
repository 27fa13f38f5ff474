/**
 * The operands a claim sets for the DRG formulas: every list its codes are on (bare, and PDX:
 * or SDX: by role), the procedure clusters it completes, and the claim-level
 * operands the CMS grouper derives (MS-DRG Definitions Manual: multiple significant trauma,
 * bilateral joint procedures, stent and vessel counts, spinal fusion counts, discharge status,
 * invalid principal diagnosis or sex).
 */
import type { PreparedClaim } from './prepare.ts';

/** Body areas of significant trauma (MDC 24): two different ones make MULTST. */
export const SIGNIFICANT_TRAUMA: ReadonlySet<string> = new Set(['sthead', 'stchest', 'stabdom', 'stkidney', 'sturin', 'stpel', 'stuplimb', 'stlolimb']);
/** Lower-extremity major joints: two different ones make BILATERAL (DRGs 461-462). */
export const JOINTS: ReadonlySet<string> = new Set(['righthip', 'lefthip', 'leftknee', 'rightknee', 'leftankle', 'rightankle']);
const E_CODE = /^[VWXY]/;

/** The role-qualified keys of an operand, built once per name (grouping is a hot path). */
const keyCache = new Map<string, readonly [sdx: string, pdx: string]>();
function keysOf(name: string): readonly [string, string] {
  let keys = keyCache.get(name);
  if (!keys) {
    keys = [`SDX:${name}`, `PDX:${name}`];
    keyCache.set(name, keys);
  }
  return keys;
}

/** Operand → MDC suppression bits; an operand set by several codes counts where any of them counts. */
export function buildFacts(p: PreparedClaim): Map<string, number> {
  const facts = new Map<string, number>();
  const add = (key: string, suppression = 0): void => {
    const prior = facts.get(key);
    facts.set(key, prior === undefined ? suppression : prior & suppression);
  };
  // Bare and ANY: name the same operand (formula.ts reads ANY:x as x).
  const addAll = (name: string, suppression = 0, role?: 'PDX' | 'SDX'): void => {
    const [sdx, pdx] = keysOf(name);
    add(name, suppression);
    if (role === 'SDX') add(sdx, suppression);
    else if (role === 'PDX') add(pdx, suppression);
  };

  const trauma = new Set<string>();
  for (const d of p.sdx) {
    if (!d.entry) continue;
    for (const a of d.entry.attrs) {
      addAll(a, 0, 'SDX');
      if (SIGNIFICANT_TRAUMA.has(a)) trauma.add(a);
    }
    for (const a of d.entry.hacAttrs) addAll(a, 0, 'SDX');
  }

  const joints = new Set<string>();
  let vessels = 0;
  let stents = 0;
  const count = { sglantfuse: 0, sglpostfuse: 0, sglpostfuse1: 0, sglantsectXfuse: 0 };
  for (const proc of p.procs) {
    let stentWeight = 0;
    let stented = false;
    for (const a of proc.attrs) {
      addAll(a, proc.suppression);
      if (JOINTS.has(a)) joints.add(a);
      const digit = a.startsWith('stent') || a.startsWith('vessel') ? /^(vessel|stent)(\d)$/.exec(a) : null;
      if (digit?.[1] === 'vessel') vessels += Number(digit[2]);
      if (digit?.[1] === 'stent') stentWeight = Number(digit[2]);
      if (a === 'NORdrugstent' || a === 'NORstent') stented = true;
      if (a in count) count[a as keyof typeof count]++;
    }
    if (stented) stents += stentWeight;
  }
  for (const c of p.clusters) for (const a of c.attrs) addAll(a);

  const pdx = p.pdx.entry;
  if (pdx) {
    for (const a of pdx.attrs) {
      addAll(a, 0, 'PDX');
      if (SIGNIFICANT_TRAUMA.has(a)) trauma.add(a);
    }
    for (const a of pdx.hacAttrs) addAll(a, 0, 'PDX');
    // DRG 795 (normal newborn): the principal and every valid secondary are "incident" codes.
    if (pdx.attrs.includes('incident') && p.sdx.every((d) => !d.entry || d.entry.attrs.includes('incident'))) add('ONLY:incident');
  } else {
    addAll('INVALID_PDX', 0, 'PDX');
  }
  if (E_CODE.test(p.pdx.code)) addAll('PDX_ECODE', 0, 'PDX');
  if (p.pdx.sexConflict) add('INVALID_SEX');

  for (const atom of p.discharge.atoms) add(atom);
  add('ANYDX');
  if (trauma.size >= 2) add('MULTST');
  if (joints.size >= 2) add('BILATERAL');
  if (stents >= 4) add('FOUR_STENTS');
  if (vessels >= 4) add('FOUR_VESSELS');
  if (count.sglantfuse + count.sglpostfuse >= 3) add('SINGLEFUSIONCTR');
  if (count.sglantsectXfuse > 1) add('SGLANTSECTXCTR');
  if (count.sglpostfuse > 1) add('SGLPOSTFUSECTR');
  if (count.sglantfuse >= 2) add('SGLANTCTR');
  if (count.sglpostfuse1 >= 2) add('SGLPOST1CTR');
  return facts;
}
