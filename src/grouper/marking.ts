/**
 * What the grouper reports per code: how each secondary's CC/MCC was used by a DRG (counted,
 * excluded by the principal, excluded by the DRG's logic, or neither), which severity the DRG
 * used, and which codes affected the DRG (MS-DRG Definitions Manual, grouper output
 * "CC/MCC usage" and "affects DRG" flags).
 */
import { severityAtom, type Grouping } from './drg-search.ts';
import { SIGNIFICANT_TRAUMA } from './facts.ts';
import { matchedAtoms, type Facts } from './formula.ts';
import type { DxCode, PreparedClaim } from './prepare.ts';
import { sdxCount } from './severity.ts';
import { Sev } from './tables.ts';
import type { AffectsDrg, DrgSeverity, SdxUsage } from './types.ts';

/** CC/MCC usage of one secondary under the row that decided the DRG. */
export function sdxUsage(d: DxCode, grouping: Grouping, hacMet: ReadonlySet<number> | undefined): SdxUsage {
  // An ungroupable claim uses no secondary.
  if (!grouping.match) return 'NEITHER';
  const suppression = grouping.match.row.suppression;
  const label = d.entry?.severity === Sev.MCC ? 'MCC' : 'CC';
  switch (sdxCount(d, suppression, hacMet)) {
    case 'counts':
      return label;
    case 'excluded':
      return `${label}_EXCLUDED`;
    case 'drg-logic':
      return `${label}_EXCLUDED_BY_DRG_LOGIC`;
    case 'hac':
    case 'died':
    case 'not-cc':
      return 'NEITHER';
  }
}

/** The operands that made the winning row hold. */
export function decidingAtoms(grouping: Grouping, facts: Facts): Set<string> {
  const m = grouping.match;
  if (!m) return new Set();
  return matchedAtoms(m.row.formula, facts, m.tableMdc, severityAtom(m.severity));
}

/** The severity the DRG used: the CC or MCC its row tested, else NONE. */
export function drgSeverity(atoms: ReadonlySet<string>): DrgSeverity {
  if (atoms.has('MCC')) return 'MCC';
  if (atoms.has('CC')) return 'CC';
  return 'NONE';
}

const byCode = (a: DxCode, b: DxCode): number => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0);
/** Clinical significance: MCC, then CC, then the rest; ties by code. */
export function bySignificance(a: DxCode, b: DxCode): number {
  return (b.entry?.severity ?? 0) - (a.entry?.severity ?? 0) || byCode(a, b);
}

/**
 * Secondaries that affected the DRG. In order of clinical significance, each deciding operand
 * is credited to the first secondary that supplies it: MCC/CC to a secondary of that severity
 * that counts, SDX: and bare operands to a secondary on that list (bare ones only when the
 * principal is not). A multiple-trauma DRG also credits the secondaries that make two
 * significant-trauma body areas with the principal.
 */
export function markSecondaries(p: PreparedClaim, grouping: Grouping, atoms: ReadonlySet<string>, hacMet: ReadonlySet<number> | undefined): Set<number> {
  const marked = new Set<number>();
  if (!grouping.match) return marked;
  const suppression = grouping.match.row.suppression;
  const remaining = new Set([...atoms].filter((a) => !a.startsWith('PDX:')));
  const pdxAttrs = p.pdx.entry?.attrs ?? [];
  const ordered = [...p.sdx].sort(bySignificance);
  for (const d of ordered) {
    const entry = d.entry;
    if (!entry) continue;
    for (const atom of remaining) {
      // An operand the principal has is the principal's doing (ANY: included).
      const name = atom.startsWith('ANY:') ? atom.slice(4) : atom;
      if (!name.includes(':') && pdxAttrs.includes(name)) continue;
      let supplies: boolean;
      if (atom === 'MCC' || atom === 'CC') {
        // A HAC code still supplies its severity here; an excluded or suppressed one does not.
        const use = sdxCount(d, suppression, hacMet);
        supplies = (use === 'counts' || (use === 'hac' && !d.deathExcluded)) && (entry.severity === Sev.MCC ? 'MCC' : 'CC') === atom;
      } else {
        supplies = entry.attrs.includes(name.startsWith('SDX:') ? name.slice(4) : name);
      }
      if (supplies) {
        marked.add(d.order);
        remaining.delete(atom);
        break;
      }
    }
  }
  if (grouping.path.some((m) => atomsHold(m, 'MULTST'))) {
    const areas = new Set(pdxAttrs.filter((a) => SIGNIFICANT_TRAUMA.has(a)));
    let count = areas.size > 0 ? 1 : 0;
    for (const d of ordered) {
      if (count >= 2) break;
      const own = (d.entry?.attrs ?? []).filter((a) => SIGNIFICANT_TRAUMA.has(a));
      if (own.length === 0 || own.every((a) => areas.has(a))) continue;
      for (const a of own) areas.add(a);
      marked.add(d.order);
      count++;
    }
  }
  return marked;
}

function atomsHold(m: { row: { source: string } }, atom: string): boolean {
  return m.row.source.split(/[^A-Za-z0-9_:]+/).includes(atom);
}

export function affects(initial: boolean, final: boolean): AffectsDrg {
  return initial && final ? 'BOTH' : initial ? 'INITIAL' : final ? 'FINAL' : 'NONE';
}
