import { useMemo, useState } from 'preact/hooks';
import { actionsFor } from './actions.ts';
import type { TabState } from '../shared/messages.ts';
import { ChartView } from './components/ChartView.tsx';
import { FindingList } from './components/FindingList.tsx';
import { SeverityCounts } from './components/SeverityCounts.tsx';
import { useTabState } from './use-tab-state.ts';

type View = 'findings' | 'chart';

/** The side panel: findings for the active tab, and what chartlint read from it. */
export function App() {
  const state = useTabState();
  const [view, setView] = useState<View>('findings');
  return (
    <div class="panel">
      <header class="panel-header">
        <h1>chartlint</h1>
        {state?.status === 'ready' && <SeverityCounts findings={state.findings} />}
      </header>
      <nav class="views" role="tablist" aria-label="Views">
        <ViewTab view="findings" current={view} onSelect={setView} label="Findings" />
        <ViewTab view="chart" current={view} onSelect={setView} label="Chart" />
      </nav>
      <main class="panel-body" aria-live="polite">
        <Body state={state} view={view} />
      </main>
      {state && state.packErrors.length > 0 && (
        <div class="pack-errors" role="alert">
          {state.packErrors.length} rule file(s) could not be loaded: {state.packErrors.map((e) => `${e.file}${e.rule ? ` (${e.rule})` : ''}: ${e.message}`).join('; ')}
        </div>
      )}
    </div>
  );
}

function ViewTab(props: { view: View; current: View; label: string; onSelect: (view: View) => void }) {
  const selected = props.view === props.current;
  return (
    <button type="button" role="tab" aria-selected={selected} class={selected ? 'view-tab selected' : 'view-tab'} onClick={() => props.onSelect(props.view)}>
      {props.label}
    </button>
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
      return <p class="state" data-state="no-chart">No chart found on this page.</p>;
    case 'ready':
      return <Ready state={state} view={view} />;
  }
}

function Ready({ state, view }: { state: TabState; view: View }) {
  const actions = useMemo(() => actionsFor(state.tabId), [state.tabId]);
  if (view === 'chart') return state.snapshot ? <ChartView snapshot={state.snapshot} actions={actions} /> : null;
  return <FindingList findings={state.findings} dismissed={state.dismissed} workingCodes={state.workingCodes} actions={actions} />;
}
