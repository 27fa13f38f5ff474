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
});
