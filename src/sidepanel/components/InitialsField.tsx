import { useId } from 'preact/hooks';

/** The user's initials, kept with what they decided in the review record (optional). */
export function InitialsField({ value, onInput }: { value: string; onInput: (value: string) => void }) {
  const id = useId();
  return (
    <span class="initials-field">
      <label for={id}>Your initials (optional)</label>{' '}
      <input id={id} class="initials" type="text" autoComplete="off" maxLength={8} size={5} value={value} onInput={(event) => onInput(event.currentTarget.value)} />
    </span>
  );
}
