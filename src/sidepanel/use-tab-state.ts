import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { isMessage, type Message, type TabState } from '../shared/messages.ts';

/**
 * The tab the panel reports on: `?tab=<id>` when given (tests open the panel page as a tab),
 * else the active tab of this window, following the user as they switch tabs.
 */
export function useTabState(): TabState | undefined {
  const [tabId, setTabId] = useState<number | undefined>(fixedTabId());
  const [state, setState] = useState<TabState>();

  useEffect(() => {
    if (fixedTabId() !== undefined) return undefined;
    const follow = () => {
      void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => setTabId(tab?.id));
    };
    follow();
    browser.tabs.onActivated.addListener(follow);
    browser.tabs.onUpdated.addListener(follow);
    return () => {
      browser.tabs.onActivated.removeListener(follow);
      browser.tabs.onUpdated.removeListener(follow);
    };
  }, []);

  useEffect(() => {
    if (tabId === undefined) return undefined;
    let current = true;
    const refresh = () => {
      const request: Message = { type: 'panel-bg-get-tab-state', tabId };
      void browser.runtime.sendMessage(request).then((answer) => {
        if (current) setState(answer as TabState);
      });
    };
    const onMessage = (message: unknown) => {
      if (isMessage(message) && message.type === 'bg-panel-tab-updated' && message.tabId === tabId) refresh();
    };
    refresh();
    browser.runtime.onMessage.addListener(onMessage);
    return () => {
      current = false;
      browser.runtime.onMessage.removeListener(onMessage);
    };
  }, [tabId]);

  return state;
}

function fixedTabId(): number | undefined {
  const value = new URLSearchParams(location.search).get('tab');
  return value && /^\d+$/.test(value) ? Number(value) : undefined;
}
