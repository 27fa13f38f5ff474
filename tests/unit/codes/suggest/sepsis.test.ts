// Sepsis wordings (Section I.C.1.d): the codes each gives with its combination and additional
// codes, the query where the term has no code, and every code of the suggester's data checked
// against the FY2026 code list in ../shared/codesets.
import { describe, expect, it } from 'vitest';
import { normalizeCode } from '../../../../src/codes/code-format.ts';
import { loadStarterTable, starterOrigin } from '../../../../src/codes/starter-table.ts';
import combinationsJson from '../../../../src/codes/suggest/combinations.json';
import { curatedPhrases, titleVariants } from '../../../../src/codes/suggest/lexicon.ts';
import lexiconJson from '../../../../src/codes/suggest/lexicon.json';
import { sentencesOf } from '../../../../src/codes/suggest/passages.ts';
import { TERM_QUERIES } from '../../../../src/codes/suggest/query-draft.ts';
import templatesJson from '../../../../src/codes/suggest/query-templates.json';
import sepsisJson from '../../../../src/codes/suggest/sepsis.json';
import { suggestCodes } from '../../../../src/codes/suggest/suggest.ts';
import { snapshotFromCase } from '../../../../src/engine/case-snapshot.ts';
import { hasShared, sharedBytes } from '../shared-codesets.ts';

const table = loadStarterTable();
const full = starterOrigin().builtFrom === 'shared-codesets';
const suggest = (text: string, kind = 'inpatient', diagnoses: object[] = []) =>
  suggestCodes(snapshotFromCase({ encounter: { kind }, documents: [{ kind: 'progress-note', title: 'Progress Note', sections: [{ title: 'Assessment and plan', text }] }], diagnoses }), table);
const found = (text: string) => suggest(text).map((s) => (s.kind === 'query' && s.codes.length === 0 ? s.id : s.code));

describe('sepsis wordings', () => {
  it.each([
    ['Sepsis, blood cultures pending.', ['A41.9']],
    ['Septicemia.', ['A41.9']],
    ['Sepsis due to E. coli, ceftriaxone.', ['A41.51']],
    ['E. Coli sepsis.', ['A41.51']],
    ['Sepsis secondary to pneumonia.', ['A41.9', 'J18.9']],
    ['Severe sepsis: IV fluids.', ['A41.9', 'R65.20']],
    ['Sepsis with acute organ dysfunction.', ['A41.9', 'R65.20']],
    ['Septic shock, on norepinephrine.', ['A41.9', 'R65.21']],
    ['Severe sepsis with septic shock.', ['A41.9', 'R65.21']],
    ['Severe sepsis. Septic shock overnight.', ['A41.9', 'R65.21']],
    ['Sepsis due to E. coli with septic shock.', ['A41.51', 'R65.21']],
    ['Sepsis ruled out, blood cultures negative.', []],
    ['Urosepsis: ceftriaxone.', ['query:urosepsis']],
    ['Urosepsis. Sepsis due to urinary tract infection.', ['A41.9', 'N39.0']],
    ['Urosepsis. No sepsis.', ['query:urosepsis']],
    ['Urosepsis. Sepsis ruled out.', ['query:urosepsis']],
    ['Urosepsis: UTI, no sepsis.', ['N39.0']],
    ['Meets SIRS criteria.', ['query:sirs']],
    ['Sepsis. SIRS criteria met.', ['A41.9']],
  ])('%s → %j', (text, codes) => {
    expect(found(text)).toEqual(codes);
  });

  it.skipIf(!full).each([
    ['Pneumococcal sepsis. Sepsis.', ['A40.3']],
    ['SIRS of non-infectious origin after trauma.', ['R65.10']],
  ])('%s → %j', (text, codes) => {
    expect(found(text)).toEqual(codes);
  });

  it('septic shock: R65.21 is sequenced after its infection, and A41.9 is that infection when no organism is documented', () => {
    const [infection, shock] = suggest('Septic shock, on norepinephrine.');
    expect(infection).toMatchObject({ code: 'A41.9', kind: 'documented', mention: 'Septic shock', action: 'add' });
    expect(infection?.reason).toContain('Section I.C.1.d.1.b');
    expect(infection?.evidence.map((e) => e.text)).toEqual(['Septic shock, on norepinephrine.']);
    expect(shock?.reason).toContain('Code first A41.9; R65.21 is never the principal diagnosis');
  });

  it('an organism on the chart is the underlying infection: no A41.9', () => {
    expect(suggest('Septic shock.', 'inpatient', [{ code: { system: 'ICD-10-CM', code: 'A41.51' }, text: 'E. coli sepsis', role: 'principal' }]).map((s) => s.code)).toEqual(['R65.21']);
  });

  it('infection following immunization on the chart is the underlying infection: no A41.9 (R65.2 code-first note)', () => {
    expect(suggest('Severe sepsis.', 'inpatient', [{ code: { system: 'ICD-10-CM', code: 'T88.0XXA' }, text: 'Infection following immunization', role: 'principal' }]).map((s) => s.code)).toEqual(['R65.20']);
  });

  it('sepsis with a localized infection: the systemic infection is sequenced first (I.C.1.d.4)', () => {
    const [sepsis] = suggest('Sepsis secondary to pneumonia.');
    expect(sepsis?.reason).toContain('Documented with the localized infection J18.9');
    expect(sepsis?.reason).toContain('Section I.C.1.d.4');
    expect(suggest('Sepsis. Pneumonia.')[0]?.reason).not.toContain('localized');
  });

  it('urosepsis gets a compliant query and no code (I.C.1.d.1.a.ii)', () => {
    const [query] = suggest('Urosepsis: ceftriaxone. WBC 16.2.');
    expect(query).toMatchObject({ kind: 'query', action: 'review', codes: [], code: '“Urosepsis”' });
    expect(query?.title).toContain('Section I.C.1.d.1.a.ii');
    expect(query?.query).toContain('[ ] Sepsis due to urinary tract infection');
    expect(query?.query).toContain('[ ] Clinically undetermined');
    expect(query?.query).toContain('"WBC 16.2."');
    expect(query?.query).not.toMatch(/DRG|payment|reimbursement|A41/i);
  });

  it('urosepsis of an outpatient documented only as possible gets no query (IV.H)', () => {
    expect(suggest('Possible urosepsis.', 'outpatient')).toEqual([]);
  });
});

