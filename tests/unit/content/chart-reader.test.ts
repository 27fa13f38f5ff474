import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { demoEhr } from '../../../src/chart/adapters/demo-ehr.ts';
import { extractFromDom } from '../../../src/chart/extract.ts';
import type { ChartSnapshot } from '../../../src/chart/snapshot.ts';
import { applyUpdate } from '../../../src/chart/snapshot-update.ts';
import { ChartReader, type Reading } from '../../../src/content/chart-reader.ts';
import { pageMarkup } from '../../../src/content/page-markup.ts';
import { Slices } from '../../../src/content/slices.ts';
import { readMarkup } from '../../../src/offscreen/read-markup.ts';
import { loadHtml } from '../chart/load-page.ts';

const URL_ = 'http://127.0.0.1/chart.html';
const NOW = '2026-11-24T12:00:00Z';
const demo = readFileSync(new URL('../../fixtures/demo-ehr/chart.html', import.meta.url), 'utf8');

/** The demo chart, its notes section holding `extra` more notes (unnamed: ids by position). */
function chartWith(extra: number): string {
  const note = (i: number) =>
    `<article class="note" data-note-type="Nursing Note"><header class="note-header"><h3 class="note-title">Nursing Note ${i}</h3><div class="note-meta"><span class="note-author">Alex Rivers, RN</span> · <span class="note-role">Nurse</span> · <span class="note-created">11/21/2026 08:00</span></div></header><div class="note-body"><h4>Assessment</h4><textarea>note ${i}</textarea><p>Vitals stable.</p></div><footer class="signature" data-status="signed">Electronically signed by Alex Rivers, RN on 11/21/2026 08:30</footer></article>`;
  const filler = Array.from({ length: extra }, (_, i) => note(i)).join('\n');
  return demo.replace('</section>\n\n    <section class="orders"', `${filler}\n</section>\n\n    <section class="orders"`);
}

/** A page, a reader on it fed by a real MutationObserver, and the worker's view of the chart. */
function session(html: string) {
  const document = loadHtml(html, URL_);
  const reader = new ChartReader(document);
  const Observer = (document.defaultView as unknown as { MutationObserver: typeof MutationObserver }).MutationObserver;
  const observer = new Observer(() => undefined);
  observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  let held: ChartSnapshot | undefined;
  const readDocument = vi.spyOn(demoEhr.parts!, 'readDocument');
  /** Reads; `whole` when every note on the page was read again (a whole reading). */
  const read = (): Reading & { whole: boolean } => {
    reader.noteMutations(observer.takeRecords());
    readDocument.mockClear();
    const reading = reader.read(URL_, NOW);
    if (reading.kind === 'full') held = reading.snapshot;
    if (reading.kind === 'update') held = applyUpdate(held!, { base: 0, seq: 1, ...reading });
    const notes = document.querySelectorAll('article.note').length;
    return { ...reading, whole: notes > 2 && readDocument.mock.calls.length === notes };
  };
  /** What a fresh whole reading of the page gives now: the worker's view must equal it. */
  const fresh = () => extractFromDom({ document, url: URL_, now: NOW });
  return { document, reader, read, held: () => held, fresh };
}

