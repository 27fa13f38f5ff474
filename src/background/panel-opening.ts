import { browser } from '../shared/browser.ts';

/**
 * The toolbar button opens the findings panel: Chrome/Edge's side panel, Firefox's sidebar.
 * `chrome.sidePanel` exists only in Chromium, so it is feature-tested, not assumed.
 */
export function openPanelOnActionClick(): void {
  if (typeof chrome !== 'undefined' && chrome.sidePanel?.setPanelBehavior) {
    chrome.sidePanel.setPanelBehavior({ openPanelOnActionClick: true }).catch((error: unknown) => {
      console.warn('chartlint: cannot set the side panel to open on click', error);
    });
    return;
  }
  const sidebar = (browser as unknown as { sidebarAction?: { toggle(): Promise<void> } }).sidebarAction;
  if (sidebar) {
    browser.action.onClicked.addListener(() => {
      void sidebar.toggle();
    });
  }
}
