import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { adaptersWithProfile } from '../../../src/chart/adapters/index.ts';
import { withoutLabel } from '../../../src/chart/adapters/site-profile.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import { buildProfile, type Picks } from '../../../src/chart/site-profile/build.ts';
import type { SiteProfile } from '../../../src/chart/site-profile/format.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { loadHtml } from './load-page.ts';

// A perioperative record the generic reader misreads: the banner's name has no label, and each
// note's status is a chip beside its title. A user teaches it by pointing at one note.
const PAGE = readFileSync(new URL('../../corpus/pages/d3-perioperative-record.html', import.meta.url), 'utf8');
const ORIGIN = 'http://ehr.example.test';
const URL_ = `${ORIGIN}/case/018842`;
const NOW = '2026-08-07T10:12:00Z';

const read = (html: string, profile?: SiteProfile, url = URL_): ChartSnapshot =>
  extractFromDom({ document: loadHtml(html, url), url, now: NOW }, adaptersWithProfile(profile));

/** What a user clicks on the page: the banner's values, and one note's title, author, status, signed time. */
function picksOn(doc: Document): Picks {
  const q = (selector: string) => doc.querySelector(selector) ?? undefined;
  const banner = [...doc.querySelectorAll('.ptbar > span')];
  const hp = doc.getElementById('hp')!;
  return {
    'patient.name': q('.ptbar .name'),
    'patient.mrn': banner.find((s) => s.textContent?.startsWith('MRN')),
    'patient.dob': banner.find((s) => s.textContent?.startsWith('DOB')),
    'document.title': hp.querySelector('h2') ?? undefined,
    'document.status': hp.querySelector('.pill') ?? undefined,
    'document.author': hp.querySelectorAll('dd')[1],
    'document.signedAt': hp.querySelectorAll('dd')[3],
  };
}

function taughtProfile(): SiteProfile {
  const built = buildProfile(picksOn(loadHtml(PAGE, URL_)), ORIGIN, NOW);
  if (!built.ok) throw new Error(built.problem);
  return built.profile;
}

