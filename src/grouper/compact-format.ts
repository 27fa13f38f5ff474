/**
 * The grouper and MCE tables as the extension carries them: built from ../shared/codesets at
 * build time (scripts/build-grouper-tables.ts, compact-encode.ts), bundled into the service
 * worker, decoded here into the same {@link GrouperTables} and {@link MceTables} that
 * load-node.ts reads from the two decoded CMS files (10.6 MB of JSON).
 *
 * The bulk is per-code data, written with the starter table's codecs (src/codes/): the codes
 * as tries, one value per code as run-coded columns over the trie's order, the PDX-exclusion
 * collections as delta-coded positions. The small sections (DRG titles, formulas, HAC
 * formulas, sex-dependent MDCs, age ranges, discharge statuses) stay as they are in the CMS
 * files and go through the same decoders as in Node.
 *
 * | key | content |
 * | --- | --- |
 * | `dxCodes`, `prCodes` | every ICD-10-CM / ICD-10-PCS code either program names (trie) |
 * | `dx` | column over `dxCodes`: '-' not in the grouper, else `mdc,severity,collection,pattern,pattern,hacPattern` (severity M, C or '') |
 * | `sg` | column over `prCodes`: '-' not in the grouper, else its procedure pattern number |
 * | `exclusions` | PDX-exclusion collections as `dxCodes` positions (starter-collections.ts) |
 * | `hacDx`, `hacPr` | columns: '-' or `operand.operand;number.number` (HAC membership) |
 * | `clusters` | uint stream: per cluster, ascending by id, the id gap, its MDC suppression list, its operand pattern + 1 (0 none) and its choices as indexes into `clusterCodes` |
 * | `clusterCodes` | uint stream: the `prCodes` positions of the codes the clusters name, ascending, as gaps |
 * | `mce.dx`, `mce.sg` | columns: '-' not in the MCE, else its periods `from,to,flag.flag` joined by ';' |
 */
import { trieDecode, type EncodedTrie } from '../codes/code-trie.ts';
import { decodeCollections } from '../codes/starter-collections.ts';
import { decodeColumn, type EncodedColumn } from '../codes/starter-columns.ts';
import { UintReader } from '../codes/uint-stream.ts';
import { CodeColumnMap, LazyMap } from './code-column-map.ts';
import { decodeMceTables, type McePeriod, type MceTables } from './mce-tables.ts';
import { decodeGrouperTables, Sev, type Cluster, type DxEntry, type GrouperTables } from './tables.ts';

export const GROUPER_TABLES_FORMAT = 'chartlint-grouper-tables/1';

/** A formula row: rank, drg, baseDrg, type, formula, severity suppression, re-route MDC. */
export type CompactFormulaRow = [number, number, number, string, string, string[], number];

export interface CompactTables {
  format: typeof GROUPER_TABLES_FORMAT;
  builtFrom: 'shared-codesets';
  sources: string[];
  grouperVersion: string;
  dxCodes: EncodedTrie;
  prCodes: EncodedTrie;
  dxPatterns: Record<string, string[]>;
  prPatterns: Record<string, string[]>;
  dx: EncodedColumn;
  sg: EncodedColumn;
  exclusions: string;
  hacDx: EncodedColumn;
  hacPr: EncodedColumn;
  hacFormulas: Record<string, string[]>;
  sexDependentMdc: Record<string, { male: number; female: number }>;
  drgs: Record<string, [string, string]>;
  /** MDC number → its title ("Diseases and Disorders of the Circulatory System"), for the panel. */
  mdcTitles: Record<string, string>;
  formulas: Record<string, CompactFormulaRow[]>;
  clusters: string;
  clusterCodes: string;
  mce: {
    version: number;
    terminationDate: string;
    ageRanges: { ageGroup: string; startAge: number; endAge: number; startDate: string; endDate: string }[];
    dischargeStatus: [number, string, string][];
    dx: EncodedColumn;
    sg: EncodedColumn;
  };
}

/** What the build writes when ../shared/codesets is absent: the extension then has no DRG. */
export interface AbsentTables {
  format: typeof GROUPER_TABLES_FORMAT;
  builtFrom: 'absent';
  reason: string;
}

export type CompactTablesFile = CompactTables | AbsentTables;

export interface DecodedTables {
  grouper: GrouperTables;
  mce: MceTables;
  /** MDC titles (absent from the Node tables, which the panel does not read). */
  mdcTitles?: ReadonlyMap<number, string>;
}

/** Checks the shape of the parsed file (the generated JSON is not type-checked). */
export function asCompactTablesFile(value: unknown): CompactTablesFile {
  const v = value as Partial<CompactTables> | Partial<AbsentTables> | null;
  if (v?.format !== GROUPER_TABLES_FORMAT) throw new Error(`grouper tables: not in format ${GROUPER_TABLES_FORMAT}`);
  if (v.builtFrom === 'absent') return { format: GROUPER_TABLES_FORMAT, builtFrom: 'absent', reason: String(v.reason ?? '') };
  const t = v as Partial<CompactTables>;
  for (const key of ['exclusions', 'clusters', 'clusterCodes'] as const) {
    if (typeof t[key] !== 'string') throw new Error(`grouper tables: "${key}" is not a string`);
  }
  if (!t.dx || !t.sg || !t.dxCodes || !t.prCodes || !t.mce || !t.formulas || !t.drgs) throw new Error('grouper tables: a section is missing');
  return value as CompactTables;
}

const SEVERITY: Readonly<Record<string, Sev>> = { M: Sev.MCC, C: Sev.CC, '': Sev.NONE };

