// The coordinator's launch page ("Giao nhiệm vụ mới"): read a file or a pasted dispatch into a
// draft, review it in a form, see each unit's deadline, reminders and escalations, and launch.
// A launch starts the directive's workflow, whose id is the directive's number, so a double
// click or a refresh launches it once.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseUnitDirectoryFile } from '../../../domain/directive-file';
import type { Directive } from '../../../domain/schemas';
import type { UnitDirectory } from '../../../domain/units';
import { recordAudit } from '../../../db/audit';
import { projectRoot } from '../../../db/paths';
import { loadUnitDirectory } from '../../../db/unit-directory';
import { dryRun } from '../../dry-run';
import { launchDirective, NumberTakenError } from '../../temporal';
import { AppError } from '../errors';
import { directiveExists } from '../../../db/directives';
import { sendStaffPage } from '../views/staff';
import { fill, LAUNCH_WORDS, noteText, previewOf, type PreviewView } from '../views/launch';
import { pageCalendar } from '../calendar';
import { draftView } from '../views/launch-form';
import { requireRole, staffContext } from './auth';
import type { StaffDeps } from '../deps';
import { isOpen, readDraft, type Draft, type FieldErrors } from './launch-draft';
import { toDirective } from './launch-check';
import { importText, importUpload, LAUNCH_FILE_MAX_KB, type LaunchUpload } from './launch-import';
import { carriedPackage, importEdxmlUpload, isEdxmlUpload, type CarriedPackage } from './launch-edxml';
import { webSecret } from '../secret';
import { edxmlCard } from '../views/launch-edxml';

/** How long a launch waits for the directive to reach the read model before showing its page. */
const RECORDED_WITHIN_MS = 20_000;

declare module 'fastify' {
  interface FastifyRequest {
    /** The file sent to the launch page; kept beside the body, whose fields are text. */
    launchUpload: LaunchUpload | null;
  }
}

/** The multipart reader's hand-over: the file in memory, cut at the size limit. */
async function readUpload(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const upload: LaunchUpload = { name: part.filename, data: Buffer.concat(chunks), tooLarge: part.file.truncated };
  // A file input left empty still sends a nameless, empty part.
  if (part.filename || upload.data.length) this.launchUpload = upload;
}

/**
 * Other names of units (aliases) come from the directory file `dondoc import` reads, when it is
 * there and reads; without it a dispatch is matched by the units' own names.
 */
function aliasFile(): UnitDirectory | undefined {
  const file = path.join(projectRoot(), 'examples', 'units.yaml');
  try {
    return existsSync(file) ? parseUnitDirectoryFile(readFileSync(file, 'utf8'), file) : undefined;
  } catch {
    return undefined;
  }
}

const one = (v: unknown): string => (typeof v === 'string' ? v : '');

