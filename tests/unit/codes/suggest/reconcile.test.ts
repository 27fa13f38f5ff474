// Mentions reconciled over time: the latest statement about a condition decides, discharge /
// final diagnoses first (Section II.H, III.C inpatient; IV.H outpatient). Synthetic charts.
import { describe, expect, it } from 'vitest';
import { loadStarterTable, starterOrigin } from '../../../../src/codes/starter-table.ts';
import { suggestCodes } from '../../../../src/codes/suggest/suggest.ts';
import { documentTimes, sectionStamp } from '../../../../src/codes/suggest/timeline.ts';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';

const table = loadStarterTable();
const full = starterOrigin().builtFrom === 'shared-codesets';
const note = (title: string, text: string, createdAt?: string, kind = 'progress-note') => ({
  kind,
  title,
  ...(createdAt ? { createdAt } : {}),
  sections: [{ title: 'Assessment and plan', text }],
});
const hp = (text: string, createdAt?: string) => note('H&P', text, createdAt, 'history-and-physical');
const discharge = (text: string, createdAt?: string) => ({
  kind: 'discharge-summary',
  title: 'Discharge Summary',
  ...(createdAt ? { createdAt } : {}),
  sections: [{ title: 'Hospital course', text: 'Treated and improved.' }, { title: 'Discharge diagnoses', text }],
});
const chart = (kind: string, documents: object[], diagnoses: object[] = []) => suggestCodes(snapshotFromCase({ encounter: { kind }, documents, diagnoses }), table);
const codes = (kind: string, documents: object[], diagnoses: object[] = []) => chart(kind, documents, diagnoses).map((s) => s.code);

describe('a diagnosis ruled out later is not suggested', () => {
  it('suspected pneumonia, then "pneumonia ruled out" in a later note', () => {
    const docs = [hp('Suspected pneumonia, chest x-ray ordered.', '03/02/2026 21:00'), note('Progress Note', 'Chest x-ray clear: pneumonia ruled out.', '03/03/2026 09:00')];
    expect(codes('inpatient', docs)).not.toContain('J18.9');
    // Before the later note, the same chart codes it for an inpatient (Section II.H): the note is what changed.
    expect(codes('inpatient', docs.slice(0, 1))).toContain('J18.9');
  });

  it('rule out PE, then "PE excluded"', () => {
    const docs = [hp('Rule out pulmonary embolism: CT angiogram.', '03/02/2026 21:00'), note('Progress Note', 'PE excluded by CT angiogram. Hypokalemia, replete.', '03/03/2026 09:00')];
    expect(codes('inpatient', docs)).toEqual(['E87.6']);
  });

  it('the discharge diagnoses win over a note written after them', () => {
    const docs = [
      hp('Possible pneumonia.', '03/02/2026 21:00'),
      discharge('1. Pneumonia ruled out. 2. Acute kidney injury.', '03/05/2026 10:00'),
      note('Progress Note addendum', 'Possible pneumonia.', '03/06/2026 08:00'),
    ];
    expect(codes('inpatient', docs)).toEqual(['N17.9']);
  });

  it('a final diagnosis on the chart\'s list wins over the notes', () => {
    const docs = [hp('Rule out pulmonary embolism.', '03/02/2026 21:00')];
    expect(codes('inpatient', docs, [{ text: 'Pulmonary embolism excluded', role: 'final' }])).toEqual([]);
  });

  it('within one note, a negation outweighs the uncertainty it settles', () => {
    expect(codes('inpatient', [note('Progress Note', 'Rule out pulmonary embolism. Pulmonary embolism excluded by CT angiogram.')])).toEqual([]);
  });
});

describe('a diagnosis confirmed later is suggested, citing the confirmation', () => {
  const docs = [hp('Possible pneumonia, chest x-ray pending.', '03/02/2026 21:00'), note('Progress Note', 'Pneumonia confirmed on chest x-ray, ceftriaxone.', '03/03/2026 09:00')];

  it('for an inpatient: the evidence is the confirming text and the reason says what it overruled', () => {
    const [pna] = chart('inpatient', docs);
    expect(pna).toMatchObject({ code: 'J18.9', where: 'Progress Note, Assessment and plan', mention: 'Pneumonia' });
    expect(pna?.evidence.map((e) => e.text)).toEqual(['Pneumonia confirmed on chest x-ray, ceftriaxone.']);
    expect(pna?.reason).toContain('Earlier documented as uncertain (“Possible”, H&P, Assessment and plan)');
    expect(pna?.reason).not.toContain('Section II.H');
  });

  it('for an outpatient too, though the uncertain mention alone is not coded (IV.H)', () => {
    expect(codes('outpatient', docs)).toEqual(['J18.9']);
    expect(codes('outpatient', docs.slice(0, 1))).toEqual([]);
  });

  it('in the discharge diagnoses, with the discharge summary as evidence', () => {
    const [pna] = chart('outpatient', [docs[0]!, discharge('1. Community acquired pneumonia.')]);
    expect(pna?.evidence.map((e) => e.text)).toEqual(['Community acquired pneumonia.']);
    expect(pna?.reason).toContain('diagnoses at discharge decide over the notes');
  });

  it('every later statement that agrees stays in the evidence, in time order', () => {
    const [pna] = chart('inpatient', [...docs, discharge('Pneumonia.', '03/05/2026 10:00')]);
    expect(pna?.evidence.map((e) => e.text)).toEqual(['Pneumonia confirmed on chest x-ray, ceftriaxone.', 'Pneumonia.']);
  });
});