/** Per code, its decoded column value (each distinct value decoded once and shared). */
function column<T>(encoded: EncodedColumn, codes: readonly string[], decode: (value: string) => T | undefined): CodeColumnMap<T> {
  const { values, at } = decodeColumn(encoded, new Uint8Array(codes.length));
  return new CodeColumnMap(codes, at, values.map((v) => (v === '-' ? undefined : decode(v))));
}

function patterns(table: Record<string, string[]>): (n: string) => readonly string[] {
  const none: readonly string[] = [];
  return (n) => (n === '' ? none : (table[n] ?? none));
}

function decodePeriods(text: string): McePeriod[] {
  if (text === '') return [];
  return text.split(';').map((p) => {
    const [from = '', to = '', flags = ''] = p.split(',');
    return { from, to, flags: flags === '' ? [] : flags.split('.') };
  });
}

function decodeClusters(t: CompactTables, prCodes: readonly string[], prPattern: (n: string) => readonly string[]): Map<string, Cluster> {
  const codes: string[] = [];
  const gaps = new UintReader(t.clusterCodes);
  for (let p = -1; !gaps.done; ) {
    p += gaps.next() + 1;
    const code = prCodes[p];
    if (code === undefined) throw new Error(`grouper tables: cluster code at position ${p} of ${prCodes.length}`);
    codes.push(code);
  }
  const clusters = new Map<string, Cluster>();
  const reader = new UintReader(t.clusters);
  for (let id = -1; !reader.done; ) {
    id += reader.next() + 1;
    let suppression = 0;
    for (let n = reader.next(); n > 0; n--) suppression |= 1 << reader.next();
    const pattern = reader.next();
    const choices: string[][] = [];
    for (let c = reader.next(); c > 0; c--) {
      const choice: string[] = [];
      for (let n = reader.next(); n > 0; n--) choice.push(codes[reader.next()] ?? '');
      choices.push(choice);
    }
    clusters.set(`Z@${String(id).padStart(4, '0')}`, { suppression, choices, attrs: pattern === 0 ? [] : prPattern(String(pattern - 1)) });
  }
  return clusters;
}

/** Decodes the compact tables; throws when the data does not hold together. */
export function decodeCompactTables(t: CompactTables): DecodedTables {
  const dxCodes = trieDecode(t.dxCodes);
  const prCodes = trieDecode(t.prCodes);
  const dxPattern = patterns(t.dxPatterns);
  const prPattern = patterns(t.prPatterns);

  // The small sections go through the Node decoder, with the big ones filled in below.
  const formulas: Record<string, unknown[]> = {};
  for (const [mdc, rows] of Object.entries(t.formulas)) {
    formulas[mdc] = rows.map(([rank, drg, baseDrg, type, formula, severitySuppression, reRouteMdc]) => ({ rank, drg, baseDrg, type, formula, severitySuppression, reRouteMdc }));
  }
  const drgs: Record<string, { title: string; type: string }> = {};
  for (const [drg, [title, type]] of Object.entries(t.drgs)) drgs[drg] = { title, type };
  const small = decodeGrouperTables({
    meta: { groupedVersion: t.grouperVersion },
    dx: {}, dxPatterns: {}, prPatterns: {}, pdxExclusionCollections: {}, sg: {}, hac: {}, clusterOperands: {}, clusters: {}, codeToClusters: {},
    sexDependentMdc: t.sexDependentMdc,
    drgs,
    formulas,
    hacFormulas: t.hacFormulas,
  });

  const dx = column(t.dx, dxCodes, (v): DxEntry => {
    const [mdc = '', severity = '', exclusion = '', a = '', b = '', hac = ''] = v.split(',');
    return { mdc: Number(mdc), severity: SEVERITY[severity] ?? Sev.NONE, exclusion: Number(exclusion), attrs: [...new Set([...dxPattern(a), ...dxPattern(b)])], hacAttrs: dxPattern(hac) };
  });
  const exclusions = new LazyMap(
    () => new Map(decodeCollections(t.exclusions).map(({ id, positions }) => [id, positions])),
    (positions: number[]): ReadonlySet<string> => new Set(positions.map((p) => dxCodes[p] ?? '')),
  );
  const sg = column(t.sg, prCodes, prPattern);
  const hacValue = (v: string): { operands: readonly string[]; numbers: readonly number[] } => {
    const [operands = '', numbers = ''] = v.split(';');
    return { operands: operands === '' ? [] : operands.split('.'), numbers: numbers === '' ? [] : numbers.split('.').map(Number) };
  };
  const hac = new Map([...column(t.hacDx, dxCodes, hacValue), ...column(t.hacPr, prCodes, hacValue)]);
  const clusters = decodeClusters(t, prCodes, prPattern);
  const codeToClusters = new Map<string, string[]>();
  for (const [id, cluster] of clusters) {
    for (const code of new Set(cluster.choices.flat())) {
      const ids = codeToClusters.get(code);
      if (ids) ids.push(id);
      else codeToClusters.set(code, [id]);
    }
  }

  const mce = decodeMceTables({
    meta: { mceVersion: t.mce.version, terminationDate: t.mce.terminationDate },
    ageRanges: t.mce.ageRanges,
    dischargeStatus: { entries: t.mce.dischargeStatus },
    dx: {},
    sg: {},
  });
  return {
    grouper: { ...small, dx, exclusions, sg, hac, clusters, codeToClusters },
    mce: { ...mce, dx: column(t.mce.dx, dxCodes, decodePeriods), sg: column(t.mce.sg, prCodes, decodePeriods) },
    mdcTitles: new Map(Object.entries(t.mdcTitles).map(([mdc, title]) => [Number(mdc), title])),
  };
}
