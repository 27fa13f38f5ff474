import type { Finding } from '../engine/finding.ts';
import { browser } from '../shared/browser.ts';

/** The toolbar badge: errors and warnings open on the tab; red when any is an error. */
export async function showBadge(tabId: number, findings: Finding[]): Promise<void> {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const count = errors + warnings;
  await browser.action.setBadgeText({ tabId, text: count > 0 ? String(count) : '' });
  await browser.action.setBadgeBackgroundColor({ tabId, color: errors > 0 ? '#b3261e' : '#8a5a00' });
  await browser.action.setTitle({
    tabId,
    title: count > 0 ? `chartlint: ${errors} errors, ${warnings} warnings` : 'chartlint: no open findings',
  });
}
