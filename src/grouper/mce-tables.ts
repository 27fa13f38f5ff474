/**
 * The Medicare Code Editor v43.1 tables (../shared/codesets/mce/mce-v43.1.json, decoded from the
 * CMS mce.bin): per code, its validity periods with the edit flags in force in each; the age
 * groups; the valid discharge statuses. Dates are compact yyyymmdd strings, compared as text.
 */

export interface McePeriod {
  from: string;
  /** '' = still valid at the end of the release. */
  to: string;
  flags: readonly string[];
}

export interface MceTables {
  version: number;
  terminationDate: string;
  dx: ReadonlyMap<string, readonly McePeriod[]>;
  sg: ReadonlyMap<string, readonly McePeriod[]>;
  ageRanges: readonly { group: string; min: number; max: number; from: string; to: string }[];
  dischargeStatus: readonly { code: number; from: string; to: string }[];
}

type Json = Record<string, unknown>;

const text = (v: unknown): string => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');

function periods(table: unknown, name: string): Map<string, McePeriod[]> {
  if (typeof table !== 'object' || table === null) throw new Error(`MCE tables: "${name}" is missing`);
  const map = new Map<string, McePeriod[]>();
  // Identical flag lists are shared: most codes carry none or the same few.
  const shared = new Map<string, readonly string[]>();
  for (const [code, list] of Object.entries(table as Json)) {
    if (!Array.isArray(list)) throw new Error(`MCE tables: ${name} ${code} has no periods`);
    map.set(
      code,
      list.map((p: unknown): McePeriod => {
        const [from = '', to = '', ...rest] = Array.isArray(p) ? p.map(text) : [];
        const key = rest.join(',');
        let flags = shared.get(key);
        if (!flags) {
          flags = rest;
          shared.set(key, flags);
        }
        return { from, to, flags };
      }),
    );
  }
  return map;
}

/** Decodes the parsed mce-v43.1.json; throws on a shape it does not know. */
export function decodeMceTables(root: Json): MceTables {
  const meta = (root.meta ?? {}) as Json;
  const ages = Array.isArray(root.ageRanges) ? (root.ageRanges as Json[]) : [];
  const status = ((root.dischargeStatus ?? {}) as Json).entries;
  return {
    version: Number(meta.mceVersion),
    terminationDate: text(meta.terminationDate),
    dx: periods(root.dx, 'dx'),
    sg: periods(root.sg, 'sg'),
    ageRanges: ages.map((r) => ({
      group: text(r.ageGroup),
      min: Number(r.startAge),
      max: Number(r.endAge),
      from: text(r.startDate),
      to: text(r.endDate),
    })),
    dischargeStatus: (Array.isArray(status) ? (status as unknown[][]) : []).map((e) => ({
      code: Number(e[0]),
      from: text(e[1]),
      to: text(e[2]),
    })),
  };
}

/** True when the date (yyyymmdd) falls in [from, to] ('' = open). */
export function inPeriod(date: string, from: string, to: string): boolean {
  return date >= from && (to === '' || date <= to);
}

/** The code's flags on that date, or undefined when the code is not valid then. */
export function flagsOn(table: ReadonlyMap<string, readonly McePeriod[]>, code: string, date: string): readonly string[] | undefined {
  const list = table.get(code);
  if (!list) return undefined;
  for (const p of list) if (inPeriod(date, p.from, p.to)) return p.flags;
  return undefined;
}
