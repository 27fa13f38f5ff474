/**
 * Decompression at the boundary, before the (pure, synchronous) importers: CMS and CDC ship
 * gzip/zip files and users may pick a .gz. Uses the web-standard DecompressionStream, present
 * in browsers, service workers and Node 18+ alike; Node scripts may use node:zlib instead.
 */

/** True when the bytes start with the gzip magic number. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Gunzips gzip bytes; other bytes are returned as they are. Rejects on a truncated stream. */
export async function gunzipIfNeeded(bytes: Uint8Array): Promise<Uint8Array> {
  if (!isGzip(bytes)) return bytes;
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
