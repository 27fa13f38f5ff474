/**
 * The service worker: wiring only. It holds the loaded rule packs, evaluates each tab's
 * chart when a frame sends a fresh snapshot, keeps the results, sets the badge and answers
 * the panel. The logic lives in chart/, engine/, codes/ and storage/.
 */
import { changedDocumentIds } from '../chart/changed-documents.ts';
import { browser, type Runtime, type Tabs } from '../shared/browser.ts';
import { isMessage, type Message, type SnapshotUpdateAnswer, type TabState } from '../shared/messages.ts';
import { recordAudit } from '../storage/audit.ts';
import { dismiss, undismiss } from '../storage/dismissals.ts';
import { acceptCode, removeCode, workingCodes } from '../storage/working-codes.ts';
import { showBadge } from './badge.ts';
import { loadCodeTables, useImportedRelease } from './code-tables.ts';
import { database } from '../storage/database.ts';
import { splitByDismissal } from './findings-view.ts';
import { openPanelOnActionClick } from './panel-opening.ts';
import { addReviewPagesMenu } from './review-pages-menu.ts';
import { applyRetention } from './retention.ts';
import { currentDrg, noteCodeDecision, noteDismissal, noteQueryDrafted, noteQueryOutcome, noteUndismissal, reviewStateOf } from './review-actions.ts';
import { forgetPendingReviews, reviewSoon } from './review-recorder.ts';
import { loadedRules, reloadRules } from './rule-engine.ts';
import { guardFor } from '../storage/settings.ts';
import { siteProfileFor } from '../storage/site-profiles.ts';
import { keepEnabledSitesInSync, mayRead } from './site-access.ts';
import { readLargePages } from './markup-reading.ts';
import { chartOf, forgetAllTabs, forgetTab, getTab, putFrame, saveFindings, updatedReading, whenRestored, type TabRecord } from './tab-states.ts';
import { workingDrgOf } from './working-drg.ts';

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
  const { open } = await splitByDismissal(record.chartKey, record.findings);
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
 * Judges the tab's chart and tells everyone. Given the ids of the documents that changed since
 * the last judgement, only those are re-checked (the keystroke path); without, all are.
 */
async function evaluateTab(tabId: number, record: TabRecord, changed?: string[]): Promise<void> {
  // Brought back without its readings: the page has been asked to read its chart again.
  if (record.frames.length === 0) return;
  const { evaluator } = await loadedRules();
  saveFindings(tabId, record, await evaluator.evaluate(chartOf(record), changed ? { changedDocumentIds: changed } : {}));
  // The review record (worklist, dashboard) follows each chart's findings, a write at most every 2 s.
  if (!record.empty) reviewSoon(tabId, record.chartKey);
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
  if (record?.url !== undefined && !(await mayRead(record.url))) await enqueue(tabId, () => forgetSite(tabId));
  else if (record) {
    const { open, dismissed } = await splitByDismissal(record.chartKey, record.findings);
    const { packErrors, evaluator } = await loadedRules();
    return {
      tabId,
      status: record.empty ? 'no-chart' : 'ready',
      url: record.url,
      findings: open,
      dismissed,
      workingCodes: await workingCodes(await database(), record.chartKey),
      packErrors: [...packErrors, ...evaluator.errors],
      updatedAt: record.updatedAt,
      ...(record.coverage ? { coverage: record.coverage } : {}),
      ...(await workingDrgOf(record, open)),
      ...(await reviewStateOf(record.chartKey)),
    };
  }
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  return { tabId, status: (await mayRead(tab?.url)) ? 'waiting' : 'not-enabled', url: tab?.url, findings: [], dismissed: [], workingCodes: [], packErrors: (await loadedRules()).packErrors };
}

async function chartKeyOfTab(tabId: number): Promise<string | undefined> {
  return (await getTab(tabId))?.chartKey;
}

/**
 * The page a reading came from, for the permission check: the frame's own address (an enabled
 * EHR may sit in a frame of a portal that is not), or the tab's for about:blank-like frames.
 */
