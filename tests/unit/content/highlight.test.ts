import { Window } from 'happy-dom';
import { afterEach, describe, expect, it } from 'vitest';
import { highlight, locate } from '../../../src/content/highlight.ts';

// Web components: a note card whose shadow root holds a signature block, itself a component
// with a shadow root of its own.
function componentPage() {
  const window = new Window({ url: 'http://127.0.0.1/chart' });
  const doc = window.document as unknown as Document;
  doc.body.innerHTML = '<p class="sig">Pending signature</p><note-card id="n1"></note-card>';
  const card = doc.querySelector('#n1')!.attachShadow({ mode: 'open' });
  card.innerHTML = '<article><h2>Progress Note</h2><sig-block></sig-block></article>';
  const sig = card.querySelector('sig-block')!.attachShadow({ mode: 'open' });
  sig.innerHTML = '<p class="sig">Pending signature</p>';
  return { window, doc, inner: sig.querySelector('.sig')! };
}

describe('highlight inside open shadow roots', () => {
  let close: (() => Promise<void>) | undefined;
  afterEach(async () => close?.());

  it('follows the shadow hosts, outermost first, to the element inside the innermost root', () => {
    const { window, doc, inner } = componentPage();
    close = () => window.happyDOM.close();
    const ref = { selector: 'p.sig', shadowHosts: ['#n1', 'article > sig-block'], text: 'Pending signature' };
    expect(locate(doc, ref)).toBe(inner);
    expect(highlight(doc, ref)).toBe(true);
    expect(doc.querySelectorAll('chartlint-layer')).toHaveLength(1);
  });

  it('without shadow hosts, finds the light-DOM element of the same selector', () => {
    const { window, doc, inner } = componentPage();
    close = () => window.happyDOM.close();
    const found = locate(doc, { selector: 'p.sig', text: 'Pending signature' });
    expect(found).toBe(doc.querySelector('body > p.sig'));
    expect(found).not.toBe(inner);
  });

  it('gives up on a host that is gone or has no open shadow root, and on drifted text', () => {
    const { window, doc } = componentPage();
    close = () => window.happyDOM.close();
    expect(locate(doc, { selector: 'p.sig', shadowHosts: ['#n2'], text: 'Pending signature' })).toBeUndefined();
    expect(locate(doc, { selector: 'p.sig', shadowHosts: ['#n1', 'h2'], text: 'Pending signature' })).toBeUndefined();
    expect(locate(doc, { selector: 'p.sig', shadowHosts: ['#n1', 'article > sig-block'], text: 'Signed by Ann Lee' })).toBeUndefined();
    expect(highlight(doc, { selector: 'p.sig', shadowHosts: ['#n2'], text: 'Pending signature' })).toBe(false);
  });

  it('reaches a named frame only through the document that holds it', () => {
    const { window, doc } = componentPage();
    close = () => window.happyDOM.close();
    // No such frame here: a ref read through a frame is not this document's.
    expect(locate(doc, { selector: 'p.sig', frame: 'content', text: 'Pending signature' })).toBeUndefined();
  });
});

describe('highlight through a frame its document read', () => {
  it('follows `ref.frame` (name, id or src) into the same-origin frame and draws the box there', async () => {
    const window = new Window({ url: 'http://127.0.0.1/chart' });
    const doc = window.document as unknown as Document;
    // happy-dom loads an srcdoc frame (not a src one): enough to stand for a same-origin frame.
    doc.body.innerHTML = '<p class="sig">Signed by Ann Lee</p><iframe name="content" srcdoc="<p class=&quot;sig&quot;>Pending signature</p>"></iframe>';
    await window.happyDOM.waitUntilComplete();
    const frameDoc = (doc.querySelector('iframe') as HTMLIFrameElement).contentDocument!;
    const ref = { selector: 'p.sig', frame: 'content', text: 'Pending signature' };
    expect(locate(doc, ref)).toBe(frameDoc.querySelector('p.sig'));
    expect(highlight(doc, ref)).toBe(true);
    expect(frameDoc.querySelectorAll('chartlint-layer')).toHaveLength(1);
    expect(locate(doc, { ...ref, frame: 'orders' })).toBeUndefined();
    await window.happyDOM.close();
  });
});
