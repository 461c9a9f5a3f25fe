import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

// The pair a refresh returned is kept for a short retry, sealed with a key derived from the
// refresh token that asked for it: only the holder of that token can open it, and the store
// never holds a usable token in the clear (it keys entries by the token's SHA-256).
const keyOf = (secret: string) => createHash('sha256').update(`pos-refresh-retry\0${secret}`).digest();

export function seal(secret: string, value: unknown): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyOf(secret), iv);
  const body = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return [iv, cipher.getAuthTag(), body].map((part) => part.toString('base64url')).join('.');
}

export function unseal<T>(secret: string, sealed: string): T {
  const [iv, tag, body] = sealed.split('.').map((part) => Buffer.from(part, 'base64url'));
  if (!iv || !tag || !body) throw new Error('malformed sealed value');
  const decipher = createDecipheriv('aes-256-gcm', keyOf(secret), iv);
  decipher.setAuthTag(tag);
  return JSON.parse(Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8')) as T;
}
