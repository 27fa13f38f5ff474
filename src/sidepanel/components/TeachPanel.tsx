import { createContext } from 'preact';
import { useContext, useEffect, useState } from 'preact/hooks';
import { PROFILE_FIELDS, type ProfileField } from '../../chart/site-profile/format.ts';
import { browser } from '../../shared/browser.ts';
import type { Message, TeachFinishAnswer, TeachPickAnswer } from '../../shared/messages.ts';
import { database } from '../../storage/database.ts';
import { saveSiteProfile } from '../../storage/site-profiles.ts';

/** The tab the panel reports on, for teach mode (absent outside a chart: no offer to teach). */
export const TeachTarget = createContext<number | undefined>(undefined);

/**
 * "Teach chartlint this page": offered while the read is incomplete; once open it stays open
 * (the read becomes complete as the user teaches, and the result must stay on screen).
 */
export function TeachOffer({ incomplete }: { incomplete: boolean }) {
  const tabId = useContext(TeachTarget);
  const [open, setOpen] = useState(false);
  if (tabId === undefined) return null;
  if (open) return <TeachPanel tabId={tabId} onClose={() => setOpen(false)} />;
  if (!incomplete) return null;
  return (
    <p class="teach-offer">
      <button type="button" onClick={() => setOpen(true)}>Teach chartlint this page</button>
    </p>
  );
}

/**
 * Point-and-click teaching: for each field the user presses Pick, then clicks the element on
 * the page; Save turns the picks into the origin's site profile (built by the page, which holds
 * the elements), stores it and has the page read again with it.
 */
function TeachPanel({ tabId, onClose }: { tabId: number; onClose: () => void }) {
  const [picked, setPicked] = useState<Partial<Record<ProfileField, string>>>({});
  const [active, setActive] = useState<ProfileField>();
  const [status, setStatus] = useState('Press Pick beside a field, then click it on the page.');
  const [saved, setSaved] = useState(false);
  const toPage = (message: Message) => browser.tabs.sendMessage(tabId, message, { frameId: 0 });

  // Leaving teach mode any way (closing the panel too) takes the overlay off the page.
  useEffect(() => () => {
    void toPage({ type: 'panel-cs-teach-stop' }).catch(() => undefined);
  }, [tabId]);

  const pick = async (field: ProfileField, label: string, hint: string) => {
    setActive(field);
    setStatus(`Click ${hint} on the page (Esc cancels).`);
    try {
      const answer = (await toPage({ type: 'panel-cs-teach-pick', field, prompt: `click ${hint}` })) as TeachPickAnswer;
      if (answer.picked) {
        setPicked((p) => ({ ...p, [field]: answer.text }));
        setStatus(`Picked the ${label}.`);
      } else setStatus(`Pick of the ${label} cancelled.`);
    } catch {
      setStatus('The page did not answer. Reload it and try again.');
    } finally {
      setActive((current) => (current === field ? undefined : current));
    }
  };

  const cancelPick = () => void toPage({ type: 'panel-cs-teach-stop', pickOnly: true }).catch(() => undefined);

  const save = async () => {
    try {
      const answer = (await toPage({ type: 'panel-cs-teach-finish' })) as TeachFinishAnswer;
      if (!answer.ok) {
        setStatus(answer.problem);
        return;
      }
      await saveSiteProfile(await database(), answer.profile);
      await browser.runtime.sendMessage({ type: 'panel-bg-site-profile-changed', origin: answer.profile.origin } satisfies Message);
      setSaved(true);
      setStatus(`Saved the site profile for ${answer.profile.origin}: its charts are now read with what you showed. Export or delete it on the options page.`);
    } catch (error) {
      setStatus(`Could not save the site profile: ${(error as Error).message}`);
    }
  };

  return (
    <section class="teach-panel" aria-labelledby="teach-heading" onKeyDown={(e) => e.key === 'Escape' && active && cancelPick()}>
      <h2 id="teach-heading">Teach chartlint this page</h2>
      <ul class="teach-fields">
        {PROFILE_FIELDS.map(({ field, label, hint }) => (
          <li key={field} data-teach-field={field}>
            <button type="button" disabled={saved} aria-pressed={active === field} aria-label={`Pick the ${label}`} onClick={() => void pick(field, label, hint)}>
              {picked[field] === undefined ? 'Pick' : 'Pick again'}
            </button>{' '}
            <strong>{label}</strong>{' '}
            {/* The chart's own text, shown as text. */}
            {picked[field] === undefined ? <span class="muted">{hint}</span> : <q class="teach-picked">{picked[field]}</q>}
          </li>
        ))}
      </ul>
      <p>
        {active && <><button type="button" onClick={cancelPick}>Cancel pick</button>{' '}</>}
        {!saved && <button type="button" disabled={Object.keys(picked).length === 0} onClick={() => void save()}>Save site profile</button>}{' '}
        <button type="button" onClick={onClose}>{saved ? 'Close' : 'Cancel'}</button>
      </p>
      <p role="status" data-testid="teach-status">{status}</p>
    </section>
  );
}
