// The directory, kept by the office (admin): add a unit, rename it, change its addresses, head,
// focal point (đầu mối), substitute or parent, close it, merge it into another; each change is
// audited. A closed unit's open tasks stay listed until each is moved or cancelled; a merger
// moves them itself. A new address reaches the open tasks at their next mail (notify reads the
// unit when it sends), and "lost your link?" answers the new address, not the removed one.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addressList, changesBetween, UnitChangeSchema, type UnitChange } from '../../../domain/unit-changes';
import { OrgUnitKindSchema, UnitCodeSchema, type OrgUnit } from '../../../domain/schemas';
import {
  closedUnitsWithOpenTasks,
  directoryEntries,
  openTasksOfUnit,
  UnitChangeRefused,
  unitHistory,
  unitsMergedInto,
} from '../../../db/unit-admin';
import { cancelTask, changeUnit, moveTask, openTaskOf, type TaskMove } from '../../unit-changes';
import { AppError } from '../errors';
import { sendStaffPage } from '../views/staff';
import { UNIT_WORDS, unitListView, unitPageView } from '../views/units-admin';
import type { StaffDeps } from '../deps';
import { actor } from './staff-actions';
import { requireRole, staffContext } from './auth';
import { parseInput } from './staff-schemas';

const text = z.string().max(2000).default('');
const UnitFormSchema = z.object({
  code: UnitCodeSchema,
  name: z.string().trim().min(1, 'give the name').max(300),
  kind: OrgUnitKindSchema.default('department'),
  parent: text,
  emails: text,
  head_name: text,
  head_email: text,
  focal_name: text,
  focal_email: text,
  sub_name: text,
  sub_email: text,
  sub_from: text,
  sub_to: text,
});
type UnitForm = z.infer<typeof UnitFormSchema>;
const CodeSchema = z.object({ ma: UnitCodeSchema });
const CloseFormSchema = z.object({ code: UnitCodeSchema, reason: text });
const MergeFormSchema = z.object({ code: UnitCodeSchema, into: UnitCodeSchema, reason: text });
const TaskFormSchema = z.object({
  code: UnitCodeSchema,
  id: z.string().regex(/^task:[^\s]{3,200}$/, 'expected a task id'),
  to: z.preprocess((v) => (v === '' ? undefined : v), UnitCodeSchema.optional()),
  reason: text,
});

/** A person from two fields; both empty is nobody. */
const personOf = (name: string, email: string) =>
  name.trim() || email.trim() ? { name: name.trim(), email: email.trim() } : undefined;

/** The unit as the form describes it. */
function unitOf(f: UnitForm): Pick<OrgUnit, 'name' | 'emails' | 'head' | 'focalPoint' | 'substitute' | 'parent'> {
  const sub = personOf(f.sub_name, f.sub_email);
  return {
    name: f.name,
    emails: addressList(f.emails),
    head: personOf(f.head_name, f.head_email),
    focalPoint: personOf(f.focal_name, f.focal_email),
    substitute: sub ? { ...sub, from: f.sub_from, to: f.sub_to } : undefined,
    parent: f.parent || undefined,
  };
}

/** A change checked by its schema; a bad one names its field. */
const checked = (change: unknown): UnitChange => parseInput(UnitChangeSchema, change);

