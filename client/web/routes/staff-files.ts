// A file a unit sent with a report, served to whoever may read that task: only a file that
// belongs to a report of that task, whatever hash is asked for.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply } from 'fastify';
import type { TaskRow } from '../../../db/read-model';
import { AppError } from '../errors';
import { attachmentPath, contentDisposition } from './attachments';

export async function sendTaskFile(
  reply: FastifyReply,
  dataDir: string,
  row: TaskRow,
  sha256: string,
): Promise<FastifyReply> {
  const file = row.snapshot.state.reports.flatMap((r) => r.attachments).find((a) => a.sha256 === sha256);
  if (!file) throw new AppError('NOT_FOUND', `sha: no file ${sha256} in the reports of ${row.workflow_id}`);
  const where = attachmentPath(dataDir, file.sha256);
  if (!(await stat(where).catch(() => undefined)))
    throw new AppError('NOT_FOUND', `sha: the file ${file.name} is no longer stored`);
  return reply
    .header('content-disposition', contentDisposition(file.name))
    .header('cache-control', 'no-store')
    .type('application/octet-stream')
    .send(createReadStream(where));
}
