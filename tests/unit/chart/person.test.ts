import { describe, expect, it } from 'vitest';
import { personFrom } from '../../../src/chart/dom/signature-line.ts';
import { isCredential, parsePerson } from '../../../src/chart/person.ts';
import type { SourceRef } from '../../../src/chart/snapshot.ts';

// Signers' names and credentials as EHRs print them; the credentials come from
// vocabulary/credentials.json, so a credential an EHR prints that is not listed is a data change.
const source: SourceRef = { selector: 'p', text: '' };
const read = (text: string) => {
  const p = parsePerson(text, source);
  return [p.name.value, p.credentials?.value];
};

describe('a person and their credentials', () => {
  it.each([
    ['Jane Roe, MD', ['Jane Roe', 'MD']],
    ['J. Park, RN, BSN', ['J. Park', 'RN, BSN']],
    ['Dr. Wanjiru Kamau, MBChB', ['Dr. Wanjiru Kamau', 'MBChB']],
    ['Carla Brooks, CMA', ['Carla Brooks', 'CMA']],
    ['Tomas Reyes, DPT', ['Tomas Reyes', 'DPT']],
    ['Ama Boateng, FNP-BC', ['Ama Boateng', 'FNP-BC']],
    ['Vanterpool MD, Gideon', ['Vanterpool, Gideon', 'MD']],
    ['Lindqvist, Petra', ['Lindqvist, Petra', undefined]],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('leaves the service or role printed after the credentials out of them', () => {
    const people = ['Lena Ortiz, CNM – Labor & Delivery', 'Kofi Mensah, MD, FACS (Trauma Surgery)', 'Ruth Ames, RN — Charge Nurse'].map((t) => personFrom(t, source));
    expect(people.map((p) => [p.name.value, p.credentials?.value])).toEqual([['Lena Ortiz', 'CNM'], ['Kofi Mensah', 'MD, FACS'], ['Ruth Ames', 'RN']]);
  });

  it('reads a credential after a name without a comma only in its printed case', () => {
    expect([personFrom('Alice Smith MD', source).credentials?.value, personFrom('Alice Smith LCSW', source).credentials?.value]).toEqual(['MD', 'LCSW']);
    expect(personFrom('John Do', source).credentials).toBeUndefined();
  });

  it('knows credentials with dots, and not words that only look like one', () => {
    expect(['M.D.', 'D.O.', 'PA-C', 'PharmD', 'OTR/L'].every(isCredential)).toBe(true);
    expect(['Dr', 'DC', 'Jr', 'III', ''].some(isCredential)).toBe(false);
  });
});
