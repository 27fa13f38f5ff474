import { readFileSync } from 'node:fs';
import { Window } from 'happy-dom';
import { attachDeclarativeShadowRoots } from '../../../src/chart/dom/declarative-shadow.ts';

export { attachDeclarativeShadowRoots };

/**
 * A saved page as a browser would hold it, in happy-dom: scripts off, no network, and
 * declarative shadow roots (`<template shadowrootmode="open">`) attached as the browser's
 * parser does, since happy-dom's parser leaves them as templates.
 */
export function loadPage(path: URL | string, url: string): Document {
  return loadHtml(readFileSync(path, 'utf8'), url);
}

/** The same from markup in hand (fuzz cases, one-off pages). */
export function loadHtml(html: string, url: string): Document {
  const window = new Window({
    url,
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
    },
  });
  try {
    window.document.write(html);
  } catch {
    // happy-dom's parser can throw on tag soup a browser would repair (seen: "insert a node as
    // a child of itself"); what it built so far is a fair broken page to extract from.
  }
  const document = window.document as unknown as Document;
  // happy-dom's querySelectorAll recurses: skip it on pages (deep fuzz cases) that need none.
  if (html.includes('shadowrootmode')) attachDeclarativeShadowRoots(document);
  return document;
}
