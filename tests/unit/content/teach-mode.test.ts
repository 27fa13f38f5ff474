import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { isTeachLayer, TeachSession } from '../../../src/content/teach-mode.ts';

function chartPage() {
  const window = new Window({ url: 'http://127.0.0.1:8080/chart' });
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = '<section class="banner"><span class="name">Rivera, Maria L</span><span><b>MRN</b> 4820193</span></section>'
    + '<main><article class="note"><h2>Progress Note</h2><p class="status">Unsigned</p></article><article class="note"><h2>H&amp;P</h2><p class="status">Signed</p></article></main>';
  let pageClicks = 0;
  doc.addEventListener('click', () => pageClicks++);
  return { window, doc, clicks: () => pageClicks };
}

const click = (el: Element) => el.dispatchEvent(new (el.ownerDocument.defaultView as unknown as typeof globalThis).MouseEvent('click', { bubbles: true, cancelable: true }));

describe('teach mode on the page', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('picks the clicked element, which the page never sees clicked, and draws only in its own layer', async () => {
    const { window, doc, clicks } = chartPage();
    close = () => window.happyDOM.close();
    const session = new TeachSession(doc);
    const picking = session.pick('patient.mrn', 'click the MRN');
    const layer = doc.querySelector('chartlint-teach');
    expect(layer && isTeachLayer(layer)).toBe(true);
    // The page's own markup is untouched: the layer is one element after it.
    expect(doc.body.innerHTML).not.toContain('chartlint');
    click(doc.querySelector('.banner > span:nth-of-type(2)')!);
    expect(await picking).toEqual({ field: 'patient.mrn', picked: true, text: '4820193' });
    expect(clicks()).toBe(0);
    expect(doc.querySelector('chartlint-teach')).toBeNull();
    // Teach mode over, the page's clicks are its own again.
    click(doc.querySelector('h2')!);
    expect(clicks()).toBe(1);
  });

  it('Escape cancels a pick; a new pick cancels the one before', async () => {
    const { window, doc } = chartPage();
    close = () => window.happyDOM.close();
    const session = new TeachSession(doc);
    const first = session.pick('patient.name', 'click the name');
    const second = session.pick('patient.dob', 'click the date of birth');
    expect(await first).toEqual({ field: 'patient.name', picked: false });
    window.dispatchEvent(new window.KeyboardEvent('keydown', { key: 'Escape', cancelable: true }));
    expect(await second).toEqual({ field: 'patient.dob', picked: false });
    expect(session.finish('2026-12-07T02:00:00Z')).toEqual({ ok: false, problem: 'Pick at least one element on the page first.' });
  });

  it('turns the picks into a profile of the page’s origin', async () => {
    const { window, doc } = chartPage();
    close = () => window.happyDOM.close();
    const session = new TeachSession(doc);
    const name = session.pick('patient.name', 'click the name');
    click(doc.querySelector('.name')!);
    await name;
    const status = session.pick('document.status', 'click the status');
    click(doc.querySelector('article .status')!);
    await status;
    expect(session.finish('2026-12-07T02:00:00Z')).toEqual({
      ok: true,
      profile: {
        format: 'chartlint-site-profile', version: 1, origin: 'http://127.0.0.1:8080', updatedAt: '2026-12-07T02:00:00Z',
        patient: { name: 'span.name' },
        documents: { container: 'main > article.note', status: ':scope > p.status' },
      },
    });
    session.stop();
    expect(session.finish('2026-12-07T02:00:00Z').ok).toBe(false);
  });
});
