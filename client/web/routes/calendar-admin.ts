// The admin's page for a year's announced days off: the same file, parser and import as
// `dondoc calendar import`, then every open task is told (tellRunningWorkflows), and the page says
// which days changed and how many tasks and directives were told. Admin only; CSRF as every form.
import multipart, { type MultipartFile } from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { parseCalendarFile } from '../../../domain/calendar-file';
import { FileError } from '../../../domain/directive-file';
import { formatDateShortVi, localDateAt } from '../../../domain/format';
import { weekday } from '../../../domain/local-date';
import { importAnnouncements, loadAnnouncements, loadShippedAnnouncements } from '../../../db/calendar';
import { recordAudit } from '../../../db/audit';
import { tellRunningWorkflows, type CalendarTold } from '../../calendar-change';
import { sendStaffPage } from '../views/staff';
import type { StaffDeps } from '../deps';
import { requireRole, staffContext } from './auth';
import { actor } from './staff-actions';

const FILE_MAX_KB = 256;

declare module 'fastify' {
  interface FastifyRequest {
    calendarUpload: { name: string; text: string; tooLarge: boolean } | null;
  }
}

async function readUpload(this: FastifyRequest, part: MultipartFile): Promise<void> {
  const chunks: Buffer[] = [];
  for await (const chunk of part.file) chunks.push(chunk as Buffer);
  const data = Buffer.concat(chunks);
  // A file input left empty still sends a nameless, empty part.
  if (part.filename || data.length)
    this.calendarUpload = { name: part.filename, text: data.toString('utf8'), tooLarge: part.file.truncated };
}

const WORDS = {
  vi: {
    title: 'Lịch nghỉ lễ, Tết',
    announced: 'Các năm đã công bố',
    provisional: (y: number) => `Năm ${y}: dự kiến (chưa có thông báo nghỉ; tính theo Bộ luật Lao động 2019).`,
    file: 'Tệp lịch nghỉ của một năm (YAML, như calendar/2026.yaml)',
    paste: 'hoặc dán nội dung tệp',
    import: 'Nhập lịch nghỉ',
    empty: 'Hãy chọn một tệp hoặc dán nội dung tệp.',
    tooLarge: `Tệp quá lớn (tối đa ${FILE_MAX_KB} KB).`,
    imported: (years: string) => `Đã nhập lịch nghỉ năm ${years}.`,
    same: (years: string) => `Lịch nghỉ năm ${years} đã đúng như tệp: không có gì thay đổi.`,
    off: 'Thành ngày nghỉ',
    working: 'Thành ngày làm việc',
    noDay: 'Không ngày làm việc nào thay đổi (chỉ văn bản, nguồn).',
    told: (t: CalendarTold) =>
      `Đã báo lịch mới cho ${t.tasks} nhiệm vụ đang theo dõi và ${t.directives} văn bản; đơn vị nào bị đổi hạn sẽ nhận thư báo.`,
    notTold: 'Chưa báo được cho các nhiệm vụ đang chạy (Temporal chưa kết nối); nhập lại tệp khi Temporal hoạt động.',
    days: ['CN', 'T2', 'T3', 'T4', 'T5', 'T6', 'T7'],
  },
  en: {
    title: 'Public holidays and Tết',
    announced: 'Years announced',
    provisional: (y: number) => `${y}: provisional (no notice yet; counted by the Labour Code 2019).`,
    file: "A year's days-off file (YAML, like calendar/2026.yaml)",
    paste: "or paste the file's content",
    import: 'Import the days off',
    empty: "Choose a file or paste the file's content.",
    tooLarge: `The file is too large (at most ${FILE_MAX_KB} KB).`,
    imported: (years: string) => `Imported the days off of ${years}.`,
    same: (years: string) => `The days off of ${years} already match the file: nothing changed.`,
    off: 'Now days off',
    working: 'Now working days',
    noDay: 'No working day changed (only the notice or its source).',
    told: (t: CalendarTold) =>
      `Told ${t.tasks} open tasks and ${t.directives} directives; a unit whose deadline moves is mailed.`,
    notTold: 'Running tasks were not told (Temporal is not connected); import the file again once it is up.',
    days: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
  },
};