export const unitAdminRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const admin = requireRole(deps.users, ['admin']);
  const pageOf = (code: string, ok?: string) =>
    `/quan-tri/don-vi/sua?ma=${encodeURIComponent(code)}${ok ? `&ok=${ok}` : ''}`;

  const renderUnit = async (
    req: FastifyRequest,
    reply: FastifyReply,
    code: string,
    o: { error?: string; notice?: string; moves?: TaskMove[]; status?: number } = {},
  ) => {
    const ctx = staffContext(req, reply, deps);
    const entries = await directoryEntries(deps.pool);
    const entry = entries.find((e) => e.unit.code === code);
    if (!entry) throw new AppError('NOT_FOUND', `ma: no unit ${code}`);
    const [tasks, history, merged] = await Promise.all([
      openTasksOfUnit(deps.pool, code),
      unitHistory(deps.pool, code),
      unitsMergedInto(deps.pool, code),
    ]);
    const units = entries
      .map((e) => ({ code: e.unit.code, name: e.unit.name, active: e.active }))
      .sort((a, b) => a.name.localeCompare(b.name, 'vi'));
    const view = unitPageView({ entry, units, tasks, history, merged, ...o }, ctx.lang, ctx.csrf);
    return sendStaffPage(reply, ctx, 'unit', view, o.status);
  };

  /** Runs a change; a refusal shows the unit's page again with the reason. */
  const attempt = async (req: FastifyRequest, reply: FastifyReply, code: string, work: () => Promise<string>) => {
    try {
      return reply.redirect(await work(), 303);
    } catch (err) {
      const refused =
        err instanceof UnitChangeRefused
          ? err.message
          : err instanceof AppError && err.code === 'INVALID_INPUT'
            ? err.message
            : undefined;
      if (refused === undefined) throw err;
      return renderUnit(req, reply, code, { error: refused, status: err instanceof UnitChangeRefused ? 409 : 422 });
    }
  };
  const who = (req: FastifyRequest) => ({ actor: actor(req), via: 'login' as const });

  app.get('/quan-tri/don-vi', { preHandler: admin }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const [entries, attention] = await Promise.all([directoryEntries(deps.pool), closedUnitsWithOpenTasks(deps.pool)]);
    return sendStaffPage(reply, ctx, 'units', { ...unitListView(entries, attention, ctx.lang), csrf: ctx.csrf });
  });

  app.get('/quan-tri/don-vi/sua', { preHandler: admin }, async (req, reply) => {
    const { ma } = parseInput(CodeSchema, req.query);
    const ok = (req.query as { ok?: string }).ok;
    const t = UNIT_WORDS[staffContext(req, reply, deps).lang];
    return renderUnit(req, reply, ma, { notice: ok === '1' ? t.saved : ok === '0' ? t.nothing : undefined });
  });

  app.post('/quan-tri/don-vi/them', { preHandler: [app.csrfProtection, admin] }, async (req, reply) => {
    const f = parseInput(UnitFormSchema, req.body);
    const u = unitOf(f);
    const change = checked({
      kind: 'add',
      unit: { code: f.code, kind: f.kind, ...u, supervisorEmails: [], steeringEmails: [] },
    });
    try {
      await changeUnit({ pool: deps.pool }, change, who(req));
    } catch (err) {
      if (err instanceof UnitChangeRefused) throw new AppError('CONFLICT', err.message);
      throw err;
    }
    return reply.redirect(pageOf(f.code, '1'), 303);
  });

  app.post('/quan-tri/don-vi/sua', { preHandler: [app.csrfProtection, admin] }, async (req, reply) => {
    const f = parseInput(UnitFormSchema, req.body);
    return attempt(req, reply, f.code, async () => {
      const entry = (await directoryEntries(deps.pool)).find((e) => e.unit.code === f.code);
      if (!entry) throw new AppError('NOT_FOUND', `code: no unit ${f.code}`);
      const changes = changesBetween(entry.unit, unitOf(f)).map(checked);
      for (const change of changes) await changeUnit({ pool: deps.pool }, change, who(req));
      return pageOf(f.code, changes.length ? '1' : '0');
    });
  });

  app.post('/quan-tri/don-vi/ngung', { preHandler: [app.csrfProtection, admin] }, async (req, reply) => {
    const f = parseInput(CloseFormSchema, req.body);
    return attempt(req, reply, f.code, async () => {
      await changeUnit(
        { pool: deps.pool },
        checked({ kind: 'deactivate', code: f.code, reason: f.reason || undefined }),
        who(req),
      );
      return pageOf(f.code, '1');
    });
  });

  app.post('/quan-tri/don-vi/sap-nhap', { preHandler: [app.csrfProtection, admin] }, async (req, reply) => {
    const f = parseInput(MergeFormSchema, req.body);
    const change = checked({ kind: 'merge', code: f.code, into: f.into, reason: f.reason || undefined });
    try {
      const { moved } = await changeUnit({ pool: deps.pool, client: deps.temporal }, change, who(req));
      // What moved and what a directive refused is shown at once, on the unit's page.
      return renderUnit(req, reply, f.code, {
        notice: UNIT_WORDS[staffContext(req, reply, deps).lang].saved,
        moves: moved,
      });
    } catch (err) {
      if (!(err instanceof UnitChangeRefused)) throw err;
      return renderUnit(req, reply, f.code, { error: err.message, status: 409 });
    }
  });

  app.post('/quan-tri/don-vi/chuyen', { preHandler: [app.csrfProtection, admin] }, async (req, reply) => {
    const f = parseInput(TaskFormSchema, req.body);
    if (!deps.temporal) throw new AppError('UNAVAILABLE', 'Temporal is not reachable');
    const row = await openTaskOf(deps.pool, f.id);
    if (!row || row.unit_code !== f.code) throw new AppError('NOT_FOUND', `id: ${f.id} is no open task of ${f.code}`);
    const move = f.to
      ? await moveTask(deps.temporal, row, f.to, actor(req))
      : await cancelTask(deps.temporal, row, actor(req), f.reason || 'đơn vị ngừng hoạt động / the unit was closed');
    return renderUnit(req, reply, f.code, { moves: [move], status: move.outcome === 'refused' ? 409 : 200 });
  });
};
