import { useState } from 'preact/hooks';
import type { SuggestedCode } from '../../engine/finding.ts';
import type { CodeDecision } from '../../storage/review-types.ts';
import { RejectCodeForm } from './RejectCodeForm.tsx';

interface Props {
  code: SuggestedCode;
  /** The code is on the chart's working list already. */
  accepted: boolean;
  /** The last rejection of this code from this finding, if any (review record). */
  rejection?: CodeDecision | undefined;
  onAccept: () => void;
  onReject: (reason: string, initials: string) => void;
  /** Where the focus goes when the rejection form closes. */
  onFormClosed: () => void;
}

/** Accept a suggested code onto the working list, or reject it with a reason. */
export function CodeChoice({ code, accepted, rejection, onAccept, onReject, onFormClosed }: Props) {
  const [rejecting, setRejecting] = useState(false);
  if (accepted) return <span class="accepted"> · on the working list</span>;
  const close = () => {
    setRejecting(false);
    onFormClosed();
  };
  return (
    <>
      {rejection && <span class="rejected"> · rejected: {rejection.reason}</span>}{' '}
      <button type="button" class="accept" onClick={onAccept}>
        Accept {code.code}
      </button>
      {!rejection && !rejecting && (
        <>
          {' '}
          <button type="button" class="reject" onClick={() => setRejecting(true)}>
            Reject {code.code}…
          </button>
        </>
      )}
      {rejecting && (
        <RejectCodeForm
          code={code.code}
          onCancel={close}
          onReject={(reason, initials) => {
            onReject(reason, initials);
            close();
          }}
        />
      )}
    </>
  );
}
