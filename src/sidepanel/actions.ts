import type { Code, SourceRef } from '../chart/snapshot.ts';
import type { Finding } from '../engine/finding.ts';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';

/** What the panel can ask of the page and the worker for one tab. */
export interface PanelActions {
  jumpTo(ref: SourceRef): void;
  dismiss(finding: Finding, reason: string): void;
  undismiss(finding: Finding): void;
  acceptCode(finding: Finding, code: Code): void;
  removeCode(code: Code): void;
}

export function actionsFor(tabId: number): PanelActions {
  const toWorker = (message: Message) => {
    browser.runtime.sendMessage(message).catch((error: unknown) => console.warn('chartlint panel:', error));
  };
  return {
    jumpTo: (ref) => {
      // Every frame of the tab gets it; the frame that holds the element draws the box.
      browser.tabs.sendMessage(tabId, { type: 'panel-cs-highlight', ref } satisfies Message).catch(() => {
        // The page has gone or is not enabled: nothing to highlight.
      });
    },
    dismiss: (finding, reason) => toWorker({ type: 'panel-bg-dismiss', tabId, fingerprint: finding.fingerprint, rule: finding.rule, reason }),
    undismiss: (finding) => toWorker({ type: 'panel-bg-undismiss', tabId, fingerprint: finding.fingerprint }),
    acceptCode: (finding, code) =>
      toWorker({ type: 'panel-bg-accept-code', tabId, rule: finding.rule, code: { system: code.system, code: code.code, ...(code.display ? { display: code.display } : {}) } }),
    removeCode: (code) => toWorker({ type: 'panel-bg-remove-code', tabId, system: code.system, code: code.code }),
  };
}

/** The short list of reasons a technician gives most; "Other" takes free text. */
export const DISMISS_REASONS = [
  'Not applicable to this patient or encounter',
  'Already addressed elsewhere in the record',
  'Documented on paper or in another system',
  'Deficiency already sent to the provider',
] as const;
