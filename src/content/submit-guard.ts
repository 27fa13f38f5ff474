import { askBeforeSubmit, type OpenError } from './guard-dialog.ts';

export interface GuardOptions {
  /** Buttons outside a form submission that also count as "submitting" (their visible text). */
  actionButtons: () => RegExp;
  /** Cheap and synchronous: might errors be open (known ones, or a change not yet checked)? */
  mayHaveErrors: () => boolean;
  /** The error findings open for the page as it is now (waits for a pending re-check). */
  openErrors: () => Promise<OpenError[]>;
  /** Called when the user sends the submission on anyway, for the audit trail. */
  onSubmitAnyway: (reason: string, errors: OpenError[]) => void;
}

/** Default buttons, matched on their whole label; a site's settings may widen this. */
export const DEFAULT_ACTION_BUTTONS = /^\s*(submit|finali[sz]e|complete|sign and (submit|close|finali[sz]e))\b/i;

/**
 * Stops a submission while error findings are open and asks first. "Go back" cancels it with
 * everything typed left in place; "Submit anyway" sends the very same submission on: a form is
 * re-submitted with `requestSubmit(submitter)` (same data, same submitter, the page's own
 * submit handlers run), a button is clicked again. Anything going wrong in here lets the
 * submission through: chartlint must fail open.
 */
export function installSubmitGuard(win: Window, options: GuardOptions): () => void {
  let letThrough = false;

  const onSubmit = (event: SubmitEvent) => {
    if (letThrough || event.defaultPrevented || !safely(options.mayHaveErrors, false)) return;
    const form = event.target as HTMLFormElement;
    const submitter = event.submitter;
    event.preventDefault();
    event.stopImmediatePropagation();
    void check(() => {
      if (submitter && submitter.isConnected) form.requestSubmit(submitter);
      else form.requestSubmit();
    });
  };

  const onClick = (event: MouseEvent) => {
    if (letThrough) return;
    const button = actionButton(event.target);
    if (!button || !options.actionButtons().test(labelOf(button))) return;
    // A form's submit button is guarded by its submit event, which also covers Enter.
    if (isFormSubmitter(button)) return;
    if (!safely(options.mayHaveErrors, false)) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    void check(() => button.click());
  };

  /** Held submission: re-check against the page as it is now, ask if errors remain, else send on. */
  const check = async (resend: () => void) => {
    let errors: OpenError[] = [];
    let reason: string | undefined;
    try {
      errors = await options.openErrors();
      if (errors.length > 0) {
        reason = await askBeforeSubmit(win.document, errors);
        if (reason === undefined) return;
        safely(() => options.onSubmitAnyway(reason!, errors), undefined);
      }
    } catch (error) {
      console.debug('chartlint: the pre-submission check failed; letting the submission through', error);
    }
    letThrough = true;
    try {
      resend();
    } finally {
      letThrough = false;
    }
  };

  win.addEventListener('submit', onSubmit, true);
  win.addEventListener('click', onClick, true);
  return () => {
    win.removeEventListener('submit', onSubmit, true);
    win.removeEventListener('click', onClick, true);
  };
}

function actionButton(target: EventTarget | null): HTMLElement | undefined {
  const el = target as Element | null;
  const button = el?.closest?.('button, input[type="button"], input[type="submit"], [role="button"]');
  return (button as HTMLElement | null) ?? undefined;
}

function labelOf(button: HTMLElement): string {
  const value = button.localName === 'input' ? (button as HTMLInputElement).value : '';
  return button.getAttribute('aria-label') || value || button.textContent || '';
}

// By tag name, not instanceof: the page, the content script and test DOMs have different globals.
function isFormSubmitter(button: HTMLElement): boolean {
  if (button.localName !== 'button' && button.localName !== 'input') return false;
  const control = button as HTMLButtonElement | HTMLInputElement;
  return control.type === 'submit' && control.form !== null;
}

function safely<T>(work: () => T, fallback: T): T {
  try {
    return work();
  } catch (error) {
    console.debug('chartlint: submit guard error', error);
    return fallback;
  }
}
