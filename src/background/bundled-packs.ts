import type { PackFile } from '../engine/packs.ts';

/**
 * The rule packs shipped in the extension: every rules/<pack>/*.json except test cases, as
 * raw text so that loadPacks reports a malformed file the same way it does for an imported
 * pack. Vite inlines them at build time; nothing is fetched.
 */
const RAW = import.meta.glob<string>(['/rules/*/*.json', '!/rules/*/*.cases.json', '!/rules/adapters/**'], {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const BUNDLED_PACK_FILES: PackFile[] = Object.entries(RAW)
  .map(([path, text]) => ({ path: path.replace(/^\/rules\//, ''), text }))
  .sort((a, b) => a.path.localeCompare(b.path));
