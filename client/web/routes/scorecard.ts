// The scorecards of units for a month, a quarter or a year, ranked for the emulation review
// (thi đua), with CSV and a DOCX annex; and the admin page where the office sets the scoring.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { vietnamCalendar } from '../../../domain/calendar';
import { FileError } from '../../../domain/directive-file';
import { formatDateTime, localDateAt } from '../../../domain/format';
import { scorecard } from '../../../domain/scorecard';
import { scorecardAnnex, scorecardCsvRow, SCORECARD_CSV_HEADER, formulaText } from '../../../domain/scorecard-annex';
import { currentPeriod, SCORE_PERIOD, SCORE_PERIOD_HINT, scorePeriod } from '../../../domain/scorecard-period';
import { parsePolicy } from '../../../domain/scorecard-policy';
import { OrgUnitKindSchema } from '../../../domain/schemas';
import { recordAudit } from '../../../db/audit';
import { policyInForce, savePolicy, scorecardTasks, scorecardUnits } from '../../../db/scorecards';
import { renderDocx } from '../views/docx';
import { periodChoices, scorecardView, SCORE_WORDS } from '../views/scorecard';
import { sendStaffPage } from '../views/staff';
import type { StaffDeps } from '../deps';
import { sendCsv } from '../csv';
import { requireRole, staffContext } from './auth';
import { parseInput } from './staff-schemas';

const optional = <S extends z.ZodType>(s: S) => z.preprocess((v) => (v === '' ? undefined : v), s.optional());
const ScorecardQuerySchema = z.object({
  ky: optional(z.string().regex(SCORE_PERIOD, SCORE_PERIOD_HINT)),
  khoi: optional(OrgUnitKindSchema),
  'co-quan': optional(z.string().trim().min(1).max(200)),
  'bao-cao': optional(
    z
      .string()
      .trim()
      .regex(/^\d{1,6}\/[\p{L}0-9.\-/]{1,40}$/u, 'expected number/symbol, e.g. 45/BC-UBND'),
  ),
});
type ScorecardQuery = z.infer<typeof ScorecardQuerySchema>;
const PolicyFormSchema = z.object({ source: z.string().max(20_000) });

const POLICY_WORDS = {
  vi: {
    title: 'Cách chấm điểm xếp hạng',
    source: 'Cách tính (YAML)',
    save: 'Lưu cách tính',
    formula: 'Cách tính đang áp dụng',
    saved: 'Đã lưu cách tính điểm mới.',
  },
  en: {
    title: 'Scoring policy',
    source: 'Policy (YAML)',
    save: 'Save the policy',
    formula: 'The scoring in force',
    saved: 'The new scoring policy was saved.',
  },
};

