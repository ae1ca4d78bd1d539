// The notify activity: every message goes first into the outbox under its business key, then
// out over SMTP. A retried activity finds the key and never sends the same message twice.
import type { Pool } from 'pg';
import { localDateOf } from '../domain/local-date';
import { renderEmail, type ExplanationRef } from '../domain/emails';
import { STATUS_LABELS } from '../domain/status';
import { statusOfTaskRow } from '../db/task-rows';
import type { Links } from '../db/links';
import type { ReadModel, TaskRow } from '../db/read-model';
import { explanation as explanationRow } from '../db/explanations';
import type { Mailer } from './mailer';
import type { NotifyInput, NotifyResult } from './types';
import { confidentialityOf } from '../db/directives';
import { SEALED, sealsEscalation } from '../domain/confidentiality';
import { queueMessage, sendFromOutbox, sendLinkedMessage } from './outbox';
import { digestReminder } from './digest';
import { messageFor, recipientsOf } from './notify-message';

export interface NotifyDeps {
  pool: Pool;
  readModel: ReadModel;
  links: Links;
  mailer: Mailer;
  from: string;
  publicUrl: string;
  lang: 'vi' | 'en';
  /** How long a link stays valid; it is cut back to a grace period when the task closes. */
  linkDays?: number;
  /** Fold a unit's reminders due the same days into one daily digest (DIGEST_REMINDERS). */
  digest?: boolean;
}

/** "Name <address>" as a workflow records a staff member: the name is what a unit reads. */
const nameOf = (actor: string): string => actor.replace(/\s*<[^>]*>\s*$/, '').trim() || actor;

/** What an explanation's mails say of the task it is about, as that task stands at send time. */
async function explanationRef(deps: NotifyDeps, input: NotifyInput, question: string): Promise<ExplanationRef> {
  const about: TaskRow | undefined = await deps.readModel.task(input.explanation!.about);
  const status = about ? statusOfTaskRow(about, Date.now()) : 'overdue';
  return {
    question: question || '—',
    askedBy: nameOf(input.explanation!.askedBy),
    about: {
      title: about?.title ?? input.task.title,
      deadline: about?.deadline ?? input.task.deadline,
      status: STATUS_LABELS[status][deps.lang],
    },
  };
}

/**
 * An escalation of a confidential directive to the leaders' ladder as it is sent: the titles and
 * the question sealed, and instead of the task's own link, the task's page behind login.
 */
function sealed(deps: NotifyDeps, input: NotifyInput, explanation: ExplanationRef | undefined) {
  const note = SEALED[deps.lang];
  return {
    input: { ...input, directive: { ...input.directive, title: note }, task: { ...input.task, title: note } },
    explanation: explanation && { ...explanation, question: note, about: { ...explanation.about, title: note } },
    link: `${deps.publicUrl}/dang-nhap?next=${encodeURIComponent(`/nhiem-vu?id=${input.taskWorkflowId}`)}`,
  };
}

export function createNotify(deps: NotifyDeps) {
  return async function notify(input: NotifyInput): Promise<NotifyResult> {
    const result: NotifyResult = { sent: [], skipped: [] };
    const unit = await deps.readModel.unit(input.unit);
    if (!unit) throw new Error(`unit ${input.unit} is not in the unit directory`);
    const today = localDateOf(Date.now());
    const recipients = recipientsOf(input, unit, today);
    if (recipients.length === 0) return { sent: [], skipped: [{ recipient: '', why: 'no recipient' }] };
    // A request for explanation has its own row, beside the tasks.
    const task = input.explanation
      ? await explanationRow(deps.pool, input.taskWorkflowId)
      : await deps.readModel.task(input.taskWorkflowId);
    // A reminder that is no longer due (the report came in meanwhile) is not sent.
    if (
      (input.kind === 'reminder' || input.kind === 'escalation') &&
      task &&
      !['open', 'returned'].includes(task.state)
    ) {
      return { sent: [], skipped: recipients.map((r) => ({ recipient: r, why: 'no longer due' as const })) };
    }
    const spec = task?.snapshot.spec;
    const supportsName = input.task.supports ? (await deps.readModel.unit(input.task.supports))?.name : undefined;
    const explanation = input.explanation ? await explanationRef(deps, input, spec?.body ?? '') : undefined;
    const seal =
      input.kind === 'escalation' &&
      sealsEscalation(await confidentialityOf(deps.pool, input.directive.key), input.target)
        ? sealed(deps, input, explanation)
        : undefined;
    const render = (link: string) =>
      renderEmail(
        messageFor(seal?.input ?? input, unit, link, {
          body: spec?.body ?? '',
          indicators: spec?.indicators ?? [],
          completion: spec?.completion ?? 'report',
          supportsName,
          explanation: seal ? seal.explanation : explanation,
          lang: deps.lang,
        }),
        deps.lang,
      );
    for (const recipient of recipients) {
      // An explanation is asked of the unit on its own: it never folds into the digest of tasks due.
      if (input.kind === 'reminder' && deps.digest && !explanation) {
        const folded = await digestReminder(deps, unit, recipient, today);
        if (folded === 'sent') result.sent.push(recipient);
        if (folded === 'already sent') result.skipped.push({ recipient, why: 'in digest' });
        if (folded !== 'single') continue;
      }
      const key = `${input.key}:${recipient}`;
      const message = {
        key,
        purpose: explanation ? `explanation_${input.kind}` : input.kind,
        directiveNumber: input.directive.key,
        taskWorkflowId: input.taskWorkflowId,
      };
      // A sealed escalation carries no link to the task, so none is issued for it.
      const delivered = seal
        ? await queueMessage(deps.pool, { ...message, recipients: [recipient], ...render(seal.link) }).then(() =>
            sendFromOutbox(deps, key),
          )
        : await sendLinkedMessage(deps, { ...message, recipient, linkDays: deps.linkDays ?? 400 }, render);
      if (delivered) result.sent.push(recipient);
      else {
        const { rows } = await deps.pool.query('SELECT status FROM outbox WHERE key = $1', [key]);
        result.skipped.push({ recipient, why: rows[0]?.status === 'in_doubt' ? 'in doubt' : 'already sent' });
      }
    }
    return result;
  };
}
