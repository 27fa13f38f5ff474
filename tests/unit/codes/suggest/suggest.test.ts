import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';
import { snapshotFromFile } from '../../../../src/chart/from-file.ts';
import { loadStarterTable, starterOrigin } from '../../../../src/codes/starter-table.ts';
import { suggestCodes } from '../../../../src/codes/suggest/suggest.ts';
import { applyCombinations } from '../../../../src/codes/suggest/combinations.ts';
import { severityOf } from '../../../../src/codes/suggest/severity.ts';

const table = loadStarterTable();
const full = starterOrigin().builtFrom === 'shared-codesets';
const ap = (text: string) => ({ kind: 'progress-note', title: 'Progress Note', sections: [{ title: 'Assessment and plan', text }] });
const dx = (code: string, text: string, role = 'problem') => ({ code: { system: 'ICD-10-CM', code }, text, role });
const suggest = (c: object) => suggestCodes(snapshotFromCase(c), table);

describe('combinations table', () => {
  it('HTN + HF + CKD gives I13.0 only, not also I11.0 or I12.9', () => {
    expect(applyCombinations(['I10', 'I5023', 'N1831']).map((a) => a.code)).toEqual(['I130']);
  });
  it('HTN + HF + CKD 5 gives I13.2; HTN + ESRD gives I12.0', () => {
    expect(applyCombinations(['I10', 'I5022', 'N185']).map((a) => a.code)).toEqual(['I132']);
    expect(applyCombinations(['I10', 'N186']).map((a) => a.code)).toEqual(['I120']);
  });
  it('diabetes with CKD and polyneuropathy gives both combination codes', () => {
    expect(applyCombinations(['E119', 'N184', 'G629']).map((a) => a.code)).toEqual(['E1122', 'E1142']);
  });
  it('an already coded combination blocks the smaller ones', () => {
    expect(applyCombinations(['I130', 'I10', 'N1831', 'I5023'])).toEqual([]);
  });
});

describe('suggested codes', () => {
  it('one suggestion per code, all mentions as evidence, none for codes on the chart', () => {
    const s = suggest({
      encounter: { kind: 'inpatient' },
      documents: [ap('Acute kidney injury, IV fluids.'), ap('AKI improving. COPD exacerbation on nebulizers.')],
      diagnoses: [dx('J44.1', 'COPD with exacerbation', 'principal')],
    });
    expect(s.map((x) => x.id)).toEqual(['documented:N17.9']);
    expect(s[0]?.evidence.map((e) => e.text)).toEqual(['Acute kidney injury, IV fluids.', 'AKI improving.']);
  });

  it('gives CC/MCC and the principal exclusion of each suggested secondary', () => {
    const aki = suggest({ encounter: { kind: 'inpatient' }, documents: [ap('Acute kidney injury.')], diagnoses: [dx('J18.9', 'Pneumonia', 'principal')] }).find((x) => x.code === 'N17.9');
    expect(aki?.codes[0]).toMatchObject({ code: 'N17.9', action: 'add', severityLevel: 'CC' });
    expect(aki?.severityText).toMatch(/^CC as a secondary diagnosis .*not excluded by the principal diagnosis J18.9/);
    // ATN as principal cancels the CC of unspecified acute kidney failure (PDX exclusion).
    expect(severityOf(table, 'N179', 'N170')).toMatchObject({ level: 'CC', excludedBy: 'N17.0' });
  });

  it('says when an uncertain diagnosis is coded as established for an inpatient', () => {
    const [uti] = suggest({ encounter: { kind: 'inpatient' }, documents: [ap('Suspected UTI, urine culture sent.')] });
    expect(uti?.reason).toContain('Section II.H');
    expect(suggest({ encounter: { kind: 'outpatient' }, documents: [ap('Suspected UTI, urine culture sent.')] })).toEqual([]);
  });

  it('replaces an unspecified code by the documented specific one', () => {
    const [s] = suggest({ encounter: { kind: 'inpatient' }, documents: [ap('Chronic kidney disease stage 3a.')], diagnoses: [dx('N18.9', 'CKD')] });
    expect(s).toMatchObject({ kind: 'specificity', code: 'N18.31', action: 'replace', replaces: ['N18.9'] });
  });

  it('drafts a compliant, non-leading query where the record says no more', () => {
    const s = suggest({
      encounter: { kind: 'inpatient' },
      documents: [{ kind: 'history-and-physical', title: 'H&P', sections: [{ title: 'Physical examination', text: 'JVP elevated. 2+ pitting edema.' }, { title: 'Assessment and plan', text: 'Heart failure: IV furosemide.' }] }],
      diagnoses: [dx('I50.9', 'Heart failure', 'secondary')],
    });
    const query = s.find((x) => x.kind === 'query')?.query ?? '';
    expect(query).toContain('"JVP elevated." (H&P, Physical examination)');
    expect(query).toContain('Other');
    expect(query).toContain('Clinically undetermined');
    expect(query).not.toMatch(/DRG|payment|reimbursement/i);
  });

  it('drafts no query without clinical indicators beyond the diagnosis', () => {
    const s = suggest({ encounter: { kind: 'inpatient' }, documents: [ap('Heart failure, stable.')], diagnoses: [dx('I50.9', 'Heart failure', 'secondary')] });
    expect(s.filter((x) => x.kind === 'query')).toEqual([]);
  });
});

describe.skipIf(!full)('the demo EHR chart', () => {
  it('suggests I13.0 in place of I10, and nothing already coded', async () => {
    const snapshot = await snapshotFromFile(resolve(process.cwd(), 'tests/fixtures/demo-ehr/chart.html'), '2026-11-24T12:00:00Z');
    const s = suggestCodes(snapshot, table);
    // Metformin held during the stay is still long-term use; sliding-scale insulin is not (Section I.C.4.a.3).
    expect(s.map((x) => [x.id, x.action, x.replaces])).toEqual([['combination:I13.0', 'replace', ['I10']], ['status:Z79.84', 'add', []]]);
    expect(s[0]?.reason).toContain('code first');
  });
});
