import { loadPacks, type PackError, type PackFile } from '../engine/packs.ts';
import { withCustomPacks } from '../background/rule-engine.ts';

/** A file the user picked: its name and text. */
export interface UploadedFile {
  name: string;
  text: string;
}

/** What checking an upload found: the files as they would be stored, which are valid, and why the others are not. */
export interface CustomPackCheck {
  files: PackFile[];
  valid: PackFile[];
  errors: PackError[];
}

const PACK_NAME = /^[a-z0-9][a-z0-9-]*$/;

/** Why a pack name cannot be used (it becomes a folder name and part of every rule's key). */
export function packNameError(name: string): string | undefined {
  if (name === '') return 'Enter a pack name.';
  return PACK_NAME.test(name) ? undefined : 'Use lower-case letters, digits and hyphens, e.g. "facility-bylaws".';
}

/**
 * Validates the uploaded files as `<pack>/<file name>` exactly as the worker will load them:
 * beside the bundled packs and the facility's other custom files, so shared conditions of the
 * pack's pack.json apply and a file that replaces a shipped rule is checked in its place.
 */
export function checkCustomPack(pack: string, uploads: UploadedFile[], bundled: PackFile[], existing: PackFile[]): CustomPackCheck {
  const files = uploads.map((upload) => ({ path: `${pack}/${upload.name}`, text: upload.text }));
  const paths = new Set(files.map((file) => file.path));
  const { errors } = loadPacks(withCustomPacks(bundled, mergeCustomFiles(existing, files)));
  const own = errors.filter((error) => paths.has(error.file));
  const bad = new Set(own.map((error) => error.file));
  return { files, valid: files.filter((file) => !bad.has(file.path)), errors: own };
}

/** The stored custom files with `added` on top (a file of the same path is replaced). */
export function mergeCustomFiles(existing: PackFile[], added: PackFile[]): PackFile[] {
  const byPath = new Map(existing.map((file) => [file.path, file]));
  for (const file of added) byPath.set(file.path, file);
  return [...byPath.values()].sort((a, b) => a.path.localeCompare(b.path));
}

/** The custom packs by name, each with its file names. */
export function customPackNames(files: PackFile[]): { name: string; files: string[] }[] {
  const byPack = new Map<string, string[]>();
  for (const file of files) {
    const [pack = '', ...rest] = file.path.split('/');
    byPack.set(pack, [...(byPack.get(pack) ?? []), rest.join('/')]);
  }
  return [...byPack].map(([name, names]) => ({ name, files: names.sort() })).sort((a, b) => a.name.localeCompare(b.name));
}

/** The custom files without those of one pack. */
export function withoutPack(files: PackFile[], pack: string): PackFile[] {
  return files.filter((file) => !file.path.startsWith(`${pack}/`));
}