describe('phrases and sentences', () => {
  it('title variants drop a trailing "unspecified" clause, only the word elsewhere', () => {
    expect(titleVariants('Sepsis due to unspecified staphylococcus')).toEqual(['Sepsis due to unspecified staphylococcus', 'Sepsis due to staphylococcus']);
    expect(titleVariants('Pneumonia, unspecified organism')).toContain('Pneumonia');
    expect(titleVariants('Type 2 diabetes mellitus with unspecified complications')).not.toContain('Type 2 diabetes mellitus with');
  });

  it('keeps "E. coli" in one sentence, not "hepatitis C. Diabetes"', () => {
    expect(sentencesOf('1. Sepsis due to E. coli with septic shock. 2. E. Coli UTI.')).toEqual(['Sepsis due to E. coli with septic shock.', 'E. Coli UTI.']);
    expect(sentencesOf('Hepatitis C. Diabetes.')).toEqual(['Hepatitis C.', 'Diabetes.']);
  });

  it('every term with no code has phrases, and leaves "Other" and "Clinically undetermined" to the draft', () => {
    for (const term of TERM_QUERIES) {
      expect(term.phrases.length).toBeGreaterThan(0);
      expect(term.options.some((o) => /other|undetermined/i.test(o))).toBe(false);
    }
  });
});

describe.skipIf(!hasShared)('codes of the suggester data exist in the FY2026 code set', () => {
  const fy2026 = new Set(new TextDecoder().decode(sharedBytes('cms-2026-codes-only/icd10cm_codes_2026.txt.gz')).split(/\s+/).filter(Boolean));
  const isPrefix = (p: string) => [...fy2026].some((c) => c.startsWith(normalizeCode(p)));

  it('every curated phrase maps to a billable FY2026 code', () => {
    const missing = curatedPhrases().filter(({ code }) => !fy2026.has(normalizeCode(code)));
    expect(missing).toEqual([]);
  });

  it('every code and prefix of sepsis.json, the history map, the combinations and the query templates exists', () => {
    const lexicon = lexiconJson as unknown as { history: { map: Record<string, string> }; defaults: { map: Record<string, string[]> } };
    const combos = (combinationsJson as unknown as { combinations: { code: string; when: string[][]; replaces: string[]; requires: string[] }[] }).combinations;
    const templates = (templatesJson as unknown as { templates: { prefix: string; specificCodes: string[] }[] }).templates;
    const sepsis = sepsisJson as unknown as { systemicInfections: string[]; severeSepsis: string; defaultInfection: string; localizedInfections: string[] };
    const codes = [
      ...Object.values(lexicon.history.map),
      ...Object.keys(lexicon.defaults.map),
      ...combos.map((c) => c.code),
      sepsis.defaultInfection,
    ];
    const prefixes = [
      ...Object.keys(lexicon.history.map),
      ...Object.values(lexicon.defaults.map).flat(),
      ...combos.flatMap((c) => [...c.when.flat(), ...c.replaces, ...c.requires]),
      ...templates.flatMap((t) => [t.prefix, ...t.specificCodes]),
      ...TERM_QUERIES.flatMap((t) => [...t.answeredBy, ...(t.ruledOutAnswersWith ?? [])]),
      ...sepsis.systemicInfections,
      ...sepsis.localizedInfections,
      sepsis.severeSepsis,
    ];
    expect(codes.filter((c) => !fy2026.has(normalizeCode(c)))).toEqual([]);
    expect(prefixes.filter((p) => !isPrefix(p))).toEqual([]);
  });
});
