// The files of a received package are kept where report attachments are kept: under DATA_DIR,
// named by their SHA-256 (never by a name the sender chose), so a file arriving twice is
// stored once and no name can reach outside the folder.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Attachment } from '../../domain/edxml';

/** The same folder the web app keeps report attachments in. */
export const attachmentStore = (dataDir: string): string => path.join(dataDir, 'attachments');

export interface KeptAttachment {
  name: string;
  mimeType: string;
  bytes: number;
  sha256: string;
}

export const sha256Of = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export async function keepAttachments(dataDir: string, files: readonly Attachment[]): Promise<KeptAttachment[]> {
  const dir = attachmentStore(dataDir);
  await mkdir(dir, { recursive: true });
  const kept: KeptAttachment[] = [];
  for (const f of files) {
    const sha256 = sha256Of(f.bytes);
    const target = path.join(dir, sha256);
    if (!existsSync(target)) {
      const part = `${target}.${process.pid}.part`;
      await writeFile(part, f.bytes);
      await rename(part, target);
    }
    kept.push({ name: f.name, mimeType: f.mimeType, bytes: f.bytes.byteLength, sha256 });
  }
  return kept;
}