export const launchRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const office = requireRole(deps.users, ['coordinator', 'admin']);
  const secret = webSecret(deps.config);
  const edxmlMaxBytes = deps.config.EDXML_MAX_MB * 1024 * 1024;
  app.decorateRequest('launchUpload', null);
  // An edXML package carries its files in base64: it may be far larger than a directive file.
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: readUpload,
    throwFileSizeLimit: false,
    limits: { fileSize: Math.max(LAUNCH_FILE_MAX_KB * 1024, edxmlMaxBytes), files: 1, fields: 10, parts: 12 },
  });
  let aliases: { directory?: UnitDirectory } | undefined; // read on the first import

  const sendStart = (
    req: FastifyRequest,
    reply: FastifyReply,
    o: { error?: string; text?: string; status?: number } = {},
  ) => {
    const ctx = staffContext(req, reply, deps);
    const t = LAUNCH_WORDS[ctx.lang];
    const fileLabel = fill(t.file, { kb: LAUNCH_FILE_MAX_KB, mb: deps.config.EDXML_MAX_MB });
    const data = { t, csrf: ctx.csrf, error: o.error, text: o.text ?? '', fileLabel };
    return sendStaffPage(reply, ctx, 'launch-start', data, o.status);
  };

  const sendDraft = async (
    req: FastifyRequest,
    reply: FastifyReply,
    d: Draft,
    o: { errors?: FieldErrors; fileProblems?: string[]; preview?: PreviewView; status?: number } = {},
  ) => {
    const ctx = staffContext(req, reply, deps);
    const carried = carriedPackage(secret, d.edxml);
    const units = (await deps.readModel.units()).map((u) => ({ code: u.code, name: u.name }));
    const data = draftView({
      lang: ctx.lang,
      csrf: ctx.csrf,
      d,
      units,
      errors: o.errors ?? {},
      fileProblems: o.fileProblems,
      preview: o.preview,
      ...(carried ? { edxml: edxmlCard(carried, ctx.lang) } : {}),
    });
    return sendStaffPage(reply, ctx, 'launch-draft', data, o.status);
  };

  app.get('/van-ban/moi', { preHandler: office }, async (req, reply) => sendStart(req, reply));

  // Reading a file or a pasted dispatch changes nothing stored: it only fills the form.
  // The role is checked before the body is read: an upload may be megabytes, never for a stranger.
  app.post('/van-ban/moi', { onRequest: office, preHandler: app.csrfProtection }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const lang = staffContext(req, reply, deps).lang;
    const t = LAUNCH_WORDS[lang];
    const upload = req.launchUpload;
    const text = one(body.text);
    if (!upload && !text.trim()) return sendStart(req, reply, { error: t.empty, status: 422 });
    aliases ??= { directory: aliasFile() };
    const directory = await loadUnitDirectory(deps.pool, aliases.directory);
    if (!directory.units.length) return sendStart(req, reply, { error: t.noUnits, text, status: 409 });
    const imported = !upload
      ? importText(text, directory, lang)
      : isEdxmlUpload(upload)
        ? await importEdxmlUpload(upload, directory, lang, {
            dataDir: deps.config.dataDir,
            maxBytes: edxmlMaxBytes,
            secret,
          })
        : importUpload(upload, directory, lang);
    if ('error' in imported) return sendStart(req, reply, { error: imported.error, text, status: 422 });
    const failed = Object.keys(imported.errors).length > 0;
    return sendDraft(req, reply, imported.draft, {
      errors: imported.errors,
      fileProblems: imported.problems,
      status: failed ? 422 : 200,
    });
  });

  // The draft carries its recipients as one hidden field each.
  const draftForm = { onRequest: office, preHandler: app.csrfProtection, config: { formLists: ['recipient'] } };
  app.post('/van-ban/moi/ban-nhap', draftForm, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const action = one(body.do);
    if (action !== 'add' && action !== 'preview' && action !== 'launch')
      throw new AppError('INVALID_INPUT', 'do: expected add, preview or launch');
    const draft = readDraft(body, { addRow: action === 'add' });
    // An origin the form altered is refused before anything else is looked at.
    const carried = carriedPackage(secret, draft.edxml);
    if (action === 'add') return sendDraft(req, reply, draft);
    const lang = staffContext(req, reply, deps).lang;
    const units = await deps.readModel.units();
    const checked = toDirective(draft, {
      units: new Set(units.map((u) => u.code)),
      lang,
      launching: action === 'launch',
    });
    if (!checked.directive) return sendDraft(req, reply, draft, { errors: checked.errors, status: 422 });
    const names = new Map(units.map((u) => [u.code, u.name]));
    const plan = dryRun(checked.directive, Date.now(), await pageCalendar(deps.pool));
    const open = draft.questions.filter((q) => isOpen(draft, q)).length;
    const preview = previewOf(plan, names, lang, { openQuestions: open, sendHour: checked.directive.policy.sendHour });
    // A deadline already past is launched only when the office ticks that it means it.
    const past = plan.notes.filter((n) => n.kind === 'past');
    if (action === 'launch' && past.length && one(body.allowPast) !== '1') {
      const say = LAUNCH_WORDS[lang].pastNeedsConfirm;
      const errors = Object.fromEntries(
        past.map((n) => [`t.${n.task}.deadline`, `${noteText(n, names, lang)}: ${say}`]),
      );
      return sendDraft(req, reply, draft, { errors, preview, status: 422 });
    }
    if (action === 'launch') return launch(req, reply, checked.directive, draft, carried);
    return sendDraft(req, reply, draft, { preview });
  });

  const isRecorded = (number: string) => directiveExists(deps.pool, number);
  const recorded = async (number: string): Promise<boolean> => {
    const until = Date.now() + RECORDED_WITHIN_MS;
    while (Date.now() < until) {
      if (await isRecorded(number)) return true;
      await new Promise((r) => setTimeout(r, 100));
    }
    return false;
  };

  async function launch(
    req: FastifyRequest,
    reply: FastifyReply,
    directive: Directive,
    draft: Draft,
    carried: CarriedPackage | undefined,
  ) {
    const matrix = (ok: string) => `/van-ban/ma-tran?so=${encodeURIComponent(directive.number)}&ok=${ok}`;
    if (!deps.temporal) throw new AppError('UNAVAILABLE', 'Temporal is not connected');
    // The same directive again is "launched before"; another directive's number is refused, loudly.
    // A package's origin is recorded so that each task's progress answers the document it came in.
    const edxml = carried ? { edxmlOrigin: carried.origin } : {};
    const result = await launchDirective(deps.temporal, deps.config, directive, deps.pool, edxml).catch(
      (err: unknown) => {
        if (err instanceof NumberTakenError) throw new AppError('CONFLICT', err.message, ['number']);
        throw err;
      },
    );
    if (result.launched) {
      await recordAudit(deps.pool, {
        actor: req.staff!.email,
        via: 'login',
        action: 'launch',
        subject: directive.number,
        detail: {
          tasks: directive.tasks.length,
          source: draft.source || 'text',
          ...(carried ? { edxml: carried.origin.documentId } : {}),
        },
        key: `launch:${directive.number}`,
      });
    }
    // The directive's page reads the read model, which its workflow writes in a moment.
    await recorded(directive.number);
    return reply.redirect(
      result.launched ? `${matrix('launched')}&so-luong=${directive.tasks.length}` : matrix('already'),
      303,
    );
  }
};
