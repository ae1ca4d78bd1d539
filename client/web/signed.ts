// Values a page hands the browser to send back untouched (a kept attachment, where a package came
// from): JSON signed with an HMAC of the app's secret and a binding that says what the value is
// for, so a form can neither alter one nor pass off a value signed for something else.
import { createHmac, timingSafeEqual } from 'node:crypto';

const mac = (secret: string, binding: string, payload: string): string =>
  createHmac('sha256', secret).update(`${binding}\n${payload}`).digest('base64url');

/** `<payload>.<signature>`, both base64url: safe in a hidden field. */
export function signValue(secret: string, binding: string, value: unknown): string {
  const payload = Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${payload}.${mac(secret, binding, payload)}`;
}

/** The value signed, or undefined for a token altered, cut, or signed with another key or binding. */
export function verifiedValue(secret: string, binding: string, token: string): unknown {
  const [payload = '', signature = '', ...rest] = token.split('.');
  if (rest.length) return undefined;
  const expected = Buffer.from(mac(secret, binding, payload));
  if (signature.length !== expected.length || !timingSafeEqual(Buffer.from(signature), expected)) return undefined;
  try {
    return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as unknown;
  } catch {
    return undefined;
  }
}
