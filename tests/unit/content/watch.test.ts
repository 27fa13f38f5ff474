import { Window } from 'happy-dom';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { watchChart } from '../../../src/content/watch.ts';

describe('watchChart', () => {
  afterEach(() => vi.useRealTimers());

  it('calls back once after the page has been quiet, however many changes came before', async () => {
    const window = new Window();
    const document = window.document as unknown as Document;
    document.body.innerHTML = '<textarea></textarea><p>x</p>';
    const onChange = vi.fn();
    const stop = watchChart(document, onChange, 50);
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('div'));
    document.querySelector('textarea')!.dispatchEvent(new window.Event('input', { bubbles: true }) as unknown as Event);
    await new Promise((done) => setTimeout(done, 20));
    expect(onChange).not.toHaveBeenCalled();
    await new Promise((done) => setTimeout(done, 80));
    expect(onChange).toHaveBeenCalledTimes(1);
    stop();
    document.body.append(document.createElement('div'));
    await new Promise((done) => setTimeout(done, 80));
    expect(onChange).toHaveBeenCalledTimes(1);
    await window.happyDOM.close();
  });

  it('hears a status or text set by script, and hands over what changed; ignores its own layer', async () => {
    const window = new Window();
    const document = window.document as unknown as Document;
    document.body.innerHTML = '<footer data-status="unsigned">Unsigned</footer><div id="layer"></div>';
    const layer = document.querySelector('#layer')!;
    const onChange = vi.fn();
    const heard: (readonly MutationRecord[] | Event)[] = [];
    const stop = watchChart(document, onChange, 20, (node) => node === layer || layer.contains(node), (change) => heard.push(change));
    const quiet = () => new Promise((done) => setTimeout(done, 60));
    layer.setAttribute('data-x', '1');
    await quiet();
    expect(onChange).not.toHaveBeenCalled();
    const footer = document.querySelector('footer')!;
    footer.setAttribute('data-status', 'signed');
    await quiet();
    expect(onChange).toHaveBeenCalledTimes(1);
    (footer.firstChild as Text).data = 'Signed';
    await quiet();
    expect(onChange).toHaveBeenCalledTimes(2);
    const records = heard.filter((change): change is readonly MutationRecord[] => Array.isArray(change)).flat();
    expect(records.map((r) => r.type)).toEqual(['attributes', 'characterData']);
    stop();
    await window.happyDOM.close();
  });
});
