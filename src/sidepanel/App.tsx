import { useMemo, useState } from 'preact/hooks';
import { actionsFor, type PanelActions } from './actions.ts';
import type { TabState } from '../shared/messages.ts';
import { ChartView } from './components/ChartView.tsx';
import { FindingList } from './components/FindingList.tsx';
import { SeverityCounts } from './components/SeverityCounts.tsx';
import { TeachOffer, TeachTarget } from './components/TeachPanel.tsx';
import { useChartSnapshot } from './use-chart-snapshot.ts';
import { useTabState } from './use-tab-state.ts';
import { WorkingDrg } from './components/WorkingDrg.tsx';

type View = 'findings' | 'chart';
const VIEWS: { view: View; label: string }[] = [
  { view: 'findings', label: 'Findings' },
  { view: 'chart', label: 'Chart' },
];
const tabId = (view: View) => `view-tab-${view}`;

/** The side panel: findings for the active tab, and what chartlint read from it. */
export function App() {
  const state = useTabState();
  const [view, setView] = useState<View>('findings');
  return (
    <div class="panel">
      <header class="panel-header">
        <h1>chartlint</h1>
        {/* The record set, not just this chart: opens in a tab of its own. */}
        <nav aria-label="Review pages" class="review-links">
          <a href="../worklist/index.html" target="_blank">Worklist</a> · <a href="../dashboard/index.html" target="_blank">Dashboard</a>
        </nav>
        {/* A polite live region that is there from the start, so the first counts are heard too. */}
        <div class="counts-status" role="status">
          {state?.status === 'ready' && <SeverityCounts findings={state.findings} />}
        </div>
      </header>
      <ViewTabs current={view} onSelect={setView} />
      {/* Not a live region: the worker re-renders the list on every change to the chart, and a
          screen reader would read it all again each time. The counts in the header speak instead. */}
      <main class="panel-body">
        <div role="tabpanel" id="view-panel" aria-labelledby={tabId(view)}>
          <Body state={state} view={view} />
        </div>
      </main>
      {state && state.packErrors.length > 0 && (
        <div class="pack-errors" role="alert">
          {state.packErrors.length} rule file(s) could not be loaded: {state.packErrors.map((e) => `${e.file}${e.rule ? ` (${e.rule})` : ''}: ${e.message}`).join('; ')}
        </div>
      )}
    </div>
  );
}

/** The ARIA tabs pattern: one tab stop; arrow keys, Home and End move between the views. */
function ViewTabs({ current, onSelect }: { current: View; onSelect: (view: View) => void }) {
  const onKeyDown = (event: KeyboardEvent) => {
    const at = VIEWS.findIndex((v) => v.view === current);
    const moves: Record<string, number> = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: VIEWS.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    const next = VIEWS[(to + VIEWS.length) % VIEWS.length]!.view;
    event.preventDefault();
    onSelect(next);
    document.getElementById(tabId(next))?.focus();
  };
  return (
    // In a landmark of its own, so a screen-reader user can reach the view switch directly.
    <nav aria-label="Views">
      <div class="views" role="tablist" onKeyDown={onKeyDown}>
        {VIEWS.map(({ view, label }) => {
          const selected = view === current;
          return (
            <button
              key={view}
              type="button"
              role="tab"
              id={tabId(view)}
              aria-selected={selected}
              aria-controls="view-panel"
              tabIndex={selected ? 0 : -1}
              class={selected ? 'view-tab selected' : 'view-tab'}
              onClick={() => onSelect(view)}
            >
              {label}
            </button>
          );
        })}
      </div>
    </nav>
  );
}

function Body({ state, view }: { state: TabState | undefined; view: View }) {
  if (!state) return <p class="state">Loading…</p>;
  switch (state.status) {
    case 'not-enabled':
      return <p class="state" data-state="not-enabled">chartlint is not enabled on this site. Enable it from the options page to check charts here.</p>;
    case 'waiting':
      return <p class="state" data-state="waiting">Waiting for the page to be read…</p>;
    case 'no-chart':
      return (
        <>
          <p class="state" data-state="no-chart">No chart found on this page.</p>
          {/* A chart chartlint could not find at all is the first page to teach it. */}
          <TeachTarget.Provider value={state.tabId}>
            <TeachOffer incomplete />
          </TeachTarget.Provider>
        </>
      );
    case 'ready':
      return <Ready state={state} view={view} />;
  }
}

function Ready({ state, view }: { state: TabState; view: View }) {
  const actions = useMemo(() => actionsFor(state.tabId), [state.tabId]);
  if (view === 'chart') return <ChartTab key={state.tabId} tabId={state.tabId} version={state.updatedAt} actions={actions} />;
  return (
    <TeachTarget.Provider value={state.tabId}>
      {state.drg && <WorkingDrg drg={state.drg} />}
      <FindingList findings={state.findings} dismissed={state.dismissed} workingCodes={state.workingCodes} actions={actions} coverage={state.coverage} review={state.review} />
    </TeachTarget.Provider>
  );
}

function ChartTab({ tabId, version, actions }: { tabId: number; version: string | undefined; actions: PanelActions }) {
  const { snapshot, failed } = useChartSnapshot(tabId, version);
  if (snapshot) return <ChartView snapshot={snapshot} actions={actions} />;
  return <p class="state">{failed ? 'The chart is being read again; it will show here in a moment.' : 'Loading…'}</p>;
}