describe('ChartReader: reads only what changed', () => {
  afterEach(() => vi.restoreAllMocks());

  it('reads the whole chart first, as extractFromDom does', () => {
    const s = session(chartWith(3));
    const first = s.read();
    expect(first.kind).toBe('full');
    expect(s.held()).toEqual(s.fresh());
    expect(s.read().kind).toBe('unchanged');
  });

  it('after typing in a note, sends that note alone, and the worker’s chart equals a whole reading', () => {
    const s = session(chartWith(20));
    s.read();
    const textarea = s.document.querySelectorAll('article.note textarea')[7] as HTMLTextAreaElement;
    textarea.value = 'patient resting, pain 3/10';
    s.reader.noteInput(textarea);
    const reading = s.read();
    expect(reading.kind).toBe('update');
    if (reading.kind !== 'update') return;
    expect(reading.changed).toHaveLength(1);
    expect(reading.changed[0]!.document.sections.map((x) => x.text).join(' ')).toContain('pain 3/10');
    expect(s.held()).toEqual(s.fresh());
  });

  it('after a text change inside a note (script or editor), sends that note', () => {
    const s = session(chartWith(5));
    s.read();
    const footer = s.document.querySelectorAll('article.note footer.signature')[2]!;
    footer.setAttribute('data-status', 'unsigned');
    footer.firstChild!.textContent = 'Unsigned';
    const reading = s.read();
    expect(reading.kind).toBe('update');
    if (reading.kind === 'update') expect(reading.changed.map((c) => c.index)).toEqual([2]);
    expect(s.held()).toEqual(s.fresh());
  });

  it('after a change outside the notes (a form field), sends the rest and no note', () => {
    const s = session(chartWith(5));
    s.read();
    const field = s.document.querySelector('#dx-admitting') as HTMLInputElement;
    field.value = 'Pneumonia';
    s.reader.noteInput(field);
    const reading = s.read();
    expect(reading.kind).toBe('update');
    if (reading.kind === 'update') expect(reading.changed).toEqual([]);
    expect(s.held()).toEqual(s.fresh());
  });

  it('reads the whole page when a note is added or removed, or siblings before notes move', () => {
    const s = session(chartWith(5));
    s.read();
    const notes = s.document.querySelectorAll('article.note');
    notes[1]!.remove();
    expect(s.read()).toMatchObject({ kind: 'full', whole: true });
    expect(s.held()).toEqual(s.fresh());
    // An article inserted before the notes shifts their :nth-of-type selectors.
    notes[0]!.before(s.document.createElement('article'));
    expect(s.read().whole).toBe(true);
    expect(s.held()).toEqual(s.fresh());
  });

  it('does not read the whole page for a toast appended after everything', () => {
    const s = session(chartWith(5));
    s.read();
    const toast = s.document.createElement('div');
    toast.textContent = 'Saved';
    s.document.body.append(toast);
    expect(s.read().whole).toBe(false);
    expect(s.held()).toEqual(s.fresh());
  });

  it('reads the whole page when an element becomes a note, or the URL changes', () => {
    const s = session(chartWith(2));
    s.read();
    const section = s.document.querySelector('article.note')!.parentElement!;
    const plain = s.document.createElement('div');
    section.append(plain);
    s.read();
    const article = s.document.createElement('article');
    plain.append(article);
    expect(s.read().whole).toBe(false);
    article.className = 'note';
    expect(s.read()).toMatchObject({ kind: 'full', whole: true });
    expect(s.held()).toEqual(s.fresh());
    expect(s.reader.read('http://127.0.0.1/chart.html#other', NOW).kind).toBe('full');
  });

  it('reads the whole page again when told the worker lost it', () => {
    const s = session(chartWith(2));
    s.read();
    expect(s.read().kind).toBe('unchanged');
    s.reader.forgetReading();
    expect(s.read().kind).toBe('full');
  });

  it('reads every time in whole a page whose adapter has no parts (generic)', () => {
    const s = session('<html><body><h1>Progress note</h1><p>Patient: Jane Roe</p><p>MRN: 1234567</p></body></html>');
    expect(s.read().kind).toBe('full');
    s.document.querySelector('p')!.textContent = 'Patient: John Roe';
    expect(s.read().kind).toBe('full');
    expect(s.held()).toEqual(s.fresh());
  });

  it('keeps the worker’s chart equal to a whole reading through a random run of edits', () => {
    const s = session(chartWith(30));
    s.read();
    let seed = 7;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const kinds = new Set<boolean>();
    for (let step = 0; step < 60; step++) {
      const notes = s.document.querySelectorAll('article.note');
      const note = notes[random(notes.length)]!;
      switch (random(5)) {
        case 0: {
          const textarea = note.querySelector('textarea');
          if (textarea) {
            textarea.value = `typed ${step}`;
            s.reader.noteInput(textarea);
          }
          break;
        }
        case 1:
          note.querySelector('.note-title')!.textContent = `Progress Note ${step}`;
          break;
        case 2:
          note.querySelector('footer')?.setAttribute('data-status', step % 2 ? 'unsigned' : 'signed');
          break;
        case 3:
          if (notes.length > 5) note.remove();
          break;
        case 4:
          note.after(note.cloneNode(true));
          break;
      }
      kinds.add(s.read().whole);
      expect(s.held()).toEqual(s.fresh());
    }
    // Both paths were taken: whole readings and partial ones.
    expect(kinds).toEqual(new Set([true, false]));
  });
});

