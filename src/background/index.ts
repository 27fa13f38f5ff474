/**
 * The service worker: wiring only. It holds the loaded rule packs, evaluates each tab's
 * chart when a frame sends a fresh snapshot, keeps the results, sets the badge and answers
 * the panel. The logic lives in chart/, engine/ and codes/.
 */
import { browser } from '../shared/browser.ts';
import { isMessage, type Message, type TabState } from '../shared/messages.ts';
import { createEvaluator } from '../engine/evaluate.ts';
import { loadPacks } from '../engine/packs.ts';
import type { Runtime } from '../shared/browser.ts';
import { BUNDLED_PACK_FILES } from './bundled-packs.ts';
import { showBadge } from './badge.ts';
import { chartOf, forgetTab, getTab, putFrame, saveFindings } from './tab-states.ts';
import { openPanelOnActionClick } from './panel-opening.ts';
import { isChartEmpty } from '../chart/is-empty.ts';
import { keepEnabledSitesInSync } from './site-access.ts';

const { packs, errors: packErrors } = loadPacks(BUNDLED_PACK_FILES);
for (const error of packErrors) console.warn(`chartlint: rule pack ${error.pack}, ${error.file}${error.rule ? `, rule ${error.rule}` : ''}: ${error.message}`);
const evaluator = createEvaluator(packs);

/** Per tab, one evaluation at a time, in arrival order, so a slow run never overwrites a newer one. */
const queues = new Map<number, Promise<void>>();
function enqueue(tabId: number, work: () => Promise<void>): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(work).catch((error: unknown) => {
    console.error('chartlint: evaluation failed', error);
  });
  queues.set(tabId, next);
  return next;
}

async function onSnapshot(message: Extract<Message, { type: 'cs-bg-snapshot' }>, sender: Runtime.MessageSender): Promise<void> {
  const tabId = sender.tab?.id;
  if (tabId === undefined) return;
  const frameId = sender.frameId ?? 0;
  await enqueue(tabId, async () => {
    const record = await putFrame(tabId, frameId, message.snapshot, frameId === 0 ? sender.url : undefined);
    const findings = await evaluator.evaluate(chartOf(record));
    await saveFindings(tabId, record, findings);
    await showBadge(tabId, findings);
    await browser.runtime.sendMessage({ type: 'bg-panel-tab-updated', tabId } satisfies Message).catch(() => {
      // No panel open: nobody to tell.
    });
  });
}

async function tabState(tabId: number): Promise<TabState> {
  const record = await getTab(tabId);
  if (record) {
    const snapshot = chartOf(record);
    return {
      tabId,
      status: isChartEmpty(snapshot) ? 'no-chart' : 'ready',
      url: record.url,
      snapshot,
      findings: record.findings,
      packErrors,
      updatedAt: record.updatedAt,
    };
  }
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const enabled = tab?.url ? await browser.permissions.contains({ origins: [`${new URL(tab.url).origin}/*`] }).catch(() => false) : false;
  return { tabId, status: enabled ? 'waiting' : 'not-enabled', url: tab?.url, findings: [], packErrors };
}

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  if (!isMessage(message)) return undefined;
  switch (message.type) {
    case 'cs-bg-snapshot':
      return onSnapshot(message, sender);
    case 'panel-bg-get-tab-state':
      return tabState(message.tabId);
    case 'bg-panel-tab-updated':
      return undefined;
  }
});

browser.tabs.onRemoved.addListener((tabId: number) => {
  void forgetTab(tabId);
});

openPanelOnActionClick();
keepEnabledSitesInSync();
