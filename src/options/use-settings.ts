import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { browser } from '../shared/browser.ts';
import type { Message } from '../shared/messages.ts';
import { readSettings, writeSettings, type UserSettings } from '../storage/settings.ts';
import { database } from '../storage/database.ts';

/** Applies a change to the settings and saves it; resolves once the worker has re-checked open charts. */
export type UpdateSettings = (change: (current: UserSettings) => UserSettings) => Promise<void>;

/** Tells the worker to rebuild its rules and re-check every open chart. */
export async function notifySettingsChanged(): Promise<void> {
  await browser.runtime.sendMessage({ type: 'panel-bg-settings-changed' } satisfies Message);
}

/**
 * The user's settings for the whole page. Every section changes them through `update`, which
 * applies changes in order on the latest value (two quick changes never overwrite each other),
 * writes them to IndexedDB and tells the worker.
 */
export function useSettings(): { settings: UserSettings | undefined; error: string; update: UpdateSettings; reload: () => Promise<void> } {
  const [settings, setSettings] = useState<UserSettings>();
  const [error, setError] = useState('');
  const latest = useRef<UserSettings | undefined>(undefined);
  const queue = useRef<Promise<void>>(Promise.resolve());

  const reload = useCallback(async () => {
    try {
      const read = await readSettings(await database());
      latest.current = read;
      setSettings(read);
      setError('');
    } catch (problem) {
      setError(`The settings could not be read from this browser's storage: ${(problem as Error).message}`);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);

  const update = useCallback<UpdateSettings>((change) => {
    const run = async () => {
      const current = latest.current ?? (await readSettings(await database()));
      const next = change(current);
      latest.current = next;
      setSettings(next);
      await writeSettings(await database(), next);
      await notifySettingsChanged();
    };
    const next = queue.current.then(run);
    queue.current = next.catch(() => undefined);
    return next;
  }, []);

  return { settings, error, update, reload };
}
