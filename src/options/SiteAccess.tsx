import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import { originPattern } from './origin-pattern.ts';

/**
 * The sites chartlint may read. Each is an optional host permission asked for at run time,
 * for exactly that origin, and revocable here or in the browser's extension settings.
 */
export function SiteAccess() {
  const [origins, setOrigins] = useState<string[]>([]);
  const [input, setInput] = useState('');
  const [message, setMessage] = useState('');
  const builtIn = browser.runtime.getManifest().host_permissions ?? [];

  const refresh = () => {
    void browser.permissions.getAll().then((all) => setOrigins(all.origins ?? []));
  };
  useEffect(refresh, []);

  const enable = async (event: Event) => {
    event.preventDefault();
    const pattern = originPattern(input);
    if (!pattern) {
      setMessage(`"${input}" is not a web address chartlint can enable (use https://ehr.example.org).`);
      return;
    }
    const granted = await browser.permissions.request({ origins: [pattern] });
    setMessage(granted ? `Enabled ${pattern}. Reload its pages to start checking them.` : `Access to ${pattern} was not granted.`);
    setInput('');
    refresh();
  };

  const revoke = async (origin: string) => {
    await browser.permissions.remove({ origins: [origin] });
    setMessage(`chartlint no longer reads ${origin}.`);
    refresh();
  };

  return (
    <section aria-labelledby="sites-heading">
      <h2 id="sites-heading">Enabled sites</h2>
      <p class="muted">chartlint reads pages only on these sites. The demo EHR on 127.0.0.1 and localhost is always enabled.</p>
      <ul class="chart-items" data-testid="enabled-sites">
        {origins.map((origin) => (
          <li key={origin}>
            <code>{origin}</code>{' '}
            {builtIn.includes(origin) ? <span class="muted">(built in)</span> : <button type="button" onClick={() => void revoke(origin)}>Revoke</button>}
          </li>
        ))}
      </ul>
      <form onSubmit={(event) => void enable(event)}>
        <label for="site-origin">Enable a site</label>{' '}
        <input id="site-origin" type="url" placeholder="https://ehr.example.org" value={input} onInput={(event) => setInput(event.currentTarget.value)} />{' '}
        <button type="submit">Enable</button>
      </form>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
