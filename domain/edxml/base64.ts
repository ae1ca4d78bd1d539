// Attachments travel as base64 text. Decoded with the web platform's atob/btoa, which every
// JavaScript runtime has, so reading a package stays free of Node's Buffer and of I/O.

/** The bytes of base64 text (line breaks and spaces allowed); undefined when it is not base64. */
export function decodeBase64(text: string): Uint8Array | undefined {
  let binary: string;
  try {
    binary = atob(text.replace(/[\s]+/g, ''));
  } catch {
    return undefined;
  }
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Base64 text of bytes, converted a slice at a time so a large file never builds a huge argument list. */
export function encodeBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let i = 0; i < bytes.length; i += SLICE)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(i + SLICE, bytes.length)));
  return btoa(binary);
}
