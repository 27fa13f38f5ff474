/**
 * The MS-DRG v43.1 grouper tables (../shared/codesets/msdrg/msdrg-v43.1.json, decoded from the
 * CMS data file), turned into lookup maps with every DRG formula parsed once. Pure: the caller
 * hands in the parsed JSON (see load-node.ts for Node).
 */
import { parseFormula, type Formula } from './formula.ts';

/** Secondary-diagnosis severity, ordered so that a larger number is more severe. */
export const Sev = { NONE: 0, CC: 1, MCC: 2 } as const;
export type Sev = (typeof Sev)[keyof typeof Sev];

export interface DxEntry {
  mdc: number;
  severity: Sev;
  /** PDX-exclusion collection stored on this code: the secondaries it cancels as principal. 0 = none. */
  exclusion: number;
  /** Grouper operands (diagnosis lists and categories) of the code. */
  attrs: readonly string[];
  /** HAC operands (HAC01.., hac06_sdx, hac11_pdx, ...). */
  hacAttrs: readonly string[];
}

export interface FormulaRow {
  rank: number;
  drg: number;
  baseDrg: number;
  type: string;
  formula: Formula;
  source: string;
  /** Operands whose secondaries do not count as CC/MCC for this row. */
  suppression: readonly string[];
  reRouteMdc: number;
}

export interface Cluster {
  /** Bit n set: component procedures do not count in MDC n once the cluster is complete. */
  suppression: number;
  choices: readonly (readonly string[])[];
  attrs: readonly string[];
}

export interface DrgInfo {
  title: string;
  /** SURGICAL, MEDICAL, or NA (DRGs 998-999). */
  type: string;
}

export interface GrouperTables {
  version: string;
  dx: ReadonlyMap<string, DxEntry>;
  exclusions: ReadonlyMap<number, ReadonlySet<string>>;
  /** ICD-10-PCS code → procedure operands ([] = valid, no grouper attribute). */
  sg: ReadonlyMap<string, readonly string[]>;
  sexMdc: ReadonlyMap<string, { male: number; female: number }>;
  drgs: ReadonlyMap<number, DrgInfo>;
  formulas: ReadonlyMap<number, readonly FormulaRow[]>;
  hac: ReadonlyMap<string, { operands: readonly string[]; numbers: readonly number[] }>;
  hacFormulas: ReadonlyMap<number, readonly Formula[]>;
  clusters: ReadonlyMap<string, Cluster>;
  codeToClusters: ReadonlyMap<string, readonly string[]>;
}

type Json = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function record(root: Json, key: string): Json {
  const value = root[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`MS-DRG tables: "${key}" is missing or not an object`);
  }
  return value as Json;
}

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.filter((v): v is number => typeof v === 'number') : [];
}

const SEVERITY: Readonly<Record<string, Sev>> = { MCC: Sev.MCC, CC: Sev.CC, '': Sev.NONE };

