import { useEffect, useState } from 'preact/hooks';
import type { ChartSnapshot } from '../chart/snapshot.ts';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';

/**
 * The chart as chartlint read it, for the Chart view. Asked for only while that view shows and
 * again when the tab's reading changes (`version`): a chart of thousands of notes is megabytes,
 * too much to send with every update of the findings.
 */
export function useChartSnapshot(tabId: number, version: string | undefined): { snapshot?: ChartSnapshot; failed: boolean } {
  const [state, setState] = useState<{ snapshot?: ChartSnapshot; failed: boolean }>({ failed: false });
  useEffect(() => {
    let current = true;
    const request: Message = { type: 'panel-bg-get-snapshot', tabId };
    browser.runtime.sendMessage(request).then(
      (answer) => {
        if (current) setState({ snapshot: (answer ?? undefined) as ChartSnapshot | undefined, failed: answer === null || answer === undefined });
      },
      (error: unknown) => {
        console.debug('chartlint: could not get the chart', error);
        if (current) setState({ failed: true });
      },
    );
    return () => {
      current = false;
    };
  }, [tabId, version]);
  return state;
}
