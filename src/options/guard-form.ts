/**
 * Checks for the pre-submission settings. The content script compiles the button pattern with
 * `new RegExp(pattern, 'i')` and falls back to its default when that throws, so a bad pattern is
 * refused here, where the user can fix it, rather than silently ignored in the page.
 */
import type { Severity } from '../engine/finding.ts';

/** Severities in the order the page lists them. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Why the button-label pattern cannot be used, or undefined when it compiles. */
export function buttonPatternError(pattern: string): string | undefined {
  if (pattern.trim() === '') return 'Enter a pattern, for example ^\\s*(submit|sign)\\b';
  try {
    new RegExp(pattern, 'i');
    return undefined;
  } catch (error) {
    return `Not a valid regular expression: ${(error as Error).message}`;
  }
}

/**
 * The origin a per-site setting is keyed by, as the worker computes it from a tab's URL
 * (`new URL(url).origin`: scheme, host and port). Undefined for anything but http(s).
 */
export function siteOrigin(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(/^[a-z][\w+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    return url.hostname ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
