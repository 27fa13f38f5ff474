/**
 * The content script: reads the chart in this frame and sends it to the service worker, again
 * whenever the page changes; highlights evidence the panel points at; asks before a submission
 * while errors are open. It runs inside the user's EHR, so it fails open: any error is logged
 * and swallowed, and it never edits the page's own DOM or data.
 */
import { adaptersWithProfile } from '../chart/adapters/index.ts';
import type { SiteProfile } from '../chart/site-profile/format.ts';
import { browser } from '../shared/browser.ts';
import { isMessage, type Message, type SnapshotUpdateAnswer } from '../shared/messages.ts';
import { ChartReader } from './chart-reader.ts';
import type { OpenError } from './guard-dialog.ts';
import { highlight } from './highlight.ts';
import { isOwnLayer } from './layer.ts';
import { DEFAULT_ACTION_BUTTONS, installSubmitGuard } from './submit-guard.ts';
import { isTeachLayer, TeachSession } from './teach-mode.ts';
import { watchChart } from './watch.ts';

/** Long enough to let typing pause, short enough that the panel follows within a second. */
const QUIET_MS = 200;

/** How long a held submission waits for the worker to re-check a just-changed page. */
const RECHECK_MS = 1500;

let reader = new ChartReader(document);
const teach = new TeachSession(document);

/** From now on the chart is read with this origin's site profile (or, with none, without). */
function useSiteProfile(profile: SiteProfile | undefined): void {
  reader = new ChartReader(document, adaptersWithProfile(profile));
}

/** The site profile the user taught for this frame's origin, asked of the worker (it holds the database). */
async function siteProfileOfThisPage(): Promise<SiteProfile | undefined> {
  try {
    const answer: unknown = await browser.runtime.sendMessage({ type: 'cs-bg-get-site-profile' } satisfies Message);
    const profile = answer as SiteProfile | null | undefined;
    return profile?.origin === location.origin ? profile : undefined;
  } catch (error) {
    console.debug('chartlint: no site profile (the extension did not answer)', error);
    return undefined;
  }
}
/**
 * The number of the last reading sent; a partial update names it as its base. Starts anywhere,
 * so that a reading of an earlier page in this tab can never be taken for this page's.
 */
let seq = Math.floor(Math.random() * 2 ** 30);
/** The page changed and the quiet period has not yet let chartlint read it again. */
let changedSinceLastReading = false;
let openErrors: OpenError[] = [];
let actionButtons = DEFAULT_ACTION_BUTTONS;
let waitingForErrors: ((errors: OpenError[]) => void)[] = [];

function send(message: Message): void {
  browser.runtime.sendMessage(message).catch((error: unknown) => {
    console.debug('chartlint: could not reach the extension', error);
  });
}

/**
 * Reads the chart and sends what changed: the whole chart, or only the documents a change
 * touched. True when it sent a new reading.
 */
function readAndSend(): boolean {
  const started = performance.now();
  changedSinceLastReading = false;
  try {
    const reading = reader.read(location.href, new Date().toISOString());
    if (reading.kind === 'unchanged') return false;
    if (reading.kind === 'full') {
      seq += 1;
      send({ type: 'cs-bg-snapshot', snapshot: reading.snapshot, seq });
      return true;
    }
    const update: Message = { type: 'cs-bg-snapshot-update', base: seq, seq: seq + 1, rest: reading.rest, changed: reading.changed };
    seq += 1;
    browser.runtime.sendMessage(update).then((answer) => {
      // The worker was restarted and lost the reading this one amends: send the whole chart.
      if ((answer as SnapshotUpdateAnswer | undefined)?.needWhole) {
        reader.forgetReading();
        readAndSend();
      }
    }).catch((error: unknown) => {
      console.debug('chartlint: could not reach the extension', error);
    });
    return true;
  } catch (error) {
    console.debug('chartlint: could not read this page', error);
    return false;
  } finally {
    // Main-thread time of one update, visible in the page's performance timeline (DevTools,
    // and bench/panel-latency.bench.ts), so the cost chartlint puts on the EHR can be measured.
    // Bounded: a day of typing must not grow the page's timeline without end.
    if (performance.getEntriesByName?.('chartlint-update').length > 500) performance.clearMeasures('chartlint-update');
    performance.measure?.('chartlint-update', { start: started, end: performance.now() });
  }
}

/** The open errors for the page as it is now: a change typed just before submitting counts. */
function currentOpenErrors(): Promise<OpenError[]> {
  // Whole, not only the parts that changed: a script may have filled a field without telling.
  reader.readWholeNext();
  if (!readAndSend()) return Promise.resolve(openErrors);
  return new Promise((resolve) => {
    waitingForErrors.push(resolve);
    setTimeout(() => resolve(openErrors), RECHECK_MS);
  });
}

function onMessage(message: unknown): Promise<unknown> | undefined {
  if (!isMessage(message)) return undefined;
  try {
    if (message.type === 'bg-cs-open-errors') {
      openErrors = message.errors;
      actionButtons = compileButtons(message.actionButtons);
      for (const resolve of waitingForErrors) resolve(openErrors);
      waitingForErrors = [];
    }
    if (message.type === 'panel-cs-highlight') return Promise.resolve(highlight(document, message.ref));
    if (message.type === 'bg-cs-site-profile' && message.origin === location.origin) {
      useSiteProfile(message.profile ?? undefined);
      readAndSend();
    }
    if (message.type === 'panel-cs-teach-pick') return teach.pick(message.field, message.prompt);
    if (message.type === 'panel-cs-teach-finish') return Promise.resolve(teach.finish(new Date().toISOString()));
    if (message.type === 'panel-cs-teach-stop') {
      if (message.pickOnly) teach.cancelPick();
      else teach.stop();
    }
    if (message.type === 'bg-cs-read-again') {
      reader.forgetReading();
      readAndSend();
    }
  } catch (error) {
    console.debug('chartlint: could not handle a message', error);
  }
  return undefined;
}

/** The site's button labels as a pattern; a pattern that does not compile keeps the default. */
function compileButtons(source: string): RegExp {
  try {
    return new RegExp(source, 'i');
  } catch {
    return DEFAULT_ACTION_BUTTONS;
  }
}

try {
  browser.runtime.onMessage.addListener(onMessage);
  installSubmitGuard(window, {
    actionButtons: () => actionButtons,
    mayHaveErrors: () => openErrors.length > 0 || changedSinceLastReading,
    openErrors: currentOpenErrors,
    onSubmitAnyway: (reason, errors) => send({ type: 'cs-bg-submit-anyway', reason, rules: errors.map((e) => e.rule) }),
  });
  // The first reading waits for the site profile, so a taught page is never judged untaught first.
  void siteProfileOfThisPage().then((profile) => {
    if (profile) useSiteProfile(profile);
    readAndSend();
    watchChart(document, readAndSend, QUIET_MS, (node) => isOwnLayer(node) || isTeachLayer(node), (change) => {
      changedSinceLastReading = true;
      if (Array.isArray(change)) reader.noteMutations(change as readonly MutationRecord[]);
      else reader.noteInput((change as Event).target);
    });
  }).catch((error: unknown) => {
    console.debug('chartlint: not watching this page', error);
  });
} catch (error) {
  console.debug('chartlint: not watching this page', error);
}
