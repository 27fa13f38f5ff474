import { withoutLabel } from '../chart/adapters/site-profile.ts';
import { buildProfile, type Picks } from '../chart/site-profile/build.ts';
import type { ProfileField } from '../chart/site-profile/format.ts';
import type { TeachFinishAnswer, TeachPickAnswer } from '../shared/messages.ts';
import { isOwnLayer } from './layer.ts';

/** The element that holds the teach overlay while a pick is on, and only then. */
const TEACH_TAG = 'chartlint-teach';
let teachHost: HTMLElement | undefined;

/** True for the teach overlay, so the change watcher ignores what chartlint draws. */
export function isTeachLayer(node: Node): boolean {
  return teachHost !== undefined && (node === teachHost || teachHost.contains(node));
}

/**
 * A layer of its own, like layer.ts's (a closed shadow root at the end of <html>, out of reach
 * of the page's styles, scripts and of the chart readers), that lives only while a pick is on:
 * a highlight drawn meanwhile keeps its own layer.
 */
function openTeachLayer(doc: Document): { root: ShadowRoot; close: () => void } {
  teachHost?.remove();
  const host = doc.createElement(TEACH_TAG);
  host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  const root = host.attachShadow({ mode: 'closed' });
  teachHost = host;
  doc.documentElement.append(host);
  return {
    root,
    close: () => {
      host.remove();
      if (teachHost === host) teachHost = undefined;
    },
  };
}

/** Events a pick swallows, so that clicking the EHR to teach chartlint never acts on the EHR. */
const SWALLOWED = ['pointerdown', 'pointerup', 'mousedown', 'mouseup', 'click', 'dblclick', 'auxclick', 'contextmenu'] as const;

/**
 * Teach mode on the page: the user points at the element that shows a field, chartlint draws a
 * box around what is under the pointer (in its own closed shadow layer, never in the EHR's DOM)
 * and a line saying what to click; a click picks, Escape cancels. The picks become a site
 * profile when the panel asks (`finish`).
 */
export class TeachSession {
  private picks: Picks = {};
  private pending: (() => void) | undefined;

  constructor(private readonly doc: Document) {}

  /** Waits for the user to click the element of `field` (or press Escape). One pick at a time. */
  pick(field: ProfileField, prompt: string): Promise<TeachPickAnswer> {
    this.pending?.();
    const view = this.doc.defaultView;
    if (!view) return Promise.resolve({ field, picked: false });
    return new Promise((resolve) => {
      const layer = openTeachLayer(this.doc);
      const box = this.doc.createElement('div');
      box.style.cssText = 'position:absolute;pointer-events:none;box-sizing:border-box;border:2px dashed #1a73e8;background:rgba(26,115,232,.10);border-radius:3px;display:none;';
      const banner = this.doc.createElement('div');
      banner.setAttribute('role', 'status');
      banner.setAttribute('data-chartlint-teach', field);
      banner.style.cssText = 'position:fixed;top:8px;left:50%;transform:translateX(-50%);pointer-events:none;font:14px/1.4 system-ui,sans-serif;color:#fff;background:#1a73e8;padding:6px 12px;border-radius:4px;box-shadow:0 2px 6px rgba(0,0,0,.3);';
      // Text, never markup: the prompt comes from the panel, and the layer must not run anything.
      banner.textContent = `chartlint: ${prompt}. Esc cancels.`;
      layer.root.replaceChildren(box, banner);

      const targetOf = (event: Event): Element | undefined => {
        const target = event.target as Node | null;
        return target?.nodeType === 1 && !isOwnLayer(target) && !isTeachLayer(target) ? (target as Element) : undefined;
      };
      const onMove = (event: Event) => {
        const el = targetOf(event);
        if (!el) return;
        const rect = el.getBoundingClientRect();
        box.style.left = `${rect.left + view.scrollX - 2}px`;
        box.style.top = `${rect.top + view.scrollY - 2}px`;
        box.style.width = `${rect.width + 4}px`;
        box.style.height = `${rect.height + 4}px`;
        box.style.display = 'block';
      };
      const swallow = (event: Event) => {
        if (!targetOf(event)) return;
        event.preventDefault();
        event.stopImmediatePropagation();
        if (event.type === 'click') {
          const el = targetOf(event)!;
          this.picks[field] = el;
          done({ field, picked: true, text: withoutLabel(el).slice(0, 120) });
        }
      };
      const onKey = (event: KeyboardEvent) => {
        if (event.key !== 'Escape') return;
        event.preventDefault();
        event.stopImmediatePropagation();
        done({ field, picked: false });
      };
      const done = (answer: TeachPickAnswer) => {
        view.removeEventListener('mousemove', onMove, true);
        for (const type of SWALLOWED) view.removeEventListener(type, swallow, true);
        view.removeEventListener('keydown', onKey, true);
        layer.close();
        this.pending = undefined;
        resolve(answer);
      };
      // Capture on the window: chartlint sees the click before the EHR's own handlers do.
      view.addEventListener('mousemove', onMove, true);
      for (const type of SWALLOWED) view.addEventListener(type, swallow, true);
      view.addEventListener('keydown', onKey, true);
      this.pending = () => done({ field, picked: false });
    });
  }

  /** The site profile of this page's origin from the picks so far. */
  finish(now: string): TeachFinishAnswer {
    const connected = Object.fromEntries(Object.entries(this.picks).filter(([, el]) => el.isConnected)) as Picks;
    const built = buildProfile(connected, this.doc.location?.origin ?? '', now);
    return built.ok ? { ok: true, profile: built.profile } : built;
  }

  /** Cancels the pick in progress, if any; the picks so far stay. */
  cancelPick(): void {
    this.pending?.();
  }

  /** Ends teach mode: a pick in progress is cancelled and the picks are forgotten. */
  stop(): void {
    this.cancelPick();
    this.picks = {};
  }
}
