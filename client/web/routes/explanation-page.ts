// The page a request for explanation's own link opens: the department page machinery (link
// check, form tokens bound to the link, multipart with files stored by hash) for a request that
// is not one of the directive's tasks. The answer is sent as the request's report and closes it.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { localDateOf } from '../../../domain/local-date';
import { vietnamCalendar } from '../../../domain/calendar';
import { formatDateTime, formatNumber } from '../../../domain/format';
import { explanation, type ExplanationRow } from '../../../db/explanations';
import { statusOfTaskRow } from '../../../db/task-rows';
import { AppError } from '../errors';
import { explanationPageView, EXPLANATION_WORDS, type ExplanationForm } from '../views/explanation-page';
import { attachmentPath, contentDisposition, keepToken, keptAttachments, takeUploads } from './attachments';
import { langOf, linkBinding, linkRefused } from './link-guard';
import { emptyValues, list, readReport, refusalErrors, refusalOf, taskUpdates } from './task-actions';
import { formatBytes } from './task-view';
import type { WebDeps } from '../deps';

type Body = Record<string, unknown>;

/** A link whose task is a request for explanation (its workflow id says so). */
export const opensExplanation = (req: FastifyRequest): boolean =>
  req.linkGrant?.taskWorkflowId.startsWith('explanation:') ?? false;

async function linkedExplanation(deps: WebDeps, req: FastifyRequest): Promise<ExplanationRow> {
  const row = req.linkGrant ? await explanation(deps.pool, req.linkGrant.taskWorkflowId) : undefined;
  if (!row) throw linkRefused(req, deps.config.DEFAULT_LANG);
  return row;
}

interface Page {
  deps: WebDeps;
  req: FastifyRequest;
  reply: FastifyReply;
  secret: string;
}

async function sendPage(
  p: Page,
  row: ExplanationRow,
  status: number,
  form?: Partial<ExplanationForm>,
  notice?: string,
) {
  const lang = langOf(p.req, p.deps.config.DEFAULT_LANG);
  const about = await p.deps.readModel.task(row.about_workflow_id);
  const now = Date.now();
  const calendar = vietnamCalendar();
  const token = (p.req.params as { token: string }).token;
  const page = explanationPageView({
    lang,
    csrf: p.reply.generateCsrf({ userInfo: linkBinding(p.req) }),
    row,
    about,
    aboutStatus: about ? statusOfTaskRow(about, now) : undefined,
    unitName: (await p.deps.readModel.unit(row.unit_code))?.name ?? row.unit_code,
    now,
    workingDaysLeft: calendar.workingDaysBetween(localDateOf(now), row.deadline),
    maxMb: formatNumber(p.deps.config.ATTACHMENT_MAX_MB, lang),
    form: { values: form?.values ?? emptyValues([]), errors: form?.errors ?? {}, kept: form?.kept ?? [] },
    notice,
    fileHref: (sha256) => `${token}/tep/${sha256}`,
    formatBytes: (n) => formatBytes(n, lang),
  });
  return p.reply.status(status).header('cache-control', 'no-store').view('public/explanation', page);
}

/** GET: the request and, once sent, the answer; after a POST, the receipt line at the top. */
export async function showExplanation(p: Page): Promise<FastifyReply> {
  const row = await linkedExplanation(p.deps, p.req);
  const lang = langOf(p.req, p.deps.config.DEFAULT_LANG);
  const asked = (p.req.query as { receipt?: string }).receipt;
  const answer = row.snapshot.state.reports.find((r) => r.receipt === asked);
  const notice = answer
    ? EXPLANATION_WORDS[lang].received(answer.receipt, formatDateTime(answer.submittedAt, lang))
    : undefined;
  return sendPage(p, row, 200, undefined, notice);
}

/** POST: the answer, with its files; a refused one comes back with everything typed. */
export async function answerExplanation(p: Page, body: Body): Promise<FastifyReply> {
  const row = await linkedExplanation(p.deps, p.req);
  const lang = langOf(p.req, p.deps.config.DEFAULT_LANG);
  if (body.do !== 'report') throw new AppError('INVALID_INPUT', 'do: expected report');
  const binding = linkBinding(p.req);
  const uploads = await takeUploads(p.req, p.deps.config.dataDir);
  const kept = await keptAttachments(
    p.deps.config.dataDir,
    p.secret,
    binding,
    list(body.kept).filter((v): v is string => typeof v === 'string'),
  );
  const form = readReport(body, {
    indicators: [],
    uploads,
    kept,
    by: p.req.linkGrant!.recipient,
    lang,
    maxMb: p.deps.config.ATTACHMENT_MAX_MB,
  });
  if (form.errors.text) form.errors.text = EXPLANATION_WORDS[lang].textMissing;
  const keptOf = () =>
    form.attachments.map((a) => ({
      token: keepToken(p.secret, binding, a),
      name: a.name,
      size: formatBytes(a.bytes, lang),
    }));
  if (!form.submission) return sendPage(p, row, 422, { values: form.values, errors: form.errors, kept: keptOf() });
  if (!p.deps.temporal)
    throw new AppError(
      'UNAVAILABLE',
      'Hệ thống tạm thời chưa nhận được yêu cầu. / The system cannot take requests right now.',
    );
  try {
    const receipt = await taskUpdates(p.deps.temporal, row.workflow_id).submitReport(form.submission);
    return p.reply.redirect(`?lang=${lang}&receipt=${encodeURIComponent(receipt.receipt)}`, 303);
  } catch (err) {
    const refusal = refusalOf(err);
    if (!refusal) throw err;
    const errors = refusalErrors(refusal, lang, row.deadline);
    return sendPage(p, row, 422, { values: form.values, errors, kept: keptOf() });
  }
}

/** A file of the answer, and nothing else, whatever hash is asked for. */
export async function explanationFile(p: Page, sha256: string): Promise<FastifyReply> {
  const row = await linkedExplanation(p.deps, p.req);
  const file = row.snapshot.state.reports.flatMap((r) => r.attachments).find((a) => a.sha256 === sha256);
  if (!file) throw linkRefused(p.req, p.deps.config.DEFAULT_LANG);
  const where = attachmentPath(p.deps.config.dataDir, file.sha256);
  if (!(await stat(where).catch(() => undefined)))
    throw new AppError('NOT_FOUND', 'Không tìm thấy tệp. / File not found.');
  return p.reply
    .header('content-disposition', contentDisposition(file.name))
    .header('cache-control', 'no-store')
    .type('application/octet-stream')
    .send(createReadStream(where));
}
