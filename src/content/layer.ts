/**
 * chartlint's own layer over the page: one element at the end of <html> holding a *closed*
 * shadow root, so the page's styles and scripts cannot reach into it, chart readers (which
 * walk open shadow roots) never read it, and the EHR's own DOM is never edited.
 */
const HOST_TAG = 'chartlint-layer';

let root: ShadowRoot | undefined;
let host: HTMLElement | undefined;

export function layerRoot(doc: Document): ShadowRoot {
  if (root && host?.isConnected && host.ownerDocument === doc) return root;
  // One layer at a time: a box drawn in a frame's document before is taken away.
  host?.remove();
  host = doc.createElement(HOST_TAG);
  host.style.cssText = 'all: initial; position: absolute; top: 0; left: 0; width: 0; height: 0; z-index: 2147483647;';
  root = host.attachShadow({ mode: 'closed' });
  doc.documentElement.append(host);
  return root;
}

/** True for chartlint's own layer, so the change watcher can ignore what chartlint draws. */
export function isOwnLayer(node: Node): boolean {
  return host !== undefined && (node === host || host.contains(node));
}
