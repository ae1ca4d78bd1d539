// The department's page, opened from the link in its email. GET only shows: mail scanners
// prefetch links, so nothing there spends or changes anything. Every action is a POST with a
// form token, sent to the task's workflow as an update, then redirected back to the page.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import multipart from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { localDateOf } from '../../../domain/local-date';
import { AppError } from '../errors';
import { webSecret } from '../secret';
import { refuseNotText } from '../input-guard';
import {
  ATTACHMENTS_FIELD,
  attachmentPath,
  contentDisposition,
  keptAttachments,
  receiveUploads,
  takeUploads,
} from './attachments';
import {
  checkFormToken,
  langOf,
  linkBinding,
  linkRateLimit,
  linkRefused,
  registerGuards,
  requireLink,
} from './link-guard';
import { list, readExtension, readReport, refusalErrors, refusalOf, taskUpdates, valuesOf } from './task-actions';
import { linkedTask, noticeFor, sendTaskPage, type PageContext } from './task-view';
import { canCascade, cascadeRefusal, readCascade, subUnitsOf } from './task-cascade';
import { cascadeUpdate } from '../../../workflows/messages';
import { answerExplanation, explanationFile, opensExplanation, showExplanation } from './explanation-page';
import type { WebDeps } from '../deps';

type Body = Record<string, unknown>;

export const taskPageRoutes: FastifyPluginAsync<WebDeps> = async (app, deps) => {
  await registerGuards(app, deps, { binding: linkBinding });
  const formToken = checkFormToken(app);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    // A file is written only behind a good link and after a good form token, which the page's
    // forms send before their files; anything else is refused before a byte is stored.
    onFile: receiveUploads(app, deps.config.dataDir, async (req, part) => {
      if (!req.linkGrant) throw linkRefused(req, deps.config.DEFAULT_LANG);
      await formToken(req);
      if (part.fieldname !== ATTACHMENTS_FIELD)
        throw new AppError(
          'MALFORMED',
          `${part.fieldname}: không nhận tệp ở đây / ${part.fieldname}: no file is taken here`,
          [part.fieldname],
        );
      refuseNotText({ [ATTACHMENTS_FIELD]: part.filename });
    }),
    throwFileSizeLimit: false,
    limits: {
      fileSize: Math.round(deps.config.ATTACHMENT_MAX_MB * 1_048_576),
      files: 10,
      fields: 100,
      fieldSize: 256 * 1024,
      parts: 120,
    },
  });
  const secret = webSecret(deps.config);
  const linked = { config: linkRateLimit(deps), preParsing: requireLink(app, deps) };

  app.get<{ Params: { token: string }; Querystring: { lang?: string; receipt?: string; done?: string } }>(
    '/t/:token',
    linked,
    async (req, reply) => {
      if (opensExplanation(req)) return showExplanation({ deps, req, reply, secret });
      const lang = langOf(req, deps.config.DEFAULT_LANG);
      const { grant, row } = await linkedTask(deps, req);
      return sendTaskPage({ deps, req, reply, lang, grant, row, secret }, 200, {}, noticeFor(lang, req.query));
    },
  );

  app.post<{ Params: { token: string } }>(
    '/t/:token',
    {
      ...linked,
      // Files kept from an earlier try, and the units a district passes its task on to, come as lists.
      config: { ...linked.config, formLists: ['kept', 'cascade.units'] },
      preHandler: app.csrfProtection,
    },
    async (req, reply) => {
      if (opensExplanation(req)) return answerExplanation({ deps, req, reply, secret }, (req.body ?? {}) as Body);
      const { grant, row } = await linkedTask(deps, req);
      const c: PageContext = { deps, req, reply, lang: langOf(req, deps.config.DEFAULT_LANG), grant, row, secret };
      const body = (req.body ?? {}) as Body;
      if (body.do === 'acknowledge') return acknowledge(c);
      if (body.do === 'report') return report(c, body);
      if (body.do === 'extension') return extension(c, body);
      if (body.do === 'cascade') return cascade(c, body);
      throw new AppError('INVALID_INPUT', 'do: expected acknowledge, report, extension or cascade');
    },
  );

  // An attachment of one of this task's reports, and nothing else, whatever hash is asked for.
  const sha256 = {
    type: 'object',
    properties: { token: { type: 'string' }, sha256: { type: 'string', pattern: '^[0-9a-f]{64}$' } },
    required: ['token', 'sha256'],
  };
  app.get<{ Params: { token: string; sha256: string } }>(
    '/t/:token/tep/:sha256',
    { ...linked, schema: { params: sha256 } },
    async (req, reply) => {
      if (opensExplanation(req)) return explanationFile({ deps, req, reply, secret }, req.params.sha256);
      const { row } = await linkedTask(deps, req);
      // A lead unit's link also opens the files its support units sent for its task.
      const supports =
        row.snapshot.spec.role === 'lead'
          ? await deps.readModel.supportTasksOf(row.directive_number, row.unit_code, row.cycle)
          : [];
      const file = [row, ...supports]
        .flatMap((t) => t.snapshot.state.reports.flatMap((r) => r.attachments))
        .find((a) => a.sha256 === req.params.sha256);
      if (!file) throw linkRefused(req, deps.config.DEFAULT_LANG);
      const where = attachmentPath(deps.config.dataDir, file.sha256);
      if (!(await stat(where).catch(() => undefined)))
        throw new AppError('NOT_FOUND', 'Không tìm thấy tệp. / File not found.');
      return reply
        .header('content-disposition', contentDisposition(file.name))
        .header('cache-control', 'no-store')
        .type('application/octet-stream')
        .send(createReadStream(where));
    },
  );
};