/** Decodes the parsed msdrg-v43.1.json; throws on a shape it does not know. */
export function decodeGrouperTables(root: Json): GrouperTables {
  const meta = record(root, 'meta');
  const dxPatterns = patternMap(record(root, 'dxPatterns'));
  const prPatterns = patternMap(record(root, 'prPatterns'));
  const none: readonly string[] = [];
  const pattern = (map: Map<number, readonly string[]>, n: unknown): readonly string[] =>
    (typeof n === 'number' ? map.get(n) : undefined) ?? none;

  // Many codes share the same pair of patterns: share the merged list too.
  const merged = new Map<string, readonly string[]>();
  const dx = new Map<string, DxEntry>();
  for (const [code, v] of Object.entries(record(root, 'dx'))) {
    if (!Array.isArray(v) || typeof v[0] !== 'number' || typeof v[1] !== 'string' || typeof v[2] !== 'number') {
      throw new Error(`MS-DRG tables: diagnosis ${code} is malformed`);
    }
    const key = `${String(v[3])}/${String(v[4])}`;
    let attrs = merged.get(key);
    if (!attrs) {
      attrs = [...new Set([...pattern(dxPatterns, v[3]), ...pattern(dxPatterns, v[4])])];
      merged.set(key, attrs);
    }
    dx.set(code, { mdc: v[0], severity: SEVERITY[v[1]] ?? Sev.NONE, exclusion: v[2], attrs, hacAttrs: pattern(dxPatterns, v[5]) });
  }

  const exclusions = new Map<number, ReadonlySet<string>>();
  for (const [id, codes] of Object.entries(record(root, 'pdxExclusionCollections'))) exclusions.set(Number(id), new Set(strings(codes)));

  const sg = new Map<string, readonly string[]>();
  for (const [code, n] of Object.entries(record(root, 'sg'))) sg.set(code, pattern(prPatterns, n));

  const sexMdc = new Map<string, { male: number; female: number }>();
  for (const [code, v] of Object.entries(record(root, 'sexDependentMdc'))) {
    const row = v as { male?: unknown; female?: unknown };
    sexMdc.set(code, { male: Number(row.male), female: Number(row.female) });
  }

  const drgs = new Map<number, DrgInfo>();
  for (const [drg, v] of Object.entries(record(root, 'drgs'))) {
    const row = v as { title?: unknown; type?: unknown };
    drgs.set(Number(drg), { title: text(row.title), type: text(row.type) });
  }

  const formulas = new Map<number, FormulaRow[]>();
  for (const [mdc, rows] of Object.entries(record(root, 'formulas'))) {
    if (!Array.isArray(rows)) throw new Error(`MS-DRG tables: formulas of MDC ${mdc} are not a list`);
    const list = rows.map((r: Json): FormulaRow => ({
      rank: Number(r.rank),
      drg: Number(r.drg),
      baseDrg: Number(r.baseDrg),
      type: text(r.type),
      source: text(r.formula),
      formula: parseFormula(text(r.formula)),
      suppression: strings(r.severitySuppression),
      reRouteMdc: typeof r.reRouteMdc === 'number' ? r.reRouteMdc : 0,
    }));
    // The CMS grouper takes the first row that holds, in rank order.
    list.sort((a, b) => a.rank - b.rank);
    formulas.set(Number(mdc), list);
  }

  const hac = new Map<string, { operands: readonly string[]; numbers: readonly number[] }>();
  for (const [code, v] of Object.entries(record(root, 'hac'))) {
    const [operands, nums] = Array.isArray(v) ? (v as unknown[]) : [];
    hac.set(code, { operands: strings(operands), numbers: numbers(nums) });
  }
  const hacFormulas = new Map<number, Formula[]>();
  for (const [n, list] of Object.entries(record(root, 'hacFormulas'))) hacFormulas.set(Number(n), strings(list).map(parseFormula));

  const clusterOperands = record(root, 'clusterOperands');
  const clusters = new Map<string, Cluster>();
  for (const [id, v] of Object.entries(record(root, 'clusters'))) {
    const data = (Array.isArray(v) ? v[0] : undefined) as { suppressionMdcs?: unknown; choices?: unknown } | undefined;
    if (!data) continue;
    let suppression = 0;
    for (const m of numbers(data.suppressionMdcs)) if (m < 32) suppression |= 1 << m;
    const choices = Array.isArray(data.choices) ? data.choices.map((c: unknown) => strings(Array.isArray(c) ? c[1] : [])) : [];
    clusters.set(id, { suppression, choices, attrs: pattern(prPatterns, clusterOperands[id]) });
  }
  const codeToClusters = new Map<string, readonly string[]>();
  for (const [code, ids] of Object.entries(record(root, 'codeToClusters'))) codeToClusters.set(code, strings(ids));

  return {
    version: text(meta.groupedVersion),
    dx,
    exclusions,
    sg,
    sexMdc,
    drgs,
    formulas,
    hac,
    hacFormulas,
    clusters,
    codeToClusters,
  };
}

function patternMap(table: Json): Map<number, readonly string[]> {
  const map = new Map<number, readonly string[]>();
  for (const [n, ops] of Object.entries(table)) map.set(Number(n), strings(ops));
  return map;
}
