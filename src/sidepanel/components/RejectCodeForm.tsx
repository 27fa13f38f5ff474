import { useEffect, useId, useRef, useState } from 'preact/hooks';
import { InitialsField } from './InitialsField.tsx';

/** Asks why a suggested code is rejected (the reason is required: a rejection is reviewed later). */
export function RejectCodeForm({ code, onReject, onCancel }: { code: string; onReject: (reason: string, initials: string) => void; onCancel: () => void }) {
  const [reason, setReason] = useState('');
  const [initials, setInitials] = useState('');
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  // Keyboard users land in the form they just opened.
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="reject-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim()) onReject(reason.trim(), initials);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <label for={id}>Why reject {code}?</label>{' '}
      <input ref={input} id={id} class="reject-reason" type="text" value={reason} onInput={(event) => setReason(event.currentTarget.value)} />{' '}
      <InitialsField value={initials} onInput={setInitials} />{' '}
      <button type="submit" disabled={!reason.trim()}>
        Reject {code}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </form>
  );
}
