import { useEffect, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';
import { activateRelease, deleteRelease, listReleases } from '../storage/codesets.ts';
import type { ReleaseRecord } from '../storage/db.ts';
import { systemLabel } from './code-systems.ts';
import { database } from '../storage/database.ts';

/** The imported releases, newest first, with the one in use per system marked; earlier ones can be used again. */
export function ReleaseList({ version }: { version: number }) {
  const [releases, setReleases] = useState<ReleaseRecord[]>([]);
  const [active, setActive] = useState<Set<string>>(new Set());
  const [reload, setReload] = useState(0);

  useEffect(() => {
    void (async () => {
      const db = await database();
      setReleases(await listReleases(db));
      setActive(new Set((await db.getAll('active')).map((a) => a.releaseId)));
    })();
  }, [version, reload]);

  const use = async (id: string) => {
    await activateRelease(await database(), id);
    await browser.runtime.sendMessage({ type: 'panel-bg-codes-imported' } satisfies Message).catch(() => undefined);
    setReload((n) => n + 1);
  };
  const remove = async (id: string) => {
    await deleteRelease(await database(), id);
    setReload((n) => n + 1);
  };

  if (releases.length === 0) return <p class="muted" data-testid="releases-empty">No release imported yet: the starter table is in use.</p>;
  return (
    <table class="releases" data-testid="releases">
      <caption>Imported releases</caption>
      <thead>
        <tr><th scope="col">Code set</th><th scope="col">Fiscal year</th><th scope="col">File</th><th scope="col">Status</th><th scope="col">Counts</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
      </thead>
      <tbody>
        {releases.map((r) => {
          const inUse = active.has(r.id);
          return (
            <tr key={r.id} data-system={r.system} data-status={inUse ? 'active' : r.status}>
              <td>{systemLabel(r.system)}</td>
              <td>{r.fiscalYear ? `FY${r.fiscalYear}` : '—'}{r.version ? ` (v${r.version})` : ''}</td>
              <td>{r.source}</td>
              <td>{inUse ? <strong>In use</strong> : r.status === 'failed' ? <span class="problem">Failed: {r.error}</span> : r.status === 'staging' ? 'Interrupted' : 'Ready'}</td>
              <td>{Object.entries(r.counts).map(([k, v]) => `${v.toLocaleString('en-US')} ${k}`).join(', ')}</td>
              <td>
                {!inUse && r.status === 'ready' && <button type="button" onClick={() => void use(r.id)}>Use this release</button>}{' '}
                {!inUse && <button type="button" onClick={() => void remove(r.id)} aria-label={`Delete ${r.source}`}>Delete</button>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
