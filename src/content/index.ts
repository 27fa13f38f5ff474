/**
 * The content script: reads the chart in this frame and sends it to the service worker, again
 * whenever the page changes; highlights evidence the panel points at; asks before a submission
 * while errors are open. It runs inside the user's EHR, so it fails open: any error is logged
 * and swallowed, and it never edits the page's own DOM or data.
 */
import { adaptersWithProfile } from '../chart/adapters/index.ts';
import { DEFAULT_NODE_BUDGET } from '../chart/dom/walk.ts';
import type { SiteProfile } from '../chart/site-profile/format.ts';
import { browser } from '../shared/browser.ts';
import { isMessage, type Message, type SnapshotUpdateAnswer } from '../shared/messages.ts';
import { ChartReader, type Reading } from './chart-reader.ts';
import type { OpenError } from './guard-dialog.ts';
import { highlight } from './highlight.ts';
import { isOwnLayer } from './layer.ts';
import { CopyBudgeter } from './copy-budget.ts';
import { copyPage, pageNodes, type CopyBudget, type PageCopy } from './page-copy.ts';
import { pageMarkup } from './page-markup.ts';
import { MARKUP_PIECE, MARKUP_PORT, type MarkupAnswer, type MarkupMessage } from '../offscreen/read-markup.ts';
import { measure, pageIdle, Slices } from './slices.ts';
import { DEFAULT_ACTION_BUTTONS, installSubmitGuard } from './submit-guard.ts';
import { isTeachLayer, TeachSession } from './teach-mode.ts';
import { warmUp } from './warm-up.ts';
import { watchChart } from './watch.ts';

/** Long enough to let typing pause, short enough that the panel follows within a second. */
const QUIET_MS = 200;

/** How long a held submission waits for the worker to re-check a just-changed page. */
const RECHECK_MS = 1500;

let reader = new ChartReader(document);
/** The site profile the chart is read with (a large page is read elsewhere, with it too). */
let profileHere: SiteProfile | undefined;
const teach = new TeachSession(document);

