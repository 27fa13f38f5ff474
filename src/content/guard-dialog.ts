import { layerRoot } from './layer.ts';

export interface OpenError {
  rule: string;
  message: string;
}

const STYLE = `
  .backdrop { position: fixed; inset: 0; background: rgba(15, 20, 30, .45); display: grid; place-items: center; font: 14px/1.45 system-ui, sans-serif; }
  .dialog { background: #fff; color: #1b1f24; max-width: 560px; width: calc(100vw - 48px); border-radius: 8px; padding: 16px 20px; box-shadow: 0 10px 40px rgba(0,0,0,.35); }
  h2 { font-size: 16px; margin: 0 0 8px; }
  ul { margin: 0 0 12px; padding-left: 20px; max-height: 40vh; overflow: auto; }
  li { margin: 2px 0; }
  .actions { display: flex; gap: 8px; justify-content: flex-end; flex-wrap: wrap; }
  button { font: inherit; padding: 6px 12px; border-radius: 4px; border: 1px solid #8893a0; background: #f4f6f8; color: #1b1f24; cursor: pointer; }
  button.primary { background: #1e5ea0; border-color: #1e5ea0; color: #fff; }
  button:disabled { opacity: .5; cursor: default; }
  button:focus-visible, textarea:focus-visible { outline: 3px solid #e8710a; outline-offset: 1px; }
  label { display: block; margin: 8px 0 4px; }
  textarea { width: 100%; box-sizing: border-box; font: inherit; }
  @media (prefers-color-scheme: dark) {
    .dialog { background: #1f2328; color: #e6e9ed; }
    button { background: #2b3138; color: #e6e9ed; border-color: #5b6572; }
  }
`;

/**
 * The pre-submission dialog, in chartlint's closed shadow layer: the open errors, "Go back"
 * (the default, keeps everything typed) and "Submit anyway", which asks for a reason first.
 * Resolves with the reason, or undefined when the user goes back.
 */
export function askBeforeSubmit(doc: Document, errors: OpenError[]): Promise<string | undefined> {
  const root = layerRoot(doc);
  const previousFocus = doc.activeElement as HTMLElement | null;
  // Text goes in as textContent, never as HTML: finding messages quote chart text.
  const make = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Record<string, string | number | boolean> = {}, ...children: (Node | string)[]): HTMLElementTagNameMap[K] => {
    const el: HTMLElementTagNameMap[K] = doc.createElement(tag);
    Object.assign(el, props);
    el.append(...children);
    return el;
  };
  return new Promise((resolve) => {
    const style = make('style', { textContent: STYLE });
    const goBack = make('button', { type: 'button', className: 'primary', textContent: 'Go back' });
    const anyway = make('button', { type: 'button', textContent: 'Submit anyway…' });
    const reason = make('textarea', { id: 'chartlint-reason', rows: 2 });
    const confirm = make('button', { type: 'button', textContent: 'Submit with this reason', disabled: true });
    const reasonBox = make('div', {}, make('label', { htmlFor: 'chartlint-reason', textContent: 'Why submit with these errors open? (kept in the local audit trail)' }), reason);
    reasonBox.hidden = true;
    const list = make('ul', {}, ...errors.map((e): Node => make('li', { textContent: e.message })));
    const dialog = make(
      'div',
      { className: 'dialog' },
      make('h2', { id: 'chartlint-guard-title', textContent: `chartlint: ${errors.length} error${errors.length === 1 ? '' : 's'} still open` }),
      list,
      reasonBox,
      make('div', { className: 'actions' }, anyway, confirm, goBack),
    );
    dialog.setAttribute('role', 'alertdialog');
    dialog.setAttribute('aria-modal', 'true');
    dialog.setAttribute('aria-labelledby', 'chartlint-guard-title');
    confirm.hidden = true;
    const backdrop = make('div', { className: 'backdrop' }, dialog);
    root.replaceChildren(style, backdrop);

    const finish = (value: string | undefined) => {
      backdrop.remove();
      style.remove();
      previousFocus?.focus?.();
      resolve(value);
    };
    goBack.addEventListener('click', () => finish(undefined));
    anyway.addEventListener('click', () => {
      reasonBox.hidden = false;
      confirm.hidden = false;
      anyway.hidden = true;
      reason.focus();
    });
    reason.addEventListener('input', () => {
      confirm.disabled = reason.value.trim() === '';
    });
    confirm.addEventListener('click', () => finish(reason.value.trim()));
    dialog.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') finish(undefined);
      // Keys typed here belong to the dialog, not to the EHR's shortcuts.
      event.stopPropagation();
    });
    goBack.focus();
  });
}
