import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setActiveCodeTable } from '../../../../src/codes/active-table.ts';
import { importMce, type MceRelease } from '../../../../src/codes/mce.ts';
import { decodeStarter, encodeStarter } from '../../../../src/codes/starter-format.ts';
import { readSharedStarterInput } from '../../../../src/codes/starter-sources-node.ts';
import { CodeTable } from '../../../../src/codes/table.ts';
import { mceFlagsOn } from '../../../../src/codes/validate/mce-flags.ts';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';
import { mceUnspecifiedCode } from '../../../../src/engine/facts/mce-unspecified-code.ts';
import { DEFAULT_SETTINGS } from '../../../../src/engine/settings.ts';
import { hasShared, SHARED_CODESETS, sharedBytes } from '../../codes/shared-codesets.ts';

interface UnspecifiedFact {
  code: string;
  title: string;
  moreSpecific: string;
  specific?: string;
  count: number;
}

/** The fact's value for one diagnosis on a chart discharged on `discharged` (no discharge: admitted then). */
function unspecifiedFact(code: string, role: string, discharged: string, system = 'ICD-10-CM'): UnspecifiedFact | undefined {
  const encounter = discharged.startsWith('admitted ')
    ? { kind: 'inpatient', admittedAt: discharged.slice('admitted '.length) }
    : { kind: 'inpatient', admittedAt: discharged, dischargedAt: discharged };
  const snapshot = snapshotFromCase({ encounter, diagnoses: [{ code: { system, code }, text: `text of ${code}`, role }] });
  const item = snapshot.diagnoses[0]!;
  return mceUnspecifiedCode.compute({ snapshot, settings: DEFAULT_SETTINGS, scope: 'diagnosis', item, fact: () => undefined }) as UnspecifiedFact | undefined;
}

/** The specific codes the fact lists in its message ("more specific codes exist: A, B and 3 more"). */
function listed(fact: UnspecifiedFact | undefined): string[] {
  const list = fact?.moreSpecific.split(': ')[1] ?? '';
  return list.replace(/ and \d+ more$/, '').split(', ').filter((c) => c !== '');
}

const FY2027 = '11/20/2026 14:00';

describe('mceUnspecifiedCode with the fallback list (the table rule cases run on)', () => {
  afterEach(() => setActiveCodeTable(undefined));

  it('reports T84.50XA on the claim, saying the partial list holds none of its specific codes', () => {
    setActiveCodeTable(undefined);
    const fact = unspecifiedFact('T84.50XA', 'secondary', FY2027);
    expect(fact).toEqual({
      code: 'T84.50XA',
      title: 'Infect/inflm reaction due to unsp int joint prosth, init',
      moreSpecific: 'more specific codes exist, none of them in the loaded code table (a partial list)',
      count: 0,
    });
    expect(unspecifiedFact('t8450xa', 'principal', FY2027)?.code).toBe('T84.50XA');
    expect(unspecifiedFact('T84.50XA', 'final', 'admitted 04/01/2022 10:00')?.code).toBe('T84.50XA');
  });

  it('stays quiet for the problem list, other roles, other systems, specific codes and dates before the flag', () => {
    expect(unspecifiedFact('T84.50XA', 'problem', FY2027)).toBeUndefined();
    expect(unspecifiedFact('T84.50XA', 'admitting', FY2027)).toBeUndefined();
    expect(unspecifiedFact('T84.50XA', 'secondary', FY2027, 'SNOMED CT')).toBeUndefined();
    expect(unspecifiedFact('S72.001A', 'principal', FY2027)).toBeUndefined();
    expect(unspecifiedFact('J18.9', 'principal', FY2027)).toBeUndefined();
    // The MCE flags T84.50XA as unspecified from 2022-04-01 on.
    expect(unspecifiedFact('T84.50XA', 'principal', '03/31/2022 14:00')).toBeUndefined();
  });
});