describe('applyUpdate', () => {
  it('refuses a position the earlier reading does not have', () => {
    const s = session(chartWith(1));
    s.read();
    const earlier = s.held()!;
    const doc = earlier.documents[0]!;
    expect(applyUpdate(earlier, { base: 0, seq: 1, rest: { ...earlier, documents: [] }, changed: [{ index: earlier.documents.length, document: doc }] })).toBeUndefined();
    expect(applyUpdate(earlier, { base: 0, seq: 1, rest: { ...earlier, documents: [] }, changed: [{ index: 0, document: doc }] })).toEqual(earlier);
  });
});

describe('ChartReader: after a whole reading elsewhere (a large page, page-markup.ts)', () => {
  afterEach(() => vi.restoreAllMocks());

  /** The page written out and read from its markup, as the offscreen document does. */
  async function readElsewhere(document: Document): Promise<ChartSnapshot> {
    const markup = await pageMarkup(document, { nodes: 120_000, optionsPerSelect: 500, chars: 100_000 }, new Slices());
    return readMarkup({ type: 'cs-bg-read-markup', html: markup.html, url: URL_, now: NOW, seq: 1, profile: null, truncated: false, warnings: [] }, (html) => loadHtml(html, URL_));
  }

  it('reads a change inside one note here, that note alone, and the worker’s chart equals a whole reading', async () => {
    const s = session(chartWith(20));
    const held = await readElsewhere(s.document);
    expect(held).toEqual(s.fresh());
    expect(s.reader.readChangesOnly(URL_, NOW)).toBeUndefined();
    s.reader.readElsewhereDone(URL_, held.documents.length);
    const textarea = s.document.querySelectorAll('article.note textarea')[7] as HTMLTextAreaElement;
    textarea.value = 'typed in note 7';
    s.reader.noteInput(textarea);
    const readDocument = vi.spyOn(demoEhr.parts!, 'readDocument');
    readDocument.mockClear();
    const reading = s.reader.readChangesOnly(URL_, NOW);
    expect(reading?.kind).toBe('update');
    if (reading?.kind !== 'update') return;
    expect(readDocument).toHaveBeenCalledTimes(1);
    expect(reading.changed.map((c) => c.index)).toEqual([[...s.document.querySelectorAll('article.note')].indexOf(textarea.closest('article.note')!)]);
    expect(applyUpdate(held, { base: 1, seq: 2, ...reading })).toEqual(s.fresh());
  });

  it('reads whole again when the documents do not match up, or the page moved on', async () => {
    const s = session(chartWith(5));
    const held = await readElsewhere(s.document);
    s.reader.readElsewhereDone(URL_, held.documents.length + 1);
    expect(s.reader.readChangesOnly(URL_, NOW)).toBeUndefined();
    s.reader.readElsewhereDone(URL_, held.documents.length);
    expect(s.reader.readChangesOnly(`${URL_}#other`, NOW)).toBeUndefined();
    expect(s.reader.readChangesOnly(URL_, NOW)).toBeDefined();
  });
});
