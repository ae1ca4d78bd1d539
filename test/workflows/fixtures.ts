// Inputs for workflow tests, written the way an office would write them.
import { withoutNotices } from '../../domain/announcements';
import type { HolidayAnnouncement } from '../../domain/calendar';
import { shippedAnnouncements } from '../../domain/shipped-announcements';
import { DEFAULT_CHASE_POLICY, DirectiveSchema, type Directive, type TaskSpec } from '../../domain/schemas';
import type { DirectiveSummary, TaskInput } from '../../workflows/types';

/** The announced days off dondoc ships with, as a launch passes them to the workflows. */
export const SHIPPED_CALENDAR: HolidayAnnouncement[] = withoutNotices(shippedAnnouncements());

export const DIRECTIVE = {
  key: '524/UBND-VP9',
  number: '524/UBND-VP9',
  title: 'Triển khai Chương trình truyền thông giai đoạn 2023 - 2028',
  issuer: 'UBND tỉnh Ninh Bình',
};

export const leadSpec = (unit = 'NB-STTTT', extra: Partial<TaskSpec> = {}): TaskSpec => ({
  unit,
  role: 'lead',
  title: 'Tuyên truyền trên báo chí và hệ thống thông tin cơ sở',
  body: 'Chủ trì tổ chức tuyên truyền; báo cáo kết quả.',
  deadline: { workingDays: 10 },
  indicators: [{ code: 'articles', name: 'Tin, bài đã đăng', unit: 'bài' }],
  completion: 'report',
  cascade: false,
  ...extra,
});

export function taskInput(
  deadline: string,
  spec: TaskSpec = leadSpec(),
  directive: DirectiveSummary = DIRECTIVE,
  policy = DEFAULT_CHASE_POLICY,
): TaskInput {
  return {
    directive,
    spec,
    cycle: '',
    deadline,
    rule: { date: deadline },
    policy,
    calendar: SHIPPED_CALENDAR,
  };
}

export function directiveOf(tasks: Partial<TaskSpec>[], extra: Record<string, unknown> = {}): Directive {
  return DirectiveSchema.parse({
    ...DIRECTIVE,
    issuedOn: '2026-11-20',
    tasks: tasks.map((t, i) => ({ ...leadSpec(`U${String(i + 1).padStart(4, '0')}`), ...t })),
    ...extra,
  });
}

export const report = (submissionId: string, articles = 12) => ({
  text: 'Đã đăng 12 tin, bài trên Báo Ninh Bình.',
  indicators: { articles },
  attachments: [],
  submittedBy: 'Văn thư Sở TT&TT',
  submissionId: `submission-${submissionId}`,
});

/** An update refused by its validator: the cause carries the field and the reason. */
export const refusedWith = (message: RegExp) => ({
  cause: expect.objectContaining({ message: expect.stringMatching(message) }),
});