// The starter table built from ../shared/codesets: FY2027 codes with titles and headers, MCE v43.1 periods.
describe.skipIf(!hasShared)('mceUnspecifiedCode with the full table from ../shared', () => {
  let mce: MceRelease;
  let full: CodeTable;
  beforeAll(() => {
    mce = importMce(sharedBytes('mce/mce-v43.1.json'));
    full = new CodeTable(decodeStarter(encodeStarter(readSharedStarterInput(SHARED_CODESETS))));
    setActiveCodeTable(full);
  }, 60_000);
  afterAll(() => setActiveCodeTable(undefined));

  it('names the sided codes of the same family', () => {
    const orbit = unspecifiedFact('H05.019', 'secondary', FY2027);
    expect(orbit).toMatchObject({ code: 'H05.019', title: 'Cellulitis of unspecified orbit', moreSpecific: 'more specific codes exist: H05.011, H05.012, H05.013', count: 3 });
    expect(orbit?.specific).toBe('H05.011 Cellulitis of right orbit; H05.012 Cellulitis of left orbit; H05.013 Cellulitis of bilateral orbits');
    expect(listed(unspecifiedFact('G81.00', 'secondary', FY2027))).toEqual(['G81.01', 'G81.02', 'G81.03', 'G81.04']);
    // Same severity, either side; same stage, either side (L89.000-L89.002 are unflagged stages of the unspecified elbow).
    expect(listed(unspecifiedFact('L97.101', 'secondary', FY2027))).toEqual(['L97.111', 'L97.121']);
    expect(listed(unspecifiedFact('L89.003', 'secondary', FY2027))).toEqual(['L89.013', 'L89.023']);
    // CRVO status (the 7th character) kept; the laterality in the 7th character itself when nothing else varies.
    expect(listed(unspecifiedFact('H34.8190', 'secondary', FY2027))).toEqual(['H34.8110', 'H34.8120', 'H34.8130']);
    expect(listed(unspecifiedFact('T86.8409', 'secondary', FY2027))).toEqual(['T86.8401', 'T86.8402', 'T86.8403']);
  });

  it('leaves the code to more-specific-code-documented when the chart documents the side', () => {
    const orbit = (text: string) => {
      const snapshot = snapshotFromCase({
        encounter: { kind: 'inpatient', admittedAt: FY2027, dischargedAt: FY2027 },
        documents: [{ kind: 'discharge-summary', title: 'Discharge Summary', sections: [{ title: 'Discharge diagnoses', text }] }],
        diagnoses: [{ code: { system: 'ICD-10-CM', code: 'H05.019' }, text: 'Orbital cellulitis', role: 'principal' }],
      });
      return mceUnspecifiedCode.compute({ snapshot, settings: DEFAULT_SETTINGS, scope: 'diagnosis', item: snapshot.diagnoses[0]!, fact: () => undefined });
    };
    expect(orbit('Cellulitis of right orbit.')).toBeUndefined();
    expect(orbit('Orbital cellulitis.')).toMatchObject({ code: 'H05.019' });
  });

  it('keeps the encounter and counts the codes beyond four', () => {
    const joint = unspecifiedFact('T84.50XA', 'principal', FY2027);
    expect(joint?.moreSpecific).toBe('more specific codes exist: T84.51XA, T84.52XA, T84.53XA, T84.54XA and 1 more');
    expect(joint?.count).toBe(5);
    expect(joint?.specific).toMatch(/^T84\.51XA .*right hip.*; T84\.54XA .*left knee.* and 1 more$/);
    expect(listed(unspecifiedFact('S52.109R', 'secondary', FY2027))).toEqual(['S52.101R', 'S52.102R']);
    expect(listed(unspecifiedFact('M84.40XK', 'secondary', FY2027))).toEqual(['M84.411K', 'M84.412K', 'M84.421K', 'M84.422K']);
    expect(unspecifiedFact('M00.00', 'secondary', FY2027)?.moreSpecific).toBe('more specific codes exist: M00.011, M00.012, M00.021, M00.022 and 12 more');
  });

  it('follows the MCE dates: quiet before 2022-04-01, and on the problem list', () => {
    expect(unspecifiedFact('H05.019', 'principal', '03/31/2022 14:00')).toBeUndefined();
    expect(unspecifiedFact('H05.019', 'principal', '04/01/2022 09:00')?.code).toBe('H05.019');
    expect(unspecifiedFact('H05.019', 'problem', FY2027)).toBeUndefined();
    expect(unspecifiedFact('H05.011', 'principal', FY2027)).toBeUndefined();
  });

  // Every code the MCE flags on 2026-06-12 (3,465 in v43.1): the fact fires and lists only
  // billable codes of the same category that the MCE does not flag.
  it('gives every flagged code at least one specific code, none of them flagged itself', () => {
    const day = '2026-06-12';
    const flagged = mce.dx.filter((r) => mceFlagsOn(full, r.code, day)?.includes('unspecified') && full.get(r.code)?.billable);
    expect(flagged.length).toBe(3465);
    for (const { code } of flagged) {
      const fact = unspecifiedFact(code, 'secondary', '06/12/2026 10:00');
      expect(fact?.count, code).toBeGreaterThan(0);
      for (const other of listed(fact)) {
        expect(other.replace('.', '').slice(0, 3), `${code} -> ${other}`).toBe(code.slice(0, 3));
        expect(full.get(other)?.billable, other).toBe(true);
        expect(mceFlagsOn(full, other, day) ?? [], `${code} -> ${other}`).not.toContain('unspecified');
      }
    }
  });
});