function updates(c: PageContext) {
  if (!c.deps.temporal)
    throw new AppError(
      'UNAVAILABLE',
      'Hệ thống tạm thời chưa nhận được yêu cầu. / The system cannot take requests right now.',
    );
  return taskUpdates(c.deps.temporal, c.grant.taskWorkflowId);
}

/** Post/redirect/get: a refresh of the answer page shows it again instead of sending again. */
const backToPage = (c: PageContext, query: string): FastifyReply => c.reply.redirect(`?lang=${c.lang}&${query}`, 303);

async function acknowledge(c: PageContext): Promise<FastifyReply> {
  try {
    await updates(c).acknowledge(c.grant.recipient);
  } catch (err) {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    return sendTaskPage(c, 422, { errors: refusalErrors(refusal, c.lang, c.row.snapshot.state.deadline) });
  }
  return backToPage(c, 'done=ack');
}

async function report(c: PageContext, body: Body): Promise<FastifyReply> {
  const uploads = await takeUploads(c.req, c.deps.config.dataDir);
  const kept = await keptAttachments(
    c.deps.config.dataDir,
    c.secret,
    linkBinding(c.req),
    list(body.kept).filter((v): v is string => typeof v === 'string'),
  );
  const { spec } = c.row.snapshot;
  const form = readReport(body, {
    indicators: spec.indicators,
    uploads,
    kept,
    by: c.grant.recipient,
    lang: c.lang,
    maxMb: c.deps.config.ATTACHMENT_MAX_MB,
  });
  if (!form.submission) return sendTaskPage(c, 422, form);
  try {
    // The same submissionId twice (double click, back button, refresh) gets the first receipt back.
    const receipt = await updates(c).submitReport(form.submission);
    return backToPage(c, `receipt=${encodeURIComponent(receipt.receipt)}`);
  } catch (err) {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    return sendTaskPage(c, 422, { ...form, errors: refusalErrors(refusal, c.lang, c.row.snapshot.state.deadline) });
  }
}

async function extension(c: PageContext, body: Body): Promise<FastifyReply> {
  const { spec } = c.row.snapshot;
  const form = readExtension(body, {
    indicators: spec.indicators,
    today: localDateOf(Date.now()),
    by: c.grant.recipient,
    lang: c.lang,
  });
  if (!form.request) return sendTaskPage(c, 422, form);
  const task = updates(c);
  try {
    await task.requestExtension(form.request);
  } catch (err) {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    // A double click sends the same request twice: the second finds the first one pending.
    const pending = refusal.code === 'EXTENSION_PENDING' ? (await task.state()).state.extension : undefined;
    const same = pending?.requested === form.request.until && pending.reason === form.request.reason;
    if (!same)
      return sendTaskPage(c, 422, {
        values: valuesOf(body, spec.indicators),
        errors: refusalErrors(refusal, c.lang, c.row.snapshot.state.deadline),
      });
  }
  return backToPage(c, 'done=ext');
}

/** A district passes its task on to its own units; asked twice (double click) it starts once. */
async function cascade(c: PageContext, body: Body): Promise<FastifyReply> {
  const { row } = c;
  if (!canCascade(row))
    throw new AppError('CONFLICT', 'Nhiệm vụ này không thể giao tiếp cho cấp dưới. / This task cannot be passed on.');
  const allowed = new Set((await subUnitsOf(c.deps, row.unit_code)).map((u) => u.code));
  const issuer = (await c.deps.readModel.unit(row.unit_code))?.name ?? row.unit_code;
  const form = readCascade(body, { row, lang: c.lang, by: c.grant.recipient, issuer, allowed });
  if (!form.request) return sendTaskPage(c, 422, { cascade: form });
  if (!c.deps.temporal)
    throw new AppError(
      'UNAVAILABLE',
      'Hệ thống tạm thời chưa nhận được yêu cầu. / The system cannot take requests right now.',
    );
  try {
    await c.deps.temporal.workflow
      .getHandle(c.grant.taskWorkflowId)
      .executeUpdate(cascadeUpdate, { args: [form.request] });
  } catch (err) {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    return sendTaskPage(c, 422, { cascade: { values: form.values, errors: cascadeRefusal(refusal, c.lang, row) } });
  }
  return backToPage(c, 'done=cascade');
}
