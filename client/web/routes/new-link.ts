// "Lost your link?" (/lien-ket). The links are looked up and mailed after the answer has gone,
// so neither the page nor the time it takes tells whether the address is in the directory.
import { randomUUID } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { createSmtpMailer } from '../../../activities/mailer';
import { newLinkFormView, newLinkSentView } from '../views/new-link';
import { langOf, linkRateLimit, newLinkRateLimit, registerGuards } from './link-guard';
import { mailNewLinks } from './new-link-mail';
import { smtpUrlOf } from './ops';
import type { WebDeps } from '../deps';

const NEW_LINK_FORM = 'new-link-form';
const Email = z.email().max(254);
const RequestId = z.string().regex(/^[A-Za-z0-9-]{8,100}$/);

export const newLinkRoutes: FastifyPluginAsync<WebDeps> = async (app, deps) => {
  await registerGuards(app, deps, { binding: () => NEW_LINK_FORM });
  const mailer = createSmtpMailer(smtpUrlOf(deps));
  const mailing = new Set<Promise<void>>();
  app.addHook('onClose', async () => {
    await Promise.allSettled([...mailing]);
    mailer.close();
  });

  app.get('/lien-ket', { config: linkRateLimit(deps) }, async (req, reply) => {
    return reply.header('cache-control', 'no-store').view(
      'public/new-link',
      newLinkFormView({
        lang: langOf(req, deps.config.DEFAULT_LANG),
        csrf: reply.generateCsrf({ userInfo: NEW_LINK_FORM }),
        requestId: randomUUID(),
        email: '',
        error: false,
      }),
    );
  });

  app.post<{ Body: { email?: string; requestId?: string } }>(
    '/lien-ket',
    { config: newLinkRateLimit(deps), preHandler: app.csrfProtection },
    async (req, reply) => {
      const lang = langOf(req, deps.config.DEFAULT_LANG);
      const email = Email.safeParse(String(req.body?.email ?? '').trim());
      const requestId = RequestId.safeParse(req.body?.requestId).data ?? randomUUID();
      if (!email.success) {
        return reply.status(422).view(
          'public/new-link',
          newLinkFormView({
            lang,
            csrf: reply.generateCsrf({ userInfo: NEW_LINK_FORM }),
            requestId,
            email: String(req.body?.email ?? ''),
            error: true,
          }),
        );
      }
      const work = mailNewLinks(
        { pool: deps.pool, links: deps.links, mailer, from: deps.config.MAIL_FROM, publicUrl: deps.config.publicUrl },
        { address: email.data, requestId, lang },
      )
        .then(() => undefined)
        // A failed send stays in the outbox as pending with its error; the person can ask again.
        .catch((err: Error) => req.log.error({ error: err.message }, 'new link mail failed'))
        .finally(() => mailing.delete(work));
      mailing.add(work);
      return reply.header('cache-control', 'no-store').view('public/new-link-sent', newLinkSentView(lang));
    },
  );
};
