/**
 * JSON encoding for the browser preview's channel, which must carry file bytes: a Uint8Array
 * travels as `{"$bytes": "<base64>"}`. Electron IPC needs none of this (structured clone).
 */

export function encodeWire(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v instanceof Uint8Array ? { $bytes: bytesToBase64(v) } : v,
  );
}

export function decodeWire(text: string): unknown {
  // A reviver makes JSON.parse several times slower on a large answer (a batch of articles),
  // and is needed only where "$bytes" is spelled, plainly or with escapes.
  if (!text.includes('$bytes') && !text.includes('\\u')) return JSON.parse(text);
  return JSON.parse(text, (_key, v: unknown) => {
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const b64 = (v as { $bytes?: unknown }).$bytes;
      if (keys.length === 1 && typeof b64 === 'string') return base64ToBytes(b64);
    }
    return v;
  });
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}

function base64ToBytes(b64: string): Uint8Array {
  const binary = atob(b64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
