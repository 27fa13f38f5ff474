/**
 * Build step (pure): the decoded CMS files (msdrg-v43.1.json, mce-v43.1.json, parsed) written
 * in the compact format of compact-format.ts. Keeps only what the grouper and the MCE read, and
 * the MDC titles the panel shows: no field documentation, provenance, counts, base-DRG titles.
 */
import { trieEncode } from '../codes/code-trie.ts';
import { encodeCollections } from '../codes/starter-collections.ts';
import { encodeColumn } from '../codes/starter-columns.ts';
import { encodeUints } from '../codes/uint-stream.ts';
import { GROUPER_TABLES_FORMAT, type CompactFormulaRow, type CompactTables } from './compact-format.ts';

type Json = Record<string, unknown>;

function record(root: Json, key: string, file: string): Json {
  const value = root[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new Error(`${file}: "${key}" is missing or not an object`);
  return value as Json;
}

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const numbers = (v: unknown): number[] => (Array.isArray(v) ? v.filter((x): x is number => typeof x === 'number') : []);

/** A name that goes into a column value between separators: it must not hold one. */
function plain(name: string, what: string): string {
  if (/[|;,.]/.test(name)) throw new Error(`grouper tables: ${what} "${name}" holds a separator`);
  return name;
}

function periods(list: unknown, code: string): string {
  if (!Array.isArray(list)) throw new Error(`mce-v43.1.json: ${code} has no periods`);
  return list
    .map((p: unknown) => {
      const [from = '', to = '', ...flags] = Array.isArray(p) ? p.map(text) : [];
      return `${plain(from, 'date')},${plain(to, 'date')},${flags.map((f) => plain(f, 'MCE flag')).join('.')}`;
    })
    .join(';');
}

function hacValue(v: unknown): string {
  const [operands, nums] = Array.isArray(v) ? (v as unknown[]) : [];
  return `${strings(operands).map((o) => plain(o, 'HAC operand')).join('.')};${numbers(nums).join('.')}`;
}

function patternTable(table: Json): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [n, ops] of Object.entries(table)) out[n] = strings(ops);
  return out;
}

