// What the office's actions share: who did it (for the workflow and the audit), running the
// action with a refusal shown on the page it came from, the notice after the redirect, and a
// task's status on the board's terms.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Lang } from '../../../domain/format';
import { DIR_WORDS, day } from '../views/directives';
import { AppError, statusOf } from '../errors';
import { refusalIn } from '../views/refusals';

/** The staff member as a workflow records them: "Name <address>". */
export const actor = (req: FastifyRequest): string => `${req.staff!.name} <${req.staff!.email}>`;

/** What a workflow answered an action with, shown after the redirect. */
export interface Answer {
  deadline?: string;
  /** When a returned report is due back. */
  revisionDue?: string;
  count?: number;
  /** The unit the action concerned, named in the notice. */
  unit?: string;
}

/** Runs an action; a refusal shows the page again with the reason, a success redirects to `done`. */
export async function runAction(
  reply: FastifyReply,
  render: (o: { error: string; status: number }) => Promise<unknown>,
  done: string,
  work: () => Promise<Answer>,
  lang: Lang = 'vi',
): Promise<unknown> {
  let answer: Answer;
  try {
    answer = await work();
  } catch (err) {
    if (!(err instanceof AppError) || err.code === 'INTERNAL' || err.code === 'UNAVAILABLE') throw err;
    return render({ error: refusalIn(err.message, lang), status: statusOf(err.code) });
  }
  const deadline = answer.deadline ? `&han=${answer.deadline}` : '';
  const count = answer.count !== undefined ? `&so-luong=${answer.count}` : '';
  const revision = answer.revisionDue ? `&nop-lai=${answer.revisionDue}` : '';
  const unit = answer.unit ? `&dv=${encodeURIComponent(answer.unit)}` : '';
  return reply.redirect(`${done}${deadline}${revision}${count}${unit}`, 303);
}

/** The notice after an action: what was done, with the workflow's answer (a deadline, a count). */
export function noticeOf(
  req: FastifyRequest,
  lang: Lang,
  names: ReadonlyMap<string, string> = new Map(),
): string | undefined {
  const q = req.query as { ok?: string; han?: string; 'nop-lai'?: string; 'so-luong'?: string; dv?: string };
  const said = q.ok ? DIR_WORDS[lang].ok[q.ok] : undefined;
  if (!said) return undefined;
  const revision = q['nop-lai'];
  if (q.ok === 'returned' && revision && /^\d{4}-\d{2}-\d{2}$/.test(revision))
    return `${DIR_WORDS[lang].ok.returnedUntil}: ${day(revision, lang)}.`;
  const deadline =
    q.han && /^\d{4}-\d{2}-\d{2}$/.test(q.han) ? ` ${DIR_WORDS[lang].deadline}: ${day(q.han, lang)}.` : '';
  const count = q['so-luong'] && /^\d{1,6}$/.test(q['so-luong']) ? ` (${q['so-luong']})` : '';
  // Only a unit the directory knows is named: the query is not the page's to trust.
  const unit = q.dv ? names.get(q.dv) : undefined;
  return (unit ? `${unit}: ` : '') + said + count + deadline;
}
