import { openDB } from 'idb';

/**
 * Opens a database at an old version with the upgrade steps as chartlint shipped them, frozen
 * here on purpose (not imported from db.ts): a migration test must start from the old schema
 * even after db.ts changes.
 */
export function openShippedDatabase(name: string, version: 1 | 2 | 3) {
  return openDB(name, version, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        db.createObjectStore('releases', { keyPath: 'id' }).createIndex('by-system', 'system');
        db.createObjectStore('releaseChunks', { keyPath: ['releaseId', 'field', 'index'] }).createIndex('by-release', 'releaseId');
        db.createObjectStore('active', { keyPath: 'system' });
        db.createObjectStore('settings', { keyPath: 'key' });
        const dismissals = db.createObjectStore('dismissals', { keyPath: ['chartKey', 'fingerprint'] });
        dismissals.createIndex('by-rule', 'rule');
        dismissals.createIndex('by-chart', 'chartKey');
        db.createObjectStore('audit', { keyPath: 'id', autoIncrement: true }).createIndex('by-time', 'at');
      }
      if (version >= 2 && oldVersion < 2) db.createObjectStore('siteProfiles', { keyPath: 'origin' });
      if (version >= 3 && oldVersion < 3) db.createObjectStore('drgWeights', { keyPath: 'id' });
    },
  });
}
