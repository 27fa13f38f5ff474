import { useEffect, useState } from 'preact/hooks';
import type { ChartSnapshot } from '../chart/snapshot.ts';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';

/**
 * The chart as chartlint read it, for the Chart view. Asked for only while that view shows and
 * again when the tab's reading changes (`version`): a chart of thousands of notes is megabytes,
 * too much to send with every update of the findings.
 */
export function useChartSnapshot(tabId: number, version: string | undefined): ChartSnapshot | undefined {
  const [snapshot, setSnapshot] = useState<ChartSnapshot>();
  useEffect(() => {
    let current = true;
    const request: Message = { type: 'panel-bg-get-snapshot', tabId };
    void browser.runtime.sendMessage(request).then((answer) => {
      if (current) setSnapshot((answer ?? undefined) as ChartSnapshot | undefined);
    });
    return () => {
      current = false;
    };
  }, [tabId, version]);
  return snapshot;
}
