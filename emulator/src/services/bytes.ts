/** Byte helpers: Apps Script hands out bytes as Java does, signed (-128..127). */

export function toSigned(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

export function fromByteArray(bytes: readonly number[]): Uint8Array {
  return Uint8Array.from(bytes, (b) => b & 255);
}

export type CharsetName = 'UTF_8' | 'US_ASCII';

export function encodeString(text: string, charset: CharsetName = 'UTF_8'): Uint8Array {
  if (charset === 'US_ASCII') {
    // Java replaces unmappable characters with '?'.
    return Uint8Array.from(text, (c) => (c.charCodeAt(0) < 128 ? c.charCodeAt(0) : 63));
  }
  return new TextEncoder().encode(text);
}

export function decodeBytes(bytes: Uint8Array, charset = 'UTF-8'): string {
  const label = charset.toLowerCase().replace(/_/g, '-');
  if (label === 'us-ascii' || label === 'ascii') {
    return Array.from(bytes, (b) => (b < 128 ? String.fromCharCode(b) : '\ufffd')).join('');
  }
  // Java's String(bytes, charset) keeps a byte-order mark as U+FEFF; TextDecoder drops it unless told.
  return new TextDecoder(label, { ignoreBOM: true }).decode(bytes);
}

export function toBase64(bytes: Uint8Array, webSafe = false): string {
  return (
    Buffer.from(bytes).toString(webSafe ? 'base64url' : 'base64') +
    (webSafe ? pad(bytes.length) : '')
  );
}

function pad(length: number): string {
  // Java's URL-safe encoder keeps the '=' padding that Node's base64url drops.
  const rest = length % 3;
  return rest === 0 ? '' : '='.repeat(3 - rest);
}

export function fromBase64(encoded: string): Uint8Array {
  return new Uint8Array(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
}