describe('site-profile adapter', () => {
  it('without a profile the page is read by the generic reader, incompletely (why it is taught)', () => {
    // Only the premise: what exactly the generic reader misses changes as it learns.
    const s = read(PAGE);
    expect(s.source.adapter).toBe('generic');
    expect(s.coverage?.complete).toBe(false);
  });

  it('builds selectors from the clicks: the note is the repeated card, its parts relative to it', () => {
    const profile = taughtProfile();
    expect(profile.origin).toBe(ORIGIN);
    expect(profile.patient?.name).toBe('span.name');
    expect(profile.documents?.container).toBe('main > article.card');
    expect(profile.documents?.title).toBe(':scope > h2');
    expect(profile.documents?.status).toBe(':scope > h2 > span.pill');
    // Label/value rows are found again by their label: other notes have other rows before them.
    expect(profile.documents?.author).toBe(':scope > div.body > dl > dd');
    expect(profile.documents?.labels).toEqual({ author: 'author', signedAt: 'signed' });
    // No chart text is kept in a profile, only selectors.
    expect(JSON.stringify(profile)).not.toMatch(/Calloway|M00583317|1981/);
  });

  it('reads the taught banner and every note’s title and status; the profile’s values win', () => {
    const s = read(PAGE, taughtProfile());
    expect(s.source.adapter).toBe('site-profile+generic');
    expect([s.patient.name?.value, s.patient.mrn?.value, s.patient.dob?.value, s.patient.dob?.iso]).toEqual(['Calloway, Idris M', 'M00583317', '11/02/1981', '1981-11-02']);
    const byTitle = new Map(s.documents.map((d) => [d.title.value, d]));
    expect(byTitle.get('History & Physical')?.signature.status).toBe('signed');
    expect(byTitle.get('History & Physical')?.author?.name.value).toMatch(/^Yusupova, Dilnoza/);
    expect(byTitle.get('History & Physical')?.signature.signedAt?.iso).toBe('2026-08-04T00:40');
    expect(byTitle.get('Operative Report')?.signature.status).toBe('dictated-not-signed');
    expect(byTitle.get('Operative Report')?.kind).toBe('operative-report');
    expect(byTitle.get('Informed Consent for Surgery')?.signature.status).toBe('signed');
    expect(byTitle.get('Post-Anesthesia Evaluation')?.signature.status).toBe('unknown');
    // A note whose rows have no "Signed" or "Author" label keeps what the generic reader found.
    expect(byTitle.get('PACU Nursing Note')?.signature.signedAt?.iso).toBe('2026-08-04T11:09');
    expect(byTitle.get('Brief Op Note')?.author).toEqual(read(PAGE).documents.find((d) => d.title.value.startsWith('Brief Op Note'))?.author);
    // The generic reader's sections of each note are kept.
    expect(byTitle.get('Operative Report')?.sections.map((x) => x.text).join(' ')).toMatch(/tolerated the procedure well/);
    expect(s.warnings.filter((w) => w.includes('site profile'))).toEqual([]);
    expect(s.coverage?.patient).toEqual({ name: true, mrn: true, dob: true });
  });

  it('reads another chart of the same EHR with the same profile', () => {
    const other = PAGE.replace(/Calloway, Idris M/g, 'Okafor, Ngozi B').replace(/M00583317/g, 'M00412290')
      .replace('<span class="pill ok">Signed</span></h2>\n    <div class="body">\n      <dl>\n        <dt>Form</dt>', '<span class="pill warn">Unsigned</span></h2>\n    <div class="body">\n      <dl>\n        <dt>Form</dt>');
    const s = read(other, taughtProfile(), `${ORIGIN}/case/020001`);
    expect([s.patient.name?.value, s.patient.mrn?.value]).toEqual(['Okafor, Ngozi B', 'M00412290']);
    expect(s.documents.find((d) => d.title.value === 'Informed Consent for Surgery')?.signature.status).toBe('unsigned');
  });

  it('does not apply on another origin', () => {
    expect(read(PAGE, taughtProfile(), 'http://other.example.test/case').source.adapter).toBe('generic');
  });

  it('falls back to the generic reader, and says so, when the markup changed', () => {
    const changed = PAGE.replace('<span class="name">', '<span class="pt-name">').replace(/<article class="card/g, '<section class="note-card').replace(/<\/article>/g, '</section>');
    const generic = read(changed);
    const s = read(changed, taughtProfile());
    expect(s.warnings).toContain("The site profile's patient name selector no longer matches; read by the generic reader.");
    expect(s.warnings).toContain("The site profile's note selector no longer matches; read by the generic reader.");
    // What still matches is read; the rest is the generic reader's.
    expect(s.patient.mrn?.value).toBe('M00583317');
    expect(s.patient.name).toEqual(generic.patient.name);
    expect(s.documents).toEqual(generic.documents);
  });

  it('warns for a note part whose selector matches in no note, and keeps the others', () => {
    const profile = taughtProfile();
    const s = read(PAGE, { ...profile, documents: { ...profile.documents!, author: ':scope > footer.signer' } });
    expect(s.warnings).toContain("The site profile's note author selector no longer matches; read by the generic reader.");
    expect(s.documents.find((d) => d.title.value === 'Operative Report')?.signature.status).toBe('dictated-not-signed');
  });

  it('survives a selector the browser would refuse (an imported file), with a warning', () => {
    const s = read(PAGE, { ...taughtProfile(), patient: { name: 'span[[' } });
    expect(s.warnings.some((w) => w.includes('"span[[" is not a valid selector'))).toBe(true);
    expect(s.documents.length).toBeGreaterThan(0);
  });

  it('reads the value, not the label printed beside it', () => {
    const doc = loadHtml('<div id="a"><span class="k">MRN</span>M00583317</div><div id="b">Unit #: M000123</div><div id="c">SMITH, JOHN</div>', URL_);
    expect(['a', 'b', 'c'].map((id) => withoutLabel(doc.getElementById(id)!))).toEqual(['M00583317', 'M000123', 'SMITH, JOHN']);
  });

  it('teaches a notes grid by one row: each row is a note, its cells found by column', () => {
    const grid = readFileSync(new URL('../../corpus/pages/a1-hospital-notes-activity.html', import.meta.url), 'utf8');
    const doc = loadHtml(grid, URL_);
    const row = doc.querySelector('#notesGrid tr.selected')!;
    const cells = [...row.children];
    const built = buildProfile({ 'document.title': cells[3], 'document.author': cells[4], 'document.status': cells[6], 'document.signedAt': cells[8] }, ORIGIN, NOW);
    if (!built.ok) throw new Error(built.problem);
    // The status cells' classes differ by status ("st-cosign", "st-signed"): the column is what holds.
    expect(built.profile.documents).toEqual({
      container: '#notesGrid > tbody > tr',
      title: ':scope > td:nth-of-type(4)',
      author: ':scope > td:nth-of-type(5)',
      status: ':scope > td:nth-of-type(7)',
      signedAt: ':scope > td:nth-of-type(9)',
    });
    const s = read(grid, built.profile);
    const status = (title: string) => s.documents.find((d) => d.title.value === title)?.signature.status;
    expect([status('Discharge Summary'), status('Discharge Education'), status('Heart Failure NP Progress Note'), status('IM Resident Progress Note - Hospital Day 3')])
      .toEqual(['unsigned', 'signed', 'pended', 'needs-cosignature']);
    expect(s.documents.find((d) => d.title.value === 'Discharge Education')?.signature.signedAt?.iso).toBe('2026-04-10T10:41');
  });

  it('refuses to build a profile from no clicks', () => {
    expect(buildProfile({}, ORIGIN, NOW)).toEqual({ ok: false, problem: 'Pick at least one element on the page first.' });
  });
});
