import { useCallback, useEffect, useState } from 'preact/hooks';
import { database } from '../storage/database.ts';
import { readReviewRecord } from '../storage/review-record.ts';
import type { ReviewRecord } from '../storage/review-types.ts';
import { readSettings } from '../storage/settings.ts';
import type { MetricOptions } from './table.ts';

export interface LoadedReview {
  record: ReviewRecord;
  options: MetricOptions;
}

/**
 * The review record and the delinquency limit, read from this browser's IndexedDB when the page
 * opens and again whenever it comes back into view (charts were reviewed in the meantime).
 */
export function useReviewRecord(): { loaded: LoadedReview | undefined; error: string; reload: () => Promise<void> } {
  const [loaded, setLoaded] = useState<LoadedReview>();
  const [error, setError] = useState('');
  const reload = useCallback(async () => {
    try {
      const db = await database();
      const [record, settings] = await Promise.all([readReviewRecord(db), readSettings(db)]);
      setLoaded({ record, options: { now: new Date().toISOString(), delinquencyDays: settings.delinquencyDays } });
      setError('');
    } catch (problem) {
      setError(`The review record could not be read from this browser's storage: ${(problem as Error).message}`);
    }
  }, []);
  useEffect(() => {
    void reload();
    const onVisible = () => {
      if (document.visibilityState === 'visible') void reload();
    };
    document.addEventListener('visibilitychange', onVisible);
    return () => document.removeEventListener('visibilitychange', onVisible);
  }, [reload]);
  return { loaded, error, reload };
}