describe('a discharge summary\'s admission diagnoses are not its discharge diagnoses', () => {
  const summary = (sections: { title: string; text: string; code?: string }[], createdAt = '03/05/2026 10:00') => ({ kind: 'discharge-summary', title: 'Discharge Summary', createdAt, sections });

  it('"Pneumonia" on admission, "pneumonia ruled out" at discharge: not coded', () => {
    const docs = [summary([{ title: 'Admission diagnoses', text: 'Pneumonia.' }, { title: 'Discharge diagnoses', text: 'Pneumonia ruled out.' }])];
    expect(codes('inpatient', docs)).toEqual([]);
  });

  it('an admission recap does not overrule a later note, however late the summary is written', () => {
    const docs = [note('Progress Note', 'Pneumonia ruled out, chest x-ray clear.', '03/03/2026 09:00'), summary([{ title: 'Admitting diagnosis', text: 'Pneumonia.' }, { title: 'Discharge diagnoses', text: 'Acute kidney injury.' }])];
    expect(codes('inpatient', docs)).toEqual(['N17.9']);
  });

  it('an uncertain admission diagnosis is not "uncertain at discharge"', () => {
    const docs = [summary([{ title: 'Admission diagnoses', text: 'Suspected pneumonia.' }])];
    const [pna] = chart('inpatient', [hp('Pneumonia, ceftriaxone.', '03/02/2026 21:00'), ...docs]);
    expect(pna?.reason).not.toContain('diagnoses at discharge decide');
    const [doc] = snapshotFromCase({ documents: docs }).documents;
    const [admission] = doc!.sections;
    expect(sectionStamp(doc!, admission!, { time: 1, dated: true }, 0)).toMatchObject({ tier: 1, time: -Infinity, group: `document:${doc!.id}` });
    expect(sectionStamp(doc!, { ...admission!, title: 'Diagnoses', code: '46241-6' }, { time: 1, dated: true }, 0).tier).toBe(1);
  });

  it('"Principal diagnosis" and "Secondary diagnoses" of a summary are final; its other sections are read as a note\'s', () => {
    const [doc] = snapshotFromCase({ documents: [summary([{ title: 'Principal diagnosis', text: 'x' }, { title: 'Secondary diagnoses', text: 'x' }, { title: 'Assessment', text: 'x' }])] }).documents;
    const when = { time: 5, dated: true };
    expect(doc!.sections.map((s) => sectionStamp(doc!, s, when, 0)).map((s) => [s.tier, s.time])).toEqual([[2, 5], [2, 5], [1, 5]]);
  });
});

describe('uncertain at discharge', () => {
  const docs = [hp('Pneumonia, start ceftriaxone.', '03/02/2026 21:00'), discharge('Probable pneumonia.', '03/05/2026 10:00')];

  it('an inpatient\'s is coded as if it existed (II.H, III.C), citing the discharge statement', () => {
    const [pna] = chart('inpatient', docs);
    expect(pna?.code).toBe('J18.9');
    expect(pna?.evidence.map((e) => e.text)).toEqual(['Probable pneumonia.']);
    expect(pna?.reason).toContain('Still documented as uncertain (“Probable”, Discharge Summary, Discharge diagnoses)');
    expect(pna?.reason).toContain('Section II.H, III.C');
  });

  it('an outpatient\'s is not (IV.H), even when an earlier note affirmed it', () => {
    expect(codes('outpatient', docs)).toEqual([]);
  });
});