/** Encodes both parsed files; throws on a shape it does not know. */
export function encodeCompactTables(msdrg: Json, mceRoot: Json, sources: string[]): CompactTables {
  const F = 'msdrg-v43.1.json';
  const dxTable = record(msdrg, 'dx', F);
  const sgTable = record(msdrg, 'sg', F);
  const mceDx = record(mceRoot, 'dx', 'mce-v43.1.json');
  const mceSg = record(mceRoot, 'sg', 'mce-v43.1.json');
  const collections = record(msdrg, 'pdxExclusionCollections', F);
  const hac = record(msdrg, 'hac', F);
  const clusters = record(msdrg, 'clusters', F);
  const clusterOperands = record(msdrg, 'clusterOperands', F);

  const hacIsProcedure = (code: string): boolean => !(code in dxTable) && code in sgTable;
  const dxSet = new Set([...Object.keys(dxTable), ...Object.keys(mceDx), ...Object.values(collections).flatMap(strings)]);
  const prSet = new Set([...Object.keys(sgTable), ...Object.keys(mceSg)]);
  for (const code of Object.keys(hac)) (hacIsProcedure(code) ? prSet : dxSet).add(code);
  const choiceCodes = Object.values(clusters).flatMap((v) => (Array.isArray(v) ? v : []).flatMap((d: { choices?: unknown }) => (Array.isArray(d.choices) ? d.choices.flatMap((c: unknown) => strings(Array.isArray(c) ? c[1] : [])) : [])));
  for (const code of choiceCodes) prSet.add(code);
  const dxCodes = [...dxSet].sort();
  const prCodes = [...prSet].sort();
  const dxPosition = new Map(dxCodes.map((c, i) => [c, i]));
  const prPosition = new Map(prCodes.map((c, i) => [c, i]));
  const none = (codes: readonly string[]): boolean[] => codes.map(() => false);

  const dx = encodeColumn(
    dxCodes.map((code) => {
      const v = dxTable[code];
      if (v === undefined) return '-';
      if (!Array.isArray(v) || typeof v[0] !== 'number' || typeof v[1] !== 'string' || typeof v[2] !== 'number') throw new Error(`${F}: diagnosis ${code} is malformed`);
      const severity = v[1] === 'MCC' ? 'M' : v[1] === 'CC' ? 'C' : '';
      return [v[0], severity, v[2], v[3], v[4], v[5]].map((x) => (typeof x === 'number' || typeof x === 'string' ? String(x) : '')).join(',');
    }),
    none(dxCodes),
  );
  const sg = encodeColumn(prCodes.map((code) => (code in sgTable ? text(sgTable[code]) : '-')), none(prCodes));
  const exclusions = encodeCollections(
    Object.entries(collections).map(([id, codes]) => ({
      id: Number(id),
      positions: strings(codes).map((c) => {
        const p = dxPosition.get(c);
        if (p === undefined) throw new Error(`${F}: collection ${id} names ${c}, which has no position`);
        return p;
      }),
    })),
  );
  const hacDx = encodeColumn(dxCodes.map((code) => (code in hac && !hacIsProcedure(code) ? hacValue(hac[code]) : '-')), none(dxCodes));
  const hacPr = encodeColumn(prCodes.map((code) => (code in hac && hacIsProcedure(code) ? hacValue(hac[code]) : '-')), none(prCodes));

  // Clusters: the codes they name, then per cluster its suppression, operands and choices.
  const named = [...new Set(choiceCodes)].sort();
  const namedIndex = new Map(named.map((c, i) => [c, i]));
  const namedPositions = named.map((c) => prPosition.get(c) ?? 0);
  const clusterCodes = encodeUints(namedPositions.map((p, i) => p - (i === 0 ? -1 : (namedPositions[i - 1] ?? 0)) - 1));
  const clusterNumbers: number[] = [];
  let previous = -1;
  for (const [id, v] of Object.entries(clusters).sort(([a], [b]) => (a < b ? -1 : 1))) {
    const match = /^Z@(\d+)$/.exec(id);
    if (!match) throw new Error(`${F}: cluster id ${id} is not Z@<number>`);
    const data = (Array.isArray(v) ? v[0] : undefined) as { suppressionMdcs?: unknown; choices?: unknown } | undefined;
    if (!data) continue; // The grouper ignores a cluster without a definition.
    const n = Number(match[1]);
    if (String(n).padStart(4, '0') !== match[1]) throw new Error(`${F}: cluster id ${id} is not four digits`);
    const mdcs = numbers(data.suppressionMdcs).filter((m) => m < 32);
    const pattern = clusterOperands[id];
    const choices = Array.isArray(data.choices) ? data.choices.map((c: unknown) => strings(Array.isArray(c) ? c[1] : [])) : [];
    clusterNumbers.push(n - previous - 1, mdcs.length, ...mdcs, typeof pattern === 'number' ? pattern + 1 : 0, choices.length);
    for (const choice of choices) clusterNumbers.push(choice.length, ...choice.map((c) => namedIndex.get(c) ?? 0));
    previous = n;
  }

  const formulas: Record<string, CompactFormulaRow[]> = {};
  for (const [mdc, rows] of Object.entries(record(msdrg, 'formulas', F))) {
    if (!Array.isArray(rows)) throw new Error(`${F}: formulas of MDC ${mdc} are not a list`);
    formulas[mdc] = rows.map((r: Json): CompactFormulaRow => [
      Number(r.rank), Number(r.drg), Number(r.baseDrg), text(r.type), text(r.formula), strings(r.severitySuppression), typeof r.reRouteMdc === 'number' ? r.reRouteMdc : 0,
    ]);
  }
  const drgs: Record<string, [string, string]> = {};
  for (const [drg, v] of Object.entries(record(msdrg, 'drgs', F))) {
    const row = v as { title?: unknown; type?: unknown };
    drgs[drg] = [text(row.title), text(row.type)];
  }
  const sexDependentMdc: Record<string, { male: number; female: number }> = {};
  for (const [code, v] of Object.entries(record(msdrg, 'sexDependentMdc', F))) {
    const row = v as { male?: unknown; female?: unknown };
    sexDependentMdc[code] = { male: Number(row.male), female: Number(row.female) };
  }
  const hacFormulas: Record<string, string[]> = {};
  for (const [n, list] of Object.entries(record(msdrg, 'hacFormulas', F))) hacFormulas[n] = strings(list);

  const mceMeta = (mceRoot.meta ?? {}) as Json;
  const ages = Array.isArray(mceRoot.ageRanges) ? (mceRoot.ageRanges as Json[]) : [];
  const status = ((mceRoot.dischargeStatus ?? {}) as Json).entries;
  return {
    format: GROUPER_TABLES_FORMAT,
    builtFrom: 'shared-codesets',
    sources,
    grouperVersion: text(record(msdrg, 'meta', F).groupedVersion),
    dxCodes: trieEncode(dxCodes),
    prCodes: trieEncode(prCodes),
    dxPatterns: patternTable(record(msdrg, 'dxPatterns', F)),
    prPatterns: patternTable(record(msdrg, 'prPatterns', F)),
    dx,
    sg,
    exclusions,
    hacDx,
    hacPr,
    hacFormulas,
    sexDependentMdc,
    drgs,
    mdcTitles: Object.fromEntries(Object.entries(record(msdrg, 'mdcs', F)).map(([mdc, title]) => [mdc, text(title)])),
    formulas,
    clusters: encodeUints(clusterNumbers),
    clusterCodes,
    mce: {
      version: Number(mceMeta.mceVersion),
      terminationDate: text(mceMeta.terminationDate),
      ageRanges: ages.map((r) => ({ ageGroup: text(r.ageGroup), startAge: Number(r.startAge), endAge: Number(r.endAge), startDate: text(r.startDate), endDate: text(r.endDate) })),
      dischargeStatus: (Array.isArray(status) ? (status as unknown[][]) : []).map((e): [number, string, string] => [Number(e[0]), text(e[1]), text(e[2])]),
      dx: encodeColumn(dxCodes.map((code) => (code in mceDx ? periods(mceDx[code], code) : '-')), none(dxCodes)),
      sg: encodeColumn(prCodes.map((code) => (code in mceSg ? periods(mceSg[code], code) : '-')), none(prCodes)),
    },
  };
}
