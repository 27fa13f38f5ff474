import { useState } from 'preact/hooks';

/**
 * Copying from the panel: the text goes to the clipboard (the panel never types into the EHR),
 * and `status` says what happened, for a `role="status"` line that screen readers announce.
 */
export function useCopy(): { status: string; copy: (text: string, what: string) => void } {
  const [status, setStatus] = useState('');
  const copy = (text: string, what: string) => {
    navigator.clipboard.writeText(text).then(
      () => setStatus(`Copied ${what}.`),
      () => setStatus('The browser did not allow copying; select the text and copy it by hand.'),
    );
  };
  return { status, copy };
}
