import { browser } from '../shared/browser.ts';

/** The worklist and dashboard, from the toolbar button's right-click menu. */
const PAGES: { id: string; title: string; path: string }[] = [
  { id: 'open-worklist', title: 'Open the worklist', path: 'src/worklist/index.html' },
  { id: 'open-dashboard', title: 'Open the dashboard', path: 'src/dashboard/index.html' },
];

/** Menu items outlive the worker: they are made once per install or update, then only listened to. */
export function addReviewPagesMenu(): void {
  browser.runtime.onInstalled.addListener(() => {
    for (const { id, title } of PAGES) browser.contextMenus.create({ id, title, contexts: ['action'] });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    const page = PAGES.find((p) => p.id === info.menuItemId);
    if (page) void browser.tabs.create({ url: browser.runtime.getURL(page.path) });
  });
}
