import type { Code, SourceRef } from '../chart/snapshot.ts';
import type { Finding } from '../engine/finding.ts';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';
import type { QueryOutcome } from '../storage/review-types.ts';

/** What the panel can ask of the page and the worker for one tab. */
export interface PanelActions {
  jumpTo(ref: SourceRef): void;
  dismiss(finding: Finding, reason: string, initials?: string): void;
  undismiss(finding: Finding): void;
  acceptCode(finding: Finding, code: Code): void;
  rejectCode(finding: Finding, code: Code, reason: string, initials?: string): void;
  removeCode(code: Code): void;
  /** The user copied the finding's query draft: the review record notes a query sent, pending. */
  queryDrafted(finding: Finding): void;
  queryOutcome(id: number, outcome: QueryOutcome, initials?: string): void;
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
    dismiss: (finding, reason, initials) =>
      toWorker({ type: 'panel-bg-dismiss', tabId, fingerprint: finding.fingerprint, rule: finding.rule, reason, ...(initials?.trim() ? { initials: initials.trim() } : {}) }),
    undismiss: (finding) => toWorker({ type: 'panel-bg-undismiss', tabId, fingerprint: finding.fingerprint }),
    acceptCode: (finding, code) =>
      toWorker({ type: 'panel-bg-accept-code', tabId, rule: finding.rule, fingerprint: finding.fingerprint, code: plainCode(code) }),
    rejectCode: (finding, code, reason, initials) =>
      toWorker({ type: 'panel-bg-reject-code', tabId, rule: finding.rule, fingerprint: finding.fingerprint, code: plainCode(code), reason, ...(initials?.trim() ? { initials: initials.trim() } : {}) }),
    queryDrafted: (finding) => toWorker({ type: 'panel-bg-query-drafted', tabId, fingerprint: finding.fingerprint, rule: finding.rule }),
    queryOutcome: (id, outcome, initials) => toWorker({ type: 'panel-bg-query-outcome', tabId, id, outcome, ...(initials?.trim() ? { initials: initials.trim() } : {}) }),
    removeCode: (code) => toWorker({ type: 'panel-bg-remove-code', tabId, system: code.system, code: code.code }),
  };
}

/** A suggested code as a message carries it (without the suggestion's action and CC/MCC notes). */
function plainCode(code: Code): Code {
  return { system: code.system, code: code.code, ...(code.display ? { display: code.display } : {}) };
}

/** The short list of reasons a technician gives most; "Other" takes free text. */
export const DISMISS_REASONS = [
  'Not applicable to this patient or encounter',
  'Already addressed elsewhere in the record',
  'Documented on paper or in another system',
  'Deficiency already sent to the provider',
] as const;
