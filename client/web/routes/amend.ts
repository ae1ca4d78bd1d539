// The matrix's changes to a running directive: add a unit, remove one, move a deadline. The same
// checks as `dondoc amend` come first (a reason for a move, no day already past, a move earlier
// confirmed on purpose); the directive workflow then has the last word and mails the unit.
import type { FastifyRequest } from 'fastify';
import { AmendRequestSchema } from '../../../domain/commands';
import { checkMove, moveRefusal } from '../../../domain/deadline-move';
import { localDateAt, type Lang } from '../../../domain/format';
import { amendUpdate, directiveWorkflowId } from '../../../workflows/messages';
import { recordAudit } from '../../../db/audit';
import { AppError } from '../errors';
import type { StaffDeps } from '../deps';
import { runUpdate } from './staff-updates';
import { actor, type Answer } from './staff-actions';
import { AmendFormSchema, parseInput, type AmendForm } from './staff-schemas';

function requestOf(form: AmendForm, by: string): unknown {
  switch (form.kind) {
    case 'move':
      return { kind: 'move', unit: form.unit, deadline: form.deadline, reason: form.reason, by };
    case 'remove':
      return { kind: 'remove', unit: form.unit, reason: form.reason, by };
    case 'add':
      return { kind: 'add', task: { unit: form.unit, title: form.title, deadline: { date: form.deadline } }, by };
  }
}

export async function amendFromForm(deps: StaffDeps, req: FastifyRequest, number: string, lang: Lang): Promise<Answer> {
  const form = parseInput(AmendFormSchema, req.body);
  if (form.kind === 'move') {
    const rows = (await deps.readModel.tasksOfDirective(number)).filter((r) => r.unit_code === form.unit);
    const facts = {
      current: rows.at(-1)?.deadline,
      requested: form.deadline,
      today: localDateAt(Date.now()),
      confirmEarlier: form.confirm === '1',
    };
    const check = checkMove(facts);
    if (!check.ok) {
      const said = moveRefusal(check, facts, lang);
      throw new AppError('INVALID_INPUT', said, [said]);
    }
  }
  if (form.kind === 'add' && !(await deps.readModel.unit(form.unit)))
    throw new AppError('INVALID_INPUT', `unit: no unit ${form.unit} in the directory`);
  const request = parseInput(AmendRequestSchema, requestOf(form, actor(req)));
  const result = await runUpdate(deps.temporal, directiveWorkflowId(number), amendUpdate, request);
  await recordAudit(deps.pool, {
    actor: req.staff!.email,
    via: 'login',
    action: `amend.${form.kind}`,
    subject: number,
    detail: form,
  });
  return { deadline: result.deadline, unit: result.unit };
}