/** From now on the chart is read with this origin's site profile (or, with none, without). */
function useSiteProfile(profile: SiteProfile | undefined): void {
  profileHere = profile;
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
 * Pages up to this many elements and text nodes are read here at once, in one task (measured in
 * Chromium on the corpus pages, 450–1,030 nodes: 10–36 ms once warm). A larger page is written
 * out as HTML in slices (page-markup.ts) and read whole off the page's main thread, in the
 * extension's offscreen document (Firefox: its background page), so that no task of chartlint's
 * blocks the EHR page for more than 50 ms (issue 15; tests/e2e/hostile-long-tasks.test.ts,
 * tests/e2e/large-page.test.ts).
 */
const READ_AT_ONCE: CopyBudget = { nodes: 2_500, optionsPerSelect: 500, chars: 100_000 };

/**
 * How much of a large page is read elsewhere: real charts of 5,000–50,000 nodes whole, up to the
 * readers' own node budget (walk.ts; no more is written out than they would read). Past it, or
 * past 500 choices in one list, or 100,000 characters in one value (hostile pages, issue 15),
 * the read says it was partial.
 */
const READ_ELSEWHERE: CopyBudget = { nodes: DEFAULT_NODE_BUDGET, optionsPerSelect: 500, chars: 100_000 };

/**
 * Should reading elsewhere fail (the extension could not make its offscreen document), a copy
 * of the page's start is read here instead, as partial. Sized to take about 20 ms here, at most
 * READ_AT_ONCE.
 */
const copyBudget = new CopyBudgeter(READ_AT_ONCE);

/** A large page has been read here: the readers' code for it is compiled. */
let readLargePage = false;
let running: Promise<boolean> | undefined;
let queued: Promise<boolean> | undefined;

/**
 * Reads the chart and sends what changed: the whole chart, or only the documents a change
 * touched. True when it sent a new reading. One reading at a time: asked during one, it reads
 * again once that one is done (and only once, however often it was asked).
 */
function readAndSend(): Promise<boolean> {
  if (!running) {
    running = readNow().finally(() => {
      running = undefined;
    });
    return running;
  }
  queued ??= running.then(() => {
    queued = undefined;
    return readAndSend();
  });
  return queued;
}

async function readNow(): Promise<boolean> {
  // Begun when the page is idle: right after an EHR page has parsed a large chart, the browser's
  // own garbage collection of it runs in the next tasks (measured on the 100,000-span page: a
  // 60–110 ms pause inside chartlint's first slice); idle, that work is behind it.
  await pageIdle();
  const slices = new Slices();
  let what = '';
  changedSinceLastReading = false;
  try {
    const url = location.href;
    const now = new Date().toISOString();
    if (pageNodes(document, READ_AT_ONCE.nodes) <= READ_AT_ONCE.nodes) {
      await warmUp(slices);
      what = 'reading the page';
      return sendReading(reader.read(url, now));
    }
    // After a whole reading elsewhere, a change inside a document is read here, that one alone.
    if (reader.mayReadChangesOnly(url)) await warmUp(slices);
    const changes = reader.readChangesOnly(url, now);
    if (changes) {
      what = 'reading the changes';
      return sendReading(changes);
    }
    await slices.yield('sizing the page');
    try {
      what = 'writing out the page';
      return await readElsewhere(url, now, slices);
    } catch (error) {
      console.debug('chartlint: this large page could not be read elsewhere; reading its start here', error);
    }
    await warmUp(slices);
    if (!readLargePage) await warmUpOnThisPage(url, now, slices);
    readLargePage = true;
    const copy = await copyPage(document, copyBudget.budget, slices);
    await slices.yield('copying the page');
    what = 'reading the copy';
    return sendReading(readCopy(copy, url, now));
  } catch (error) {
    console.debug('chartlint: could not read this page', error);
    return false;
  } finally {
    slices.end(what);
    // Main-thread time of one update, visible in the page's performance timeline (DevTools,
    // and bench/panel-latency.bench.ts), so the cost chartlint puts on the EHR can be measured.
    measure('chartlint-update', slices.firstStart, slices.total);
  }
}

/** Writes the page out and has the extension read it, whole, off this page's main thread. */
async function readElsewhere(url: string, now: string, slices: Slices): Promise<boolean> {
  const markup = await pageMarkup(document, READ_ELSEWHERE, slices);
  await slices.yield('writing out the page');
  reader.readElsewhere();
  seq += 1;
  const end: MarkupMessage = { type: 'cs-bg-read-markup', url, now, seq, profile: profileHere ?? null, truncated: markup.truncated, warnings: markup.warnings };
  const port = browser.runtime.connect({ name: MARKUP_PORT });
  try {
    const answer = new Promise<unknown>((resolve, reject) => {
      port.onMessage.addListener(resolve);
      port.onDisconnect.addListener(() => reject(new Error('the extension closed the port')));
    });
    // Closed while the pieces are still being sent: the rejection is met when the answer is awaited.
    answer.catch(() => undefined);
    // Each piece is copied in a task of its own; the reading itself is another process's time.
    for (let at = 0; at < markup.html.length; at += MARKUP_PIECE) {
      port.postMessage({ piece: markup.html.slice(at, at + MARKUP_PIECE) } satisfies MarkupMessage);
      await slices.yield('sending the page to be read');
    }
    port.postMessage(end);
    const read = (await slices.wait(answer, 'sending the page to be read')) as MarkupAnswer | false;
    if (!read) throw new Error('the extension did not read the page');
    // Changes since the page was written out are not in that reading: the next one is whole.
    if (!markup.truncated && !changedSinceLastReading) reader.readElsewhereDone(url, read.documents);
    return true;
  } finally {
    port.disconnect();
  }
}

/**
 * Before the first reading of a large page, smaller copies of its start are read: the readers'
 * code this page needs (its tables, its lists) is compiled over several slices, not all in the
 * one that reads the copy.
 */
async function warmUpOnThisPage(url: string, now: string, slices: Slices): Promise<void> {
  for (const nodes of [300, 1_000]) {
    const copy = await copyPage(document, { ...READ_AT_ONCE, nodes }, slices);
    await slices.yield('copying the page');
    // The first, smallest one compiles the most: too slow per node to go by.
    if (nodes === 300) reader.readCopy(copy.document, url, now, copy);
    else readCopy(copy, url, now);
    await slices.yield('warm-up: reading the start of the page');
  }
}

/** Reads a copy of the page, learning from the time it took how large the next copy may be. */
function readCopy(copy: PageCopy, url: string, now: string): Reading {
  const started = performance.now();
  const reading = reader.readCopy(copy.document, url, now, copy);
  copyBudget.observe(copy.nodes, performance.now() - started);
  return reading;
}

function sendReading(reading: Reading): boolean {
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
      void readAndSend();
    }
  }).catch((error: unknown) => {
    console.debug('chartlint: could not reach the extension', error);
  });
  return true;
}

/** The open errors for the page as it is now: a change typed just before submitting counts. */
async function currentOpenErrors(): Promise<OpenError[]> {
  // Whole, not only the parts that changed: a script may have filled a field without telling.
  reader.readWholeNext();
  if (!(await readAndSend())) return openErrors;
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
      void readAndSend();
    }
    if (message.type === 'panel-cs-teach-pick') return teach.pick(message.field, message.prompt);
    if (message.type === 'panel-cs-teach-finish') return Promise.resolve(teach.finish(new Date().toISOString()));
    if (message.type === 'panel-cs-teach-stop') {
      if (message.pickOnly) teach.cancelPick();
      else teach.stop();
    }
    if (message.type === 'bg-cs-read-again') {
      reader.forgetReading();
      void readAndSend();
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
    void readAndSend();
    watchChart(document, () => void readAndSend(), QUIET_MS, (node) => isOwnLayer(node) || isTeachLayer(node), (change) => {
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
