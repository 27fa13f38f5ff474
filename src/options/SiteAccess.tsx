import { useEffect, useState } from 'preact/hooks';
import { originPattern } from './origin-pattern.ts';
import { builtInOrigins, grantedOrigins, removeOrigins, requestOrigins } from './permissions.ts';

/**
 * The sites chartlint may read. Each is an optional host permission asked for at run time,
 * for exactly that origin, and revocable here or in the browser's extension settings.
 */
export function SiteAccess() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState('');
  const [asking, setAsking] = useState('');
  const builtIn = builtInOrigins();

  const refresh = () => {
    void grantedOrigins().then(setOrigins);
  };
  useEffect(refresh, []);

  const enable = async (event: Event) => {
    event.preventDefault();
    const pattern = originPattern(input);
    if (!pattern) {
      setMessage(`"${input}" is not a web address chartlint can enable (use https://ehr.example.org).`);
      return;
    }
    setAsking(pattern);
    setMessage(`Asking the browser for access to ${pattern}…`);
    try {
      const granted = await requestOrigins([pattern]);
      setMessage(granted ? `Enabled ${pattern}. Reload its pages to start checking them.` : `Access to ${pattern} was not granted.`);
      if (granted) setInput('');
    } catch (error) {
      setMessage(`The browser refused the request for ${pattern}: ${(error as Error).message}`);
    } finally {
      setAsking('');
      refresh();
    }
  };

  const revoke = async (origin: string) => {
    await removeOrigins([origin]);
    setMessage(`chartlint no longer reads ${origin}.`);
    refresh();
  };

  const added = origins.filter((origin) => !builtIn.includes(origin));
  return (
    <section aria-labelledby="sites-heading" class="options-section">
      <h2 id="sites-heading">Enabled sites</h2>
      <p class="muted">chartlint reads pages only on these sites, and only in this browser.</p>
      <h3>Built in</h3>
      <ul class="chart-items" data-testid="built-in-sites">
        {builtIn.map((origin) => (
          <li key={origin}>
            <code>{origin}</code> <span class="muted">(the demo EHR; always enabled)</span>
          </li>
        ))}
      </ul>
      <h3>Enabled by you</h3>
      {added.length === 0 && <p class="muted">None yet.</p>}
      <ul class="chart-items" data-testid="enabled-sites">
        {added.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{' '}
            <button type="button" onClick={() => void revoke(origin)} aria-label={`Revoke ${origin}`}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void enable(event)}>
        <label for="site-origin">Enable a site</label>{' '}
        <input id="site-origin" type="text" inputMode="url" placeholder="https://ehr.example.org" value={input} onInput={(event) => setInput(event.currentTarget.value)} />{' '}
        <button type="submit" disabled={asking !== ''}>
          Enable
        </button>
      </form>
      {message && (
        <p role="status" data-testid="site-status">
          {message}
        </p>
      )}
    </section>
  );
}
