/**
 * The service worker: wiring only. It holds the loaded rule packs, evaluates each tab's
 * chart when a frame sends a fresh snapshot, keeps the results, sets the badge and answers
 * the panel. The logic lives in chart/, engine/, codes/ and storage/.
 */
import { changedDocumentIds } from '../chart/changed-documents.ts';
import { chartKeyOf } from '../chart/chart-key.ts';
import type { ChartSnapshot } from '../chart/snapshot.ts';
import { isChartEmpty } from '../chart/is-empty.ts';
import { browser, type Runtime } from '../shared/browser.ts';
import { isMessage, type Message, type TabState } from '../shared/messages.ts';
import { recordAudit } from '../storage/audit.ts';
import { dismiss, undismiss } from '../storage/dismissals.ts';
import { acceptCode, removeCode, workingCodes } from '../storage/working-codes.ts';
import { showBadge } from './badge.ts';
import { loadCodeTables, useImportedRelease } from './code-tables.ts';
import { database } from '../storage/database.ts';
import { splitByDismissal } from './findings-view.ts';
import { openPanelOnActionClick } from './panel-opening.ts';
import { applyRetention } from './retention.ts';
import { loadedRules, reloadRules } from './rule-engine.ts';
import { guardFor } from '../storage/settings.ts';
import { keepEnabledSitesInSync } from './site-access.ts';
import { chartOf, forgetTab, getTab, putFrame, saveFindings, type TabRecord } from './tab-states.ts';

loadCodeTables();
void loadedRules();
void applyRetention();

/** Per tab, one evaluation at a time, in arrival order, so a slow run never overwrites a newer one. */
const queues = new Map<number, Promise<void>>();
function enqueue(tabId: number, work: () => Promise<void>): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(work).catch((error: unknown) => {
    console.error('chartlint: evaluation failed', error);
  });
  queues.set(tabId, next);
  return next;
}

/** Badge, panels and the page's submit guard all follow the tab's open findings. */
async function publish(tabId: number): Promise<void> {
  const record = await getTab(tabId);
  if (!record) return;
  const { open } = await splitByDismissal(chartOf(record), record.findings);
  await showBadge(tabId, open);
  const { settings } = await loadedRules();
  const guard = guardFor(settings, record.url ? new URL(record.url).origin : '');
  const errors = guard.enabled
    ? open.filter((f) => guard.blockOn.includes(f.severity)).map((f) => ({ rule: f.rule, message: f.message }))
    : [];
  const message: Message = { type: 'bg-cs-open-errors', errors, actionButtons: guard.actionButtons };
  await browser.tabs.sendMessage(tabId, message).catch(() => {
    // The page has no content script (not enabled, or gone): nothing to guard.
  });
  await browser.runtime.sendMessage({ type: 'bg-panel-tab-updated', tabId } satisfies Message).catch(() => {
    // No panel open: nobody to tell.
  });
}

/**
 * Judges the tab's chart and tells everyone. Given the chart as it was before this reading,
 * only the documents that changed are re-checked (the keystroke path); without, all are.
 */
async function evaluateTab(tabId: number, record: TabRecord, before?: ChartSnapshot): Promise<void> {
  const { evaluator } = await loadedRules();
  const chart = chartOf(record);
  const changed = changedDocumentIds(before, chart);
  await saveFindings(tabId, record, await evaluator.evaluate(chart, changed ? { changedDocumentIds: changed } : {}));
  await publish(tabId);
}

/** After a change of rules, thresholds or code sets, every open chart is judged again. */
async function reevaluateAllTabs(): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(
    tabs.map(async (tab) => {
      const tabId = tab.id;
      if (tabId === undefined || !(await getTab(tabId))) return;
      await enqueue(tabId, async () => {
        const record = await getTab(tabId);
        if (record) await evaluateTab(tabId, record);
      });
    }),
  );
}

async function tabState(tabId: number): Promise<TabState> {
  const record = await getTab(tabId);
  if (record) {
    const snapshot = chartOf(record);
    const { open, dismissed } = await splitByDismissal(snapshot, record.findings);
    const { packErrors, evaluator } = await loadedRules();
    return {
      tabId,
      status: isChartEmpty(snapshot) ? 'no-chart' : 'ready',
      url: record.url,
      snapshot,
      findings: open,
      dismissed,
      workingCodes: await workingCodes(await database(), chartKeyOf(snapshot)),
      packErrors: [...packErrors, ...evaluator.errors],
      updatedAt: record.updatedAt,
    };
  }
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  const enabled = tab?.url ? await browser.permissions.contains({ origins: [`${new URL(tab.url).origin}/*`] }).catch(() => false) : false;
  return { tabId, status: enabled ? 'waiting' : 'not-enabled', url: tab?.url, findings: [], dismissed: [], workingCodes: [], packErrors: (await loadedRules()).packErrors };
}

async function chartKeyOfTab(tabId: number): Promise<string | undefined> {
  const record = await getTab(tabId);
  return record && chartKeyOf(chartOf(record));
}

type Handlers = { [T in Message['type']]: (message: Extract<Message, { type: T }>, sender: Runtime.MessageSender) => Promise<unknown> | undefined };

const handlers: Handlers = {
  'cs-bg-snapshot': (message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const frameId = sender.frameId ?? 0;
    return enqueue(tabId, async () => {
      const previous = await getTab(tabId);
      const before = previous && chartOf(previous);
      const record = await putFrame(tabId, frameId, message.snapshot, frameId === 0 ? sender.url : undefined);
      await evaluateTab(tabId, record, before);
    });
  },
  'cs-bg-submit-anyway': async (message, sender) => {
    const tabId = sender.tab?.id;
    const chartKey = tabId === undefined ? undefined : await chartKeyOfTab(tabId);
    await recordAudit(await database(), {
      at: new Date().toISOString(),
      action: 'submitted-despite-errors',
      chartKey,
      detail: { reason: message.reason, rules: message.rules },
    });
  },
  'panel-bg-get-tab-state': (message) => tabState(message.tabId),
  'panel-bg-dismiss': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    await dismiss(await database(), {
      chartKey,
      fingerprint: message.fingerprint,
      rule: message.rule,
      reason: message.reason,
      dismissedAt: new Date().toISOString(),
    });
    await publish(message.tabId);
  },
  'panel-bg-undismiss': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    await undismiss(await database(), chartKey, message.fingerprint);
    await publish(message.tabId);
  },
  'panel-bg-accept-code': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    const { system, code, display } = message.code;
    await acceptCode(await database(), chartKey, { system, code, ...(display ? { display } : {}), rule: message.rule, acceptedAt: new Date().toISOString() });
    await publish(message.tabId);
  },
  'panel-bg-remove-code': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    await removeCode(await database(), chartKey, message.system, message.code);
    await publish(message.tabId);
  },
  'panel-bg-settings-changed': async () => {
    await reloadRules();
    await applyRetention();
    await reevaluateAllTabs();
  },
  'panel-bg-codes-imported': async () => {
    await useImportedRelease();
    await reevaluateAllTabs();
  },
  // Addressed to other contexts.
  'panel-cs-highlight': () => undefined,
  'bg-panel-tab-updated': () => undefined,
  'bg-cs-open-errors': () => undefined,
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  if (!isMessage(message)) return undefined;
  const handler = handlers[message.type] as (m: Message, s: Runtime.MessageSender) => Promise<unknown> | undefined;
  return handler(message, sender);
});

browser.tabs.onRemoved.addListener((tabId: number) => {
  void forgetTab(tabId);
});

openPanelOnActionClick();
keepEnabledSitesInSync();