export const scorecardRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const leaders = requireRole(deps.users, ['supervisor', 'admin']);
  const admin = requireRole(deps.users, ['admin']);
  const calendar = vietnamCalendar();

  /** The period asked for (this quarter by default), its units scored and ranked, in the group asked for. */
  async function scoresOf(q: ScorecardQuery, now: number) {
    const period = q.ky ? scorePeriod(q.ky) : currentPeriod('quarter', now);
    const [tasks, units, inForce] = await Promise.all([
      scorecardTasks(deps.pool, period),
      scorecardUnits(deps.pool),
      policyInForce(deps.pool),
    ]);
    const kindOf = new Map(units.map((u) => [u.code, u.kind]));
    const all = scorecard({ period, now, tasks, units, policy: inForce.policy, calendar });
    // A group (khối thi đua) is ranked among itself: ranks are counted again within it.
    const scores = q.khoi ? rerank(all.filter((s) => kindOf.get(s.unit) === q.khoi)) : all;
    return { period, scores, inForce, kinds: [...new Set(units.map((u) => u.kind))].sort() };
  }

  app.get('/giam-sat/xep-hang', { preHandler: leaders }, async (req, reply) => {
    const ctx = staffContext(req, reply, deps);
    const q = parseInput(ScorecardQuerySchema, req.query);
    const now = Date.now();
    const { period, scores, inForce, kinds } = await scoresOf(q, now);
    const view = scorecardView(
      {
        period,
        kind: q.khoi,
        scores,
        policy: inForce.policy,
        policySetBy: inForce.setBy,
        policySetAt: inForce.setAt ? formatDateTime(inForce.setAt.getTime(), ctx.lang) : undefined,
        choices: withCurrent(periodChoices(localDateAt(now), ctx.lang), period.key, period.label[ctx.lang]),
        kinds,
        isAdmin: ctx.user.role === 'admin',
      },
      ctx.lang,
    );
    return sendStaffPage(reply, ctx, 'scorecard', view);
  });

  app.get('/giam-sat/xep-hang.csv', { preHandler: leaders }, async (req, reply) => {
    const q = parseInput(ScorecardQuerySchema, req.query);
    const { period, scores } = await scoresOf(q, Date.now());
    return sendCsv(reply, `xep-hang-${period.key}.csv`, [SCORECARD_CSV_HEADER, ...scores.map(scorecardCsvRow)]);
  });

  app.get('/giam-sat/xep-hang.docx', { preHandler: leaders }, async (req, reply) => {
    const q = parseInput(ScorecardQuerySchema, req.query);
    const now = Date.now();
    const { period, scores, inForce } = await scoresOf(q, now);
    const doc = scorecardAnnex({
      period,
      scores,
      policy: inForce.policy,
      report: q['bao-cao'] ? `Báo cáo số ${q['bao-cao']}` : undefined,
      issuer: q['co-quan'] ?? 'Ủy ban nhân dân tỉnh',
      date: localDateAt(now),
    });
    return reply
      .header('content-disposition', `attachment; filename="phu-luc-xep-hang-${period.key}.docx"`)
      .header('cache-control', 'no-store')
      .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
      .send(await renderDocx(doc));
  });

  const renderPolicy = async (
    req: FastifyRequest,
    reply: FastifyReply,
    o: { source?: string; error?: string; notice?: string; status?: number } = {},
  ) => {
    const ctx = staffContext(req, reply, deps);
    const inForce = await policyInForce(deps.pool);
    const t = SCORE_WORDS[ctx.lang];
    return sendStaffPage(
      reply,
      ctx,
      'scorecard-policy',
      {
        t: { ...POLICY_WORDS[ctx.lang], formula: POLICY_WORDS[ctx.lang].formula },
        csrf: ctx.csrf,
        source: o.source ?? inForce.source,
        formula: formulaText(inForce.policy, ctx.lang),
        note: inForce.setBy
          ? `${t.setBy} ${inForce.setBy} ${t.setAt} ${formatDateTime(inForce.setAt!.getTime(), ctx.lang)}.`
          : t.byDefault,
        error: o.error,
        notice: o.notice,
      },
      o.status,
    );
  };

  app.get('/quan-tri/xep-hang', { preHandler: admin }, async (req, reply) =>
    renderPolicy(req, reply, {
      notice: (req.query as { ok?: string }).ok ? POLICY_WORDS[staffContext(req, reply, deps).lang].saved : undefined,
    }),
  );

  app.post('/quan-tri/xep-hang', { preHandler: [app.csrfProtection, admin] }, async (req, reply) => {
    const { source } = parseInput(PolicyFormSchema, req.body);
    let policy;
    try {
      policy = parsePolicy(source, 'policy.yaml');
    } catch (err) {
      if (!(err instanceof FileError)) throw err;
      return renderPolicy(req, reply, { source, error: err.message, status: 422 });
    }
    await savePolicy(deps.pool, source, policy, req.staff!.email);
    await recordAudit(deps.pool, {
      actor: req.staff!.email,
      via: 'login',
      action: 'scorecard.policy',
      subject: 'scorecard',
      detail: { policy },
    });
    return reply.redirect('/quan-tri/xep-hang?ok=1', 303);
  });
};

/** Ranks counted again among the units shown. */
function rerank<T extends { score: number | null; rank?: number }>(scores: T[]): T[] {
  let previous: number | null = null;
  let rank = 0;
  return scores.map((s, i) => {
    if (s.score === null) return { ...s, rank: undefined };
    if (s.score !== previous) rank = i + 1;
    previous = s.score;
    return { ...s, rank };
  });
}

/** The period shown is always among the choices, even one further back than the list goes. */
const withCurrent = (choices: { key: string; label: string }[], key: string, label: string) =>
  choices.some((c) => c.key === key) ? choices : [{ key, label }, ...choices];
