/**
 * Attaches declarative shadow roots (`<template shadowrootmode="open">`) as a browser's parser
 * does: in a saved page read in Node (happy-dom leaves them as templates), the components'
 * notes would otherwise be invisible to the reader. The live page needs none of this. Closed
 * roots are attached open: a saved page is read as the user saw it.
 */
export function attachDeclarativeShadowRoots(root: Document | ShadowRoot): void {
  const pending: (Document | ShadowRoot)[] = [root];
  while (pending.length > 0) {
    const tree = pending.pop()!;
    for (const template of [...tree.querySelectorAll('template[shadowrootmode]')]) {
      const host = template.parentElement;
      if (!host || host.shadowRoot) continue;
      const shadow = host.attachShadow({ mode: 'open' });
      shadow.append((template as HTMLTemplateElement).content);
      template.remove();
      pending.push(shadow);
    }
  }
}