function senderPage(sender: Runtime.MessageSender): string | undefined {
  return sender.url?.startsWith('http') ? sender.url : sender.tab?.url;
}

type Handlers = { [T in Message['type']]: (message: Extract<Message, { type: T }>, sender: Runtime.MessageSender) => Promise<unknown> | undefined };

const handlers: Handlers = {
  'cs-bg-snapshot': (message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const frameId = sender.frameId ?? 0;
    return enqueue(tabId, async () => {
      if (!(await mayRead(senderPage(sender)))) return;
      const previous = await getTab(tabId);
      const before = previous && chartOf(previous);
      const record = await putFrame(tabId, frameId, message.snapshot, frameId === 0 ? sender.url : undefined, message.seq);
      await evaluateTab(tabId, record, changedDocumentIds(before, chartOf(record)));
    });
  },
  'cs-bg-snapshot-update': async (message, sender) => {
    const tabId = sender.tab?.id;
    if (tabId === undefined) return undefined;
    const frameId = sender.frameId ?? 0;
    let answer: SnapshotUpdateAnswer = { needWhole: false };
    await enqueue(tabId, async () => {
      if (!(await mayRead(senderPage(sender)))) return;
      const updated = updatedReading(await getTab(tabId), frameId, message);
      if (!updated) {
        answer = { needWhole: true };
        return;
      }
      const record = await putFrame(tabId, frameId, updated.snapshot, frameId === 0 ? sender.url : undefined, message.seq);
      await evaluateTab(tabId, record, updated.changedIds);
    });
    return answer;
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
  'panel-bg-get-snapshot': async (message) => {
    const record = await getTab(message.tabId);
    return record && record.frames.length > 0 ? chartOf(record) : null;
  },
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
    await noteDismissal(chartKey, message.fingerprint, message.reason, message.initials);
    await publish(message.tabId);
  },
  'panel-bg-undismiss': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    await undismiss(await database(), chartKey, message.fingerprint);
    await noteUndismissal(chartKey, message.fingerprint);
    await publish(message.tabId);
  },
  'panel-bg-accept-code': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    const { system, code, display } = message.code;
    const drgBefore = await currentDrg(message.tabId);
    await acceptCode(await database(), chartKey, { system, code, ...(display ? { display } : {}), rule: message.rule, acceptedAt: new Date().toISOString() });
    const drgAfter = await currentDrg(message.tabId);
    await noteCodeDecision(message.tabId, { chartKey, code: message.code, rule: message.rule, decision: 'accepted', ...(message.fingerprint ? { fingerprint: message.fingerprint } : {}), ...(drgBefore ? { drgBefore } : {}), ...(drgAfter ? { drgAfter } : {}) });
    await publish(message.tabId);
  },
  'panel-bg-reject-code': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    const { tabId, code, rule, fingerprint, reason, initials } = message;
    await noteCodeDecision(tabId, { chartKey, code, rule, fingerprint, decision: 'rejected', reason, ...(initials ? { initials } : {}) });
    await publish(tabId);
  },
  'panel-bg-query-drafted': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    await noteQueryDrafted(message.tabId, chartKey, message.fingerprint, message.rule);
    await publish(message.tabId);
  },
  'panel-bg-query-outcome': async (message) => {
    const chartKey = await chartKeyOfTab(message.tabId);
    if (!chartKey) return;
    await noteQueryOutcome(message.tabId, chartKey, message.id, message.outcome, message.initials);
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
  'panel-bg-erased': async () => {
    forgetPendingReviews();
    await forgetAllTabs();
    await reloadRules();
    await useImportedRelease();
    const tabs = await browser.tabs.query({});
    const readAgain: Message = { type: 'bg-cs-read-again' };
    const withIds = tabs.flatMap((tab) => (tab.id === undefined ? [] : [tab.id]));
    await Promise.all(withIds.map((id) => browser.tabs.sendMessage(id, readAgain).catch(() => {
      // No content script in that tab: nothing was read there.
    })));
  },
  'cs-bg-get-site-profile': async (_message, sender) => {
    const page = senderPage(sender);
    if (!page || !(await mayRead(page))) return null;
    return (await siteProfileFor(await database(), new URL(page).origin)) ?? null;
  },
  'panel-bg-site-profile-changed': async (message) => {
    // Every tab may show a page of that origin (in any frame): each frame checks its own.
    const profile = (await siteProfileFor(await database(), message.origin)) ?? null;
    const handOver: Message = { type: 'bg-cs-site-profile', origin: message.origin, profile };
    const tabs = await browser.tabs.query({});
    await Promise.all(tabs.flatMap((tab) => (tab.id === undefined ? [] : [browser.tabs.sendMessage(tab.id, handOver).catch(() => {
      // No content script in that tab: nothing to read again.
    })])));
  },
  // Addressed to other contexts.
  'bg-cs-site-profile': () => undefined,
  'panel-cs-teach-pick': () => undefined,
  'panel-cs-teach-finish': () => undefined,
  'panel-cs-teach-stop': () => undefined,
  'panel-cs-highlight': () => undefined,
  'bg-panel-tab-updated': () => undefined,
  'bg-cs-open-errors': () => undefined,
  'bg-cs-read-again': () => undefined,
};

browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender): Promise<unknown> | undefined => {
  if (!isMessage(message)) return undefined;
  const handler = handlers[message.type] as (m: Message, s: Runtime.MessageSender) => Promise<unknown> | undefined;
  return handler(message, sender);
});

// After a restart, a tab's findings come back from session storage but its chart does not
// (see TabRecord): its page reads the chart again and sends it whole.
whenRestored((tabId) => {
  void browser.tabs.sendMessage(tabId, { type: 'bg-cs-read-again' } satisfies Message).catch(() => undefined);
});

browser.tabs.onRemoved.addListener((tabId: number) => {
  void forgetTab(tabId);
});

// A tab that starts loading is leaving the page that was read (a link, a reload, another
// chart): until the new page reports, the panel says it is reading rather than show the last
// page's findings as this one's. Chromium says "loading" for a history.pushState too, where
// the page stays: it is asked to read again, so its record comes back either way (a page that
// is really gone has no content script to answer).
browser.tabs.onUpdated.addListener((tabId: number, change: Tabs.OnUpdatedChangeInfoType) => {
  if (change.status !== 'loading') return;
  void enqueue(tabId, async () => {
    if (!(await getTab(tabId))) return;
    await forgetTab(tabId);
    await showBadge(tabId, []);
    await browser.runtime.sendMessage({ type: 'bg-panel-tab-updated', tabId } satisfies Message).catch(() => undefined);
    await browser.tabs.sendMessage(tabId, { type: 'bg-cs-read-again' } satisfies Message).catch(() => undefined);
  });
});

/**
 * A tab whose site was revoked: its reading and findings go, and its page (whose content script
 * lives on until reloaded) is told no error stands in the way of a submission any more.
 */
async function forgetSite(tabId: number): Promise<void> {
  await forgetTab(tabId);
  const { settings } = await loadedRules();
  const noErrors: Message = { type: 'bg-cs-open-errors', errors: [], actionButtons: guardFor(settings, '').actionButtons };
  await browser.tabs.sendMessage(tabId, noErrors).catch(() => undefined);
  await showBadge(tabId, []);
  await browser.runtime.sendMessage({ type: 'bg-panel-tab-updated', tabId } satisfies Message).catch(() => undefined);
}

browser.permissions.onRemoved.addListener(() => {
  void browser.tabs.query({}).then((tabs) =>
    Promise.all(tabs.map(async ({ id }) => {
      const record = id === undefined ? undefined : await getTab(id);
      if (id !== undefined && record?.url !== undefined && !(await mayRead(record.url))) await enqueue(id, () => forgetSite(id));
    })),
  );
});

openPanelOnActionClick();
keepEnabledSitesInSync();
addReviewPagesMenu();
// A large page's reading, made off its main thread, is taken as the frame's snapshot.
readLargePages((snapshot, seq, sender) => handlers['cs-bg-snapshot']({ type: 'cs-bg-snapshot', snapshot, seq }, sender) ?? Promise.resolve());