describe('statements that do not change the status', () => {
  it('"resolved" later: the condition existed during the stay and is still coded', () => {
    const docs = [hp('Acute kidney injury, IV fluids.', '03/02/2026 21:00'), note('Progress Note', 'AKI resolved with fluids.', '03/04/2026 09:00')];
    expect(codes('inpatient', docs)).toEqual(['N17.9']);
  });

  it('a negation inside the same note as the affirmation does not cancel it ("no CHF exacerbation")', () => {
    expect(codes('inpatient', [note('Progress Note', 'Heart failure, compensated. No CHF exacerbation.')])).toEqual(['I50.9']);
  });

  it('a later "no CHF exacerbation" denies the exacerbation, not the CHF coded alike (I50.9)', () => {
    const hf = (later: string, earlier = 'Congestive heart failure, furosemide.') => codes('inpatient', [hp(earlier, '03/02/2026 21:00'), note('Progress Note', later, '03/03/2026 09:00')]);
    expect(hf('No CHF exacerbation.')).toEqual(['I50.9']);
    expect(hf('CHF exacerbation ruled out.', 'Possible CHF exacerbation.')).toEqual([]);
    expect(hf('Heart failure ruled out, BNP normal.', 'CHF exacerbation.')).toEqual([]);
  });

  it('...even when the chart never writes the plain "CHF"', () => {
    const docs = [hp('CHF exacerbation, IV furosemide.', '03/02/2026 21:00'), note('Progress Note', 'No CHF exacerbation, euvolemic.', '03/03/2026 09:00')];
    const [hf] = chart('inpatient', docs);
    expect(hf?.code).toBe('I50.9');
    expect(hf?.evidence.map((e) => e.text)).toEqual(['CHF exacerbation, IV furosemide.']);
    // Without the earlier affirmation, the negation still denies a suspicion.
    expect(codes('inpatient', [hp('Possible CHF exacerbation.', '03/02/2026 21:00'), docs[1]!])).toEqual([]);
  });

  it('a family or history mention does not confirm a ruled-out diagnosis', () => {
    const docs = [hp('Rule out pulmonary embolism. Family history of pulmonary embolism.', '03/02/2026 21:00'), note('Progress Note', 'Pulmonary embolism excluded.', '03/03/2026 09:00')];
    expect(codes('inpatient', docs)).not.toContain('I26.99');
  });
});

describe.skipIf(!full)('a ruled-out recurrence leaves the personal history', () => {
  it('history of PE, rule out PE, PE excluded: Z86.711, not I26.99', () => {
    const docs = [hp('History of pulmonary embolism. Rule out pulmonary embolism.', '03/02/2026 21:00'), note('Progress Note', 'Pulmonary embolism excluded.', '03/03/2026 09:00')];
    expect(codes('inpatient', docs)).toEqual(['Z86.711']);
  });
});

describe('documents without a date', () => {
  it('are taken in chart order among themselves', () => {
    const docs = [hp('Suspected pneumonia.'), note('Progress Note', 'Pneumonia ruled out.')];
    expect(codes('inpatient', docs)).toEqual([]);
    expect(codes('inpatient', [...docs, note('Progress Note', 'Pneumonia confirmed on repeat x-ray.')])).toEqual(['J18.9']);
  });

  it('an undated H&P is written at admission, even listed after a dated note', () => {
    const docs = [note('Progress Note', 'Pneumonia ruled out.', '03/03/2026 09:00'), hp('Suspected pneumonia.')];
    expect(codes('inpatient', docs)).toEqual([]);
  });

  it('an undated note comes no earlier than the dated note before it, and the reason says so', () => {
    const docs = [hp('Rule out pulmonary embolism.', '03/02/2026 21:00'), note('Progress Note', 'Pulmonary embolism excluded.', '03/04/2026 09:00'), note('Progress Note', 'Pulmonary embolism confirmed on repeat CT angiogram.')];
    const [pe] = chart('inpatient', docs);
    expect(pe?.code).toBe('I26.99');
    expect(pe?.reason).toContain('an undated note is taken in chart order');
  });

  it('dated notes listed newest first are read in date order', () => {
    expect(codes('inpatient', [note('Progress Note', 'Pneumonia ruled out.', '03/04/2026 09:00'), note('Progress Note', 'Possible pneumonia.', '03/03/2026 09:00')])).toEqual([]);
    expect(codes('inpatient', [note('Progress Note', 'Pneumonia ruled out.', '03/03/2026 09:00'), note('Progress Note', 'Possible pneumonia.', '03/04/2026 09:00')])).toEqual(['J18.9']);
  });

  it('documentTimes: own date, H&P at admission, others after the document before them', () => {
    const snapshot = snapshotFromCase({ documents: [note('A', 'x', '03/03/2026 09:00'), hp('x'), note('B', 'x'), note('C', 'x', '03/01/2026 09:00'), note('D', 'x')] });
    const at = Date.UTC(2026, 2, 3, 9);
    expect(documentTimes(snapshot.documents)).toEqual([
      { time: at, dated: true },
      { time: -Infinity, dated: false },
      { time: at, dated: false },
      { time: Date.UTC(2026, 2, 1, 9), dated: true },
      { time: at, dated: false },
    ]);
  });
});
