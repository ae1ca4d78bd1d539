// Attachments a department sends with its report. Each file is stored once under its SHA-256
// (DATA_DIR/attachments/<sha256>), never under a name someone typed; the name is kept only as
// words to show. A file over the size limit is dropped and reported as the field's error.
// A file is read only once its request has shown a good form token, is kept under a name of its
// own until the route takes it, and is removed when the request is refused before that.
import { createHash, randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { MultipartFile } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ReportSubmission } from '../../../domain/schemas';
import { signValue, verifiedValue } from '../signed';

export type StoredAttachment = ReportSubmission['attachments'][number];
export type Upload = StoredAttachment | { name: string; tooLarge: true };

/** A file received with this request: under `pending` until the route takes it into the store. */
interface Received {
  upload?: Upload;
  pending?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The files of this request's multipart body, beside its fields (which are text only). */
    received: Received[] | null;
  }
}

/** The form field a department's files come in; a file in any other field is refused unread. */
export const ATTACHMENTS_FIELD = 'attachments';

const SHA256 = /^[0-9a-f]{64}$/;

export const attachmentDir = (dataDir: string): string => path.join(dataDir, 'attachments');
export const attachmentPath = (dataDir: string, sha256: string): string => {
  if (!SHA256.test(sha256)) throw new RangeError('not a SHA-256');
  return path.join(attachmentDir(dataDir), sha256);
};

/** A file name as words to show: no folders, no control characters, at most 200 characters. */
export function displayName(raw: string): string {
  const base = raw.split(/[\\/]/).pop() ?? '';
  const clean = base
    .replace(/[\u0000-\u001f\u007f]/g, '')
    .trim()
    .slice(0, 200);
  return clean || 'tep-dinh-kem';
}

/**
 * Registers the multipart onFile handler of a department's forms: it first asks `admit` (the link
 * and form token checks), then streams the file to a name of its own, hashing it on the way. The
 * files the route never took are removed once the answer is sent, whatever it was.
 */
export function receiveUploads(
  app: FastifyInstance,
  dataDir: string,
  admit: (req: FastifyRequest, part: MultipartFile) => Promise<void>,
) {
  app.decorateRequest('received', null);
  const discard = async (req: FastifyRequest) => {
    const pending = (req.received ?? []).flatMap((r) => r.pending ?? []);
    req.received = null;
    await Promise.all(pending.map((file) => unlink(file).catch(() => undefined)));
  };
  app.addHook('onResponse', discard);
  app.addHook('onRequestAbort', discard);
  return async function onFile(this: FastifyRequest, part: MultipartFile): Promise<void> {
    try {
      await admit(this, part);
    } catch (err) {
      part.file.resume(); // read to its end, written nowhere
      throw err;
    }
    const received = (this.received ??= []);
    const dir = attachmentDir(dataDir);
    await mkdir(dir, { recursive: true });
    const tmp = path.join(dir, `.upload-${randomUUID()}`);
    const hash = createHash('sha256');
    let bytes = 0;
    const count = new Transform({
      transform(chunk: Buffer, _enc, done) {
        hash.update(chunk);
        bytes += chunk.length;
        done(null, chunk);
      },
    });
    const entry: Received = { pending: tmp }; // described once it has arrived whole
    received.push(entry);
    await pipeline(part.file, count, createWriteStream(tmp, { mode: 0o600 }));
    const name = displayName(part.filename);
    if (part.file.truncated || (!part.filename && bytes === 0)) {
      await unlink(tmp);
      delete entry.pending;
      // A file input left empty still sends a nameless, empty part: that is no file at all.
      if (part.file.truncated) entry.upload = { name, tooLarge: true };
      else received.pop();
      return;
    }
    entry.upload = { name, sha256: hash.digest('hex'), bytes };
  };
}

/** The files of this request, moved into the store: only a route that uses them takes them. */
export async function takeUploads(req: FastifyRequest, dataDir: string): Promise<Upload[]> {
  const taken: Upload[] = [];
  for (const r of req.received ?? []) {
    if (!r.upload) continue;
    if (r.pending && 'sha256' in r.upload) {
      await rename(r.pending, attachmentPath(dataDir, r.upload.sha256));
      delete r.pending;
    }
    taken.push(r.upload);
  }
  return taken;
}

/**
 * When a form comes back with an error, the files already stored ride along in hidden fields so
 * nothing sent is lost. They are signed for this link, so a form cannot claim a file it never sent.
 */
export function keepToken(secret: string, binding: string, a: StoredAttachment): string {
  return signValue(secret, binding, [a.sha256, a.bytes, a.name]);
}

export async function keptAttachments(
  dataDir: string,
  secret: string,
  binding: string,
  values: string[],
): Promise<StoredAttachment[]> {
  const kept: StoredAttachment[] = [];
  for (const value of values) {
    const signed = verifiedValue(secret, binding, value);
    if (!Array.isArray(signed)) continue;
    const [sha256, bytes, name] = signed as [string, number, string];
    const found = await stat(attachmentPath(dataDir, sha256)).catch(() => undefined);
    if (found?.size === bytes) kept.push({ sha256, bytes, name });
  }
  return kept;
}

/** A Content-Disposition that keeps a Vietnamese file name intact (RFC 6266 / 5987). */
export function contentDisposition(name: string): string {
  const ascii = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
