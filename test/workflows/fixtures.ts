// Inputs for workflow tests, written the way an office would write them.
import { DEFAULT_CHASE_POLICY, DirectiveSchema, type Directive, type TaskSpec } from '../../domain/schemas';
import type { TaskInput } from '../../workflows/types';

export const DIRECTIVE = {
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

export function taskInput(deadline: string, spec: TaskSpec = leadSpec(), directive = DIRECTIVE): TaskInput {
  return { directive, spec, cycle: '', deadline, policy: DEFAULT_CHASE_POLICY };
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
