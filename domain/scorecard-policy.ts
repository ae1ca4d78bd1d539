// How the office scores a unit's handling of the tasks it was given, for the yearly emulation
// review (thi đua). The office sets it (a YAML policy on the admin page); until it does, the
// default follows the national and provincial rules:
// - Nghị định 335/2025/NĐ-CP (Art. 14) judges work by its progress (the share done on time,
//   each delay costing 25% of that work's progress score) and its quality (each time the work
//   is judged not good enough costing 25% of its quality score);
// - provincial emulation rules (e.g. Đắk Nông, Quyết định 1748/QĐ-UBND, 2018) grade a unit on
//   100 points: 90 and above excellent, 75 good, 50 completed, below 50 not completed.
import { z } from 'zod';
import { parseYamlFile } from './directive-file';

const Share = z.number().min(0).max(1);
const Points = z.number().min(0).max(100);

export const GradeSchema = z
  .object({ min: Points, vi: z.string().trim().min(1), en: z.string().trim().min(1) })
  .strict();

export const ScorecardPolicySchema = z
  .object({
    /** Points (of 100) for progress and for quality; they add up to 100. */
    weights: z.object({ progress: Points, quality: Points }).strict(),
    progress: z
      .object({
        /** Credit of a task done on time (by the accepted report). */
        onTime: Share.default(1),
        /** Credit of a task done late: a delay costs 25% (Nghị định 335/2025). */
        late: Share.default(0.75),
        /** Further credit lost per working day late, down to `lateFloor`. */
        latePerWorkingDay: Share.default(0),
        lateFloor: Share.default(0),
        /** Credit of a task past its deadline and still not done. */
        overdue: Share.default(0),
      })
      .strict(),
    quality: z
      .object({
        /** Quality credit a task loses each time its report is returned for revision. */
        perReturn: Share.default(0.25),
      })
      .strict(),
    /** Points taken off the score per extension granted (an approved extension moves the deadline). */
    extensions: z
      .object({ perGranted: Points.default(0) })
      .strict()
      .default({ perGranted: 0 }),
    /**
     * A lead (chủ trì) task late because a support (phối hợp) unit was late: its deadline is moved
     * by as many working days as the latest of its support units was late past its own deadline.
     */
    supportExcuse: z.boolean().default(true),
    /** Grades from the highest: the first whose `min` the score reaches. */
    grades: z.array(GradeSchema).min(1).max(10),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.weights.progress + p.weights.quality !== 100)
      ctx.addIssue({
        code: 'custom',
        path: ['weights'],
        message: `progress and quality add up to 100 (now ${p.weights.progress + p.weights.quality})`,
      });
    if (p.progress.late > p.progress.onTime)
      ctx.addIssue({
        code: 'custom',
        path: ['progress', 'late'],
        message: 'a late task cannot earn more than one on time',
      });
    p.grades.forEach((g, i) => {
      if (i > 0 && g.min >= p.grades[i - 1].min)
        ctx.addIssue({
          code: 'custom',
          path: ['grades', i, 'min'],
          message: 'grades go from the highest to the lowest',
        });
    });
    if (p.grades.at(-1)!.min !== 0)
      ctx.addIssue({
        code: 'custom',
        path: ['grades', p.grades.length - 1, 'min'],
        message: 'the lowest grade starts at 0',
      });
  });
export type ScorecardPolicy = z.infer<typeof ScorecardPolicySchema>;

/** The default policy, as the office reads it on the admin page: every weight named and explained. */
export const DEFAULT_POLICY_YAML = `# Cách chấm điểm (thang 100) — how units are scored, out of 100.
# Điểm = tiến độ × trọng số + chất lượng × trọng số − trừ điểm gia hạn.
weights:
  progress: 70   # tiến độ: tỷ lệ nhiệm vụ hoàn thành đúng hạn
  quality: 30    # chất lượng: báo cáo không bị trả lại
progress:
  onTime: 1      # hoàn thành đúng hạn
  late: 0.75     # hoàn thành quá hạn: trừ 25% (Nghị định 335/2025/NĐ-CP)
  latePerWorkingDay: 0   # trừ thêm mỗi ngày làm việc chậm
  lateFloor: 0   # mức thấp nhất của nhiệm vụ hoàn thành quá hạn
  overdue: 0     # quá hạn chưa hoàn thành
quality:
  perReturn: 0.25  # mỗi lần báo cáo bị trả lại để hoàn thiện
extensions:
  perGranted: 0  # điểm trừ mỗi lần được gia hạn
supportExcuse: true  # chủ trì chậm do đơn vị phối hợp chậm: không tính cho đơn vị chủ trì
grades:
  - { min: 90, vi: Hoàn thành xuất sắc nhiệm vụ, en: Excellent }
  - { min: 75, vi: Hoàn thành tốt nhiệm vụ, en: Good }
  - { min: 50, vi: Hoàn thành nhiệm vụ, en: Completed }
  - { min: 0, vi: Không hoàn thành nhiệm vụ, en: Not completed }
`;

/** A policy file (YAML or JSON); every problem names its line and field. */
export const parsePolicy = (text: string, fileName = 'policy.yaml'): ScorecardPolicy =>
  parseYamlFile(ScorecardPolicySchema, text, fileName, 'weights, progress, quality, grades, …');

export const DEFAULT_SCORECARD_POLICY: ScorecardPolicy = parsePolicy(DEFAULT_POLICY_YAML, 'default policy');
