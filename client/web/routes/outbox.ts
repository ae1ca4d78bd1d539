// The mail outbox page: every message the embedded SMTP sink received, newest first, so a
// person trying dondoc can open the links departments would get. Those links open the tasks, so
// the page is the office's alone: a coordinator or an admin, logged in.
import type { FastifyPluginAsync } from 'fastify';
import { mailById, recentMail } from '../../../db/mailbox';
import { AppError } from '../errors';
import { formatDateTime } from '../../../domain/format';
import type { StaffDeps } from '../deps';
import { requireRole } from './auth';

/** A message's text cut at each web link, so the page can make the links clickable. */
export function linkParts(text: string): ({ text: string } | { link: string })[] {
  return text.split(/(https?:\/\/[^\s<]+)/).map((part, i) => (i % 2 ? { link: part } : { text: part }));
}

/** When the sink took a message, on Vietnam's clock like every other time the office reads. */
const at = (received: Date) => formatDateTime(received.getTime(), 'vi');

export const outboxRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const office = requireRole(deps.users, ['coordinator', 'admin']);
  app.get('/outbox', { preHandler: office }, async (_req, reply) =>
    reply.view('public/outbox', { rows: await recentMail(deps.pool), at }),
  );

  app.get<{ Params: { id: string } }>(
    '/outbox/:id',
    {
      preHandler: office,
      schema: {
        params: { type: 'object', properties: { id: { type: 'string', pattern: '^[0-9]{1,18}$' } }, required: ['id'] },
      },
    },
    async (req, reply) => {
      const m = await mailById(deps.pool, req.params.id);
      if (!m) throw new AppError('NOT_FOUND', 'no such message');
      return reply.view('public/outbox-message', { m, parts: linkParts(m.body_text), at });
    },
  );
};
