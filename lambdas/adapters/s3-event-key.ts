/**
 * Object keys as S3 writes them into event notifications and Batch Operations tasks: form-URL-encoded
 * ("application/x-www-form-urlencoded", S3 user guide, "Event message structure"): a space becomes `+`,
 * `/` stays as it is, and every other byte outside `A-Z a-z 0-9 - _ . *` of the key's UTF-8 is `%XX`.
 */

/** The object key an event carries, decoded: `+` first, then the percent escapes. Throws URIError when malformed. */
export function decodeEventKey(raw: string): string {
  return decodeURIComponent(raw.replace(/\+/g, ' '));
}

const HEX = '0123456789ABCDEF';

/** True for the bytes S3 leaves unencoded in an event key. */
function isKept(byte: number): boolean {
  return (
    (byte >= 0x30 && byte <= 0x39) || // 0-9
    (byte >= 0x41 && byte <= 0x5a) || // A-Z
    (byte >= 0x61 && byte <= 0x7a) || // a-z
    byte === 0x2d || byte === 0x5f || byte === 0x2e || byte === 0x2a || // - _ . *
    byte === 0x2f // '/': S3 keeps the "folder" separator readable
  );
}

/**
 * Encodes a key the way S3 does in event notifications: `a b+c(1).txt` -> `a+b%2Bc%281%29.txt`.
 * Used by the local loop, whose S3 server emits raw keys, so the handler only ever sees what S3 sends.
 */
export function encodeEventKey(key: string): string {
  let out = '';
  for (const byte of new TextEncoder().encode(key)) {
    if (isKept(byte)) out += String.fromCharCode(byte);
    else if (byte === 0x20) out += '+';
    else out += `%${HEX[byte >> 4]}${HEX[byte & 15]}`;
  }
  return out;
}

/**
 * Orders two S3 sequencers of events on the same key: negative when `a` happened before `b`.
 * Sequencers are hex strings of different lengths; S3 says to right-pad the shorter with zeros and
 * compare them as strings (user guide, "Event message structure").
 */
export function compareSequencers(a: string, b: string): number {
  const width = Math.max(a.length, b.length);
  const x = a.toUpperCase().padEnd(width, '0');
  const y = b.toUpperCase().padEnd(width, '0');
  return x < y ? -1 : x > y ? 1 : 0;
}
