import type { WorkingCode } from '../../storage/working-codes.ts';
import type { PanelActions } from '../actions.ts';
import { useCopy } from '../use-copy.ts';

/** "I13.0 Hypertensive heart and chronic kidney disease ..." — how a code is copied. */
export function codeLine(code: WorkingCode): string {
  return code.display ? `${code.code} ${code.display}` : code.code;
}

/**
 * The codes the coder accepted for this chart, to copy into the encoder or abstract one by one
 * or all at once (one per line). The panel never types into the EHR itself.
 */
export function WorkingCodes({ codes, actions }: { codes: WorkingCode[]; actions: PanelActions }) {
  const { status, copy } = useCopy();
  if (codes.length === 0) return null;
  return (
    <section class="working-codes" aria-labelledby="working-codes-title">
      <h2 id="working-codes-title">
        Working codes <span class="group-count">{codes.length}</span>
      </h2>
      <ul class="chart-items">
        {codes.map((code) => (
          <li key={`${code.system}:${code.code}`} data-code={code.code}>
            <code>{code.code}</code> {code.display} <span class="code-system">({code.system})</span>{' '}
            <button type="button" class="copy" aria-label={`Copy ${code.code}`} onClick={() => copy(code.code, code.code)}>
              Copy
            </button>{' '}
            <button type="button" class="remove" aria-label={`Remove ${code.code}`} onClick={() => actions.removeCode(code)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <button type="button" class="copy-all" onClick={() => copy(codes.map(codeLine).join('\n'), `${codes.length} codes`)}>
        Copy all
      </button>
      <p class="copy-status muted" role="status">
        {status}
      </p>
    </section>
  );
}
