import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import type { PlotData } from './plots.ts';

const WIDTH = 520;
const HEIGHT = 260;
const DARK = '(prefers-color-scheme: dark)';

/** The page's own colours, so the plot follows light and dark mode like the rest. */
function colour(name: string, fallback: string): string {
  return getComputedStyle(document.documentElement).getPropertyValue(name).trim() || fallback;
}

/** Axis labels are cut short; the table beside the plot has them whole. */
function shortLabel(label: string): string {
  return label.length > 22 ? `${label.slice(0, 21)}…` : label;
}

/** uPlot options for categorical data: x is the label's index, its axis shows the label. */
function optionsFor(plot: PlotData, width: number): uPlot.Options {
  const fg = colour('--fg', '#1b1f24');
  const line = colour('--line', '#d9dee5');
  // Two page colours first (bars inside bars), then more for the lines of several physicians.
  const palette = [colour('--accent', '#1e5ea0'), colour('--warning', '#8a5a00'), colour('--error', '#b3261e'), '#2e7d32', '#6a1b9a', '#00838f'];
  const axis = { stroke: fg, grid: { stroke: line, width: 1 }, ticks: { stroke: line, width: 1 } };
  const first = plot.series.length > 1 ? 0.7 : 0.6;
  const rotated = plot.labels.length > 4;
  // No uPlot title: the section's heading names the plot.
  return {
    width,
    height: HEIGHT,
    // The legend names the series; the values are in the table beside the plot.
    legend: { live: false },
    scales: { x: { time: false, range: [-0.5, plot.labels.length - 0.5] }, y: { range: (_u, _min, max) => [0, Math.max(1, max) * 1.1] } },
    axes: [
      {
        ...axis,
        // Every bar labelled, however many (uPlot would otherwise drop ticks closer than 50 px).
        incrs: [1],
        space: 8,
        values: (_u, splits) => splits.map((i) => (Number.isInteger(i) ? shortLabel(plot.labels[i] ?? '') : '')),
        rotate: rotated ? -40 : 0,
        size: rotated ? 110 : 40,
      },
      { ...axis, label: plot.unit },
    ],
    series: [
      { label: 'item', value: (_u, i) => (i === null ? '' : (plot.labels[i] ?? '')) },
      ...plot.series.map((series, index) => ({
        label: series.label,
        stroke: palette[index % palette.length]!,
        // A second bar series is drawn narrower inside the first: dismissed of fired, still open of found.
        ...(plot.kind === 'bars'
          ? { fill: palette[index % palette.length]!, paths: uPlot.paths.bars!({ size: [index === 0 ? first : first / 2] }), points: { show: false } }
          : { width: 2, points: { show: true, size: 6 } }),
      })),
    ],
  };
}

/** The colour scheme, so the canvas (which CSS does not restyle) is drawn again when it changes. */
function useColourScheme(): 'dark' | 'light' {
  const [dark, setDark] = useState(() => matchMedia(DARK).matches);
  useEffect(() => {
    const query = matchMedia(DARK);
    const onChange = (event: MediaQueryListEvent) => setDark(event.matches);
    query.addEventListener('change', onChange);
    return () => query.removeEventListener('change', onChange);
  }, []);
  return dark ? 'dark' : 'light';
}

/**
 * One plot, drawn by uPlot on a canvas. The numbers it draws are also on the figure
 * (data-plot) and in the table beside it, which is what a screen reader reads.
 */
export function Plot({ plot, title }: { plot: PlotData; title: string }) {
  const host = useRef<HTMLDivElement>(null);
  const scheme = useColourScheme();
  useEffect(() => {
    const element = host.current;
    if (!element) return undefined;
    const width = Math.min(WIDTH, element.parentElement?.clientWidth ?? WIDTH);
    const data: uPlot.AlignedData = [plot.labels.map((_label, i) => i), ...plot.series.map((series) => series.values)];
    const chart = new uPlot(optionsFor(plot, width), data, element);
    return () => chart.destroy();
  }, [plot, scheme]);
  return <div ref={host} class="plot" role="img" aria-label={`${title}: plot of the table beside it`} data-plot={JSON.stringify(plot)} />;
}
