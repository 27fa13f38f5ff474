/**
 * The host-permission pattern for exactly the origin a user typed ("ehr.example.org/login" →
 * "https://ehr.example.org/*"). Only http(s) origins; anything else gives undefined.
 */
export function originPattern(text: string): string | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  try {
    const url = new URL(/^[a-z][\w+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
    if (!url.hostname || url.hostname.includes('*')) return undefined;
    return `${url.protocol}//${url.hostname}/*`;
  } catch {
    return undefined;
  }
}