interface Outcome {
  error?: string;
  lines?: string[];
  text?: string;
  status?: number;
}

export const calendarAdminRoutes: FastifyPluginAsync<StaffDeps> = async (app, deps) => {
  const admin = requireRole(deps.users, ['admin']);
  app.decorateRequest('calendarUpload', null);
  await app.register(multipart, {
    attachFieldsToBody: 'keyValues',
    onFile: readUpload,
    throwFileSizeLimit: false,
    limits: { fileSize: FILE_MAX_KB * 1024, files: 1, fields: 5, parts: 6 },
  });

  const render = async (req: FastifyRequest, reply: FastifyReply, o: Outcome = {}) => {
    const ctx = staffContext(req, reply, deps);
    const t = WORDS[ctx.lang];
    await loadShippedAnnouncements(deps.pool);
    const stored = await loadAnnouncements(deps.pool);
    const years = [...new Set(stored.map((a) => a.year))].sort((a, b) => a - b);
    const thisYear = Number(localDateAt(Date.now()).slice(0, 4));
    const ahead = [thisYear, thisYear + 1, thisYear + 2].filter((y) => !years.includes(y));
    const data = { t, csrf: ctx.csrf, years, provisional: ahead.map(t.provisional), ...o };
    return sendStaffPage(reply, ctx, 'calendar', data, o.status);
  };

  app.get('/quan-tri/lich-nghi', { preHandler: admin }, async (req, reply) => render(req, reply));

  // The role is checked before the uploaded file is read.
  app.post('/quan-tri/lich-nghi', { onRequest: admin, preHandler: app.csrfProtection }, async (req, reply) => {
    const lang = staffContext(req, reply, deps).lang;
    const t = WORDS[lang];
    const pasted = String((req.body as Record<string, unknown> | undefined)?.text ?? '');
    const upload = req.calendarUpload;
    if (upload?.tooLarge) return render(req, reply, { error: t.tooLarge, status: 413 });
    const text = upload?.text ?? pasted;
    if (!text.trim()) return render(req, reply, { error: t.empty, status: 422 });
    let announcements;
    try {
      announcements = parseCalendarFile(text, upload?.name || 'lich-nghi.yaml');
    } catch (err) {
      // The parser names the line and field of each problem: shown as it says it.
      if (err instanceof FileError) return render(req, reply, { error: err.message, text: pasted, status: 422 });
      throw err;
    }
    const by = actor(req);
    await loadShippedAnnouncements(deps.pool);
    const result = await importAnnouncements(deps.pool, announcements, by);
    const told = deps.temporal ? await tellRunningWorkflows(deps.temporal, deps.pool, by) : undefined;
    await recordAudit(deps.pool, {
      actor: req.staff!.email,
      via: 'login',
      action: 'calendar.import',
      subject: [...new Set(announcements.map((a) => a.year))].join(','),
      detail: { ...result, told },
    });
    const day = (d: string) => `${t.days[weekday(d)]} ${formatDateShortVi(d)}`;
    const years = [...new Set(announcements.map((a) => a.year))].join(', ');
    const lines = result.years.length
      ? [
          t.imported(result.years.join(', ')),
          ...(result.becameOff.length ? [`${t.off}: ${result.becameOff.map(day).join(', ')}`] : []),
          ...(result.becameWorking.length ? [`${t.working}: ${result.becameWorking.map(day).join(', ')}`] : []),
          ...(!result.becameOff.length && !result.becameWorking.length ? [t.noDay] : []),
        ]
      : [t.same(years)];
    lines.push(told ? t.told(told) : t.notTold);
    return render(req, reply, { lines });
  });
};
