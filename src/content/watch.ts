/**
 * Calls `onChange` once the page has been quiet for `delayMs` after a change: DOM mutations,
 * typing (a textarea's value changes without any mutation), and single-page-app navigation
 * (history changes without a page load). Mutations of nodes `ignore` accepts (chartlint's own
 * layer) do not count. `onActivity` hears every change at once, before the quiet period ends:
 * the mutation records, or the event. Returns a function that stops watching.
 */
export function watchChart(
  doc: Document,
  onChange: () => void,
  delayMs: number,
  ignore: (node: Node) => boolean = () => false,
  onActivity: (change: readonly MutationRecord[] | Event) => void = () => undefined,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const schedule = (change: readonly MutationRecord[] | Event) => {
    onActivity(change);
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, delayMs);
  };
  const view = doc.defaultView;
  // The document's own window's observer: right for frames, and for DOMs made outside a page.
  const Observer = (view as (Window & { MutationObserver?: typeof MutationObserver }) | null)?.MutationObserver ?? MutationObserver;
  const observer = new Observer((records) => {
    // A change of chartlint's own layer is no change of the chart; a text or attribute change
    // (a status set by script) is.
    const relevant = records.filter((record) =>
      !ignore(record.target) && (record.type !== 'childList' || ![...record.addedNodes, ...record.removedNodes].every(ignore)));
    if (relevant.length > 0) schedule(relevant);
  });
  observer.observe(doc, { subtree: true, childList: true, characterData: true, attributes: true });
  const events = ['input', 'change'] as const;
  for (const type of events) doc.addEventListener(type, schedule, { capture: true, passive: true });
  view?.addEventListener('popstate', schedule);
  view?.addEventListener('hashchange', schedule);
  // The Navigation API sees pushState navigations too (Chromium); absent elsewhere.
  const navigation = (view as (Window & { navigation?: EventTarget }) | null)?.navigation;
  navigation?.addEventListener('navigatesuccess', schedule);
  return () => {
    observer.disconnect();
    for (const type of events) doc.removeEventListener(type, schedule, { capture: true });
    view?.removeEventListener('popstate', schedule);
    view?.removeEventListener('hashchange', schedule);
    navigation?.removeEventListener('navigatesuccess', schedule);
    if (timer !== undefined) clearTimeout(timer);
  };
}
