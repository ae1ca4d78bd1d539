// Inputs, states and results of dondoc's workflows. Each workflow and message has its own type.
import type { ChasePolicy, LocalDate, ReportingSchedule, ReportSubmission, TaskSpec } from '../domain/schemas';
import type {
  AmendRequest,
  CascadeRequest,
  ExtensionDecision,
  ExtensionRequest,
  ReviewDecision,
} from '../domain/commands';
import type { HolidayAnnouncement } from '../domain/calendar';
import type { DeadlineRule } from '../domain/plan';
import type { TaskStatus } from '../domain/status';

export type { AmendRequest, CascadeRequest, ExtensionDecision, ExtensionRequest, ReportSubmission, ReviewDecision };

/** What every message about a directive names: its key (the number, or a sub-directive's scoped key). */
export interface DirectiveSummary {
  key: string;
  number: string;
  title: string;
  issuer: string;
  /** It came as an edXML package: its tasks' progress goes back to the sender as status packages. */
  edxml?: boolean;
}

// ---- Task ----

export interface TaskInput {
  directive: DirectiveSummary;
  spec: TaskSpec;
  /** Cycle key of a periodic report, '' for a one-off task. */
  cycle: string;
  deadline: LocalDate;
  /** How the deadline was reached, so that a corrected calendar can reach it again. */
  rule: DeadlineRule;
  policy: ChasePolicy;
  /** The government's announced days off the task counts on (the rules give the rest). */
  calendar: HolidayAnnouncement[];
  /** Workflow id of the lead task this support task feeds. */
  leadWorkflowId?: string;
  /**
   * A request for explanation (yêu cầu giải trình) about another task: chased like a task, answered
   * like a report, but not one of the directive's tasks (the directive does not count it).
   */
  explanation?: { about: string; askedBy: string };
  /** Present when the workflow continues as new: the state it had. */
  carried?: TaskState;
}

export type TaskPhase = 'open' | 'submitted' | 'returned' | 'done' | 'cancelled';

export interface ReportRecord {
  receipt: string;
  submissionId: string;
  submittedAt: number;
  submittedBy: string;
  text: string;
  indicators: Record<string, number>;
  attachments: ReportSubmission['attachments'];
  review: 'pending' | 'accepted' | 'returned';
  reviewComment?: string;
  reviewedBy?: string;
  reviewedAt?: number;
}

export interface ChaseRecord {
  seq: number;
  kind: 'reminder' | 'escalation';
  level: number;
  target?: string;
  at: number;
  deadline: LocalDate;
}

/** Every change of a task's deadline, each told to the unit. */
export interface DeadlineChange {
  from: LocalDate;
  to: LocalDate;
  at: number;
  by: string;
  why: 'extension' | 'moved' | 'calendar';
  reason?: string;
}

export interface TaskState {
  phase: TaskPhase;
  /** When the assignment went out; until then the task is being assigned (đang giao). */
  assignedAt?: number;
  deadline: LocalDate;
  originalDeadline: LocalDate;
  /** Since when the deadline being chased applies: the escalation ladder starts from it. */
  deadlineSince: number;
  deadlineChanges: DeadlineChange[];
  /** When a returned report is due back: never before the deadline. */
  revisionDue?: LocalDate;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
  /** When the accepted report came in (or the task was acknowledged, or its sub-directive closed). */
  doneAt?: number;
  reports: ReportRecord[];
  extension?: { requested: LocalDate; reason: string; by: string; at: number };
  extensions: {
    requested: LocalDate;
    decided: 'approved' | 'rejected';
    deadline: LocalDate;
    at: number;
    comment?: string;
  }[];
  chases: ChaseRecord[];
  escalationLevel: number;
  /** Chase steps at or before this instant are done or were skipped. */
  cursor: number;
  /** The sub-directive a district started for its own units, when it cascaded this task. */
  cascade?: CascadeRecord;
  /** Bumped on every change; the read model ignores writes older than what it has. */
  version: number;
}

export interface CascadeRecord {
  number: string;
  key: string;
  workflowId: string;
  by: string;
  at: number;
  units: string[];
  phase: 'running' | 'done' | 'cancelled';
  closedAt?: number;
  /** Indicators summed over the sub-directive's accepted reports, once it is done. */
  indicators?: Record<string, number>;
}

/** What a sub-directive tells the task that started it when it closes. */
export interface SubDirectiveClosed {
  key: string;
  phase: 'done' | 'cancelled';
  tasks: number;
  onTime: number;
  late: number;
  indicators: Record<string, number>;
}

export interface Receipt {
  receipt: string;
  submittedAt: number;
  deadline: LocalDate;
  /** Whether the report came by the deadline; it still needs the office's review. */
  onTime: boolean;
}

export interface TaskView {
  workflowId: string;
  directive: DirectiveSummary;
  spec: TaskSpec;
  cycle: string;
  status: TaskStatus;
  state: TaskState;
}

export interface TaskResult {
  outcome: 'done' | 'cancelled';
  onTime: boolean;
  doneAt?: number;
  receipt?: string;
  indicators: Record<string, number>;
}

/** What a task tells its directive when it closes; the directive keeps counts, not tasks. */
export interface TaskClosed {
  workflowId: string;
  outcome: 'done' | 'cancelled';
  onTime: boolean;
  indicators: Record<string, number>;
}

export interface MoveDeadline {
  deadline: LocalDate;
  by: string;
  reason: string;
}

// ---- Directive ----

/**
 * A directive's run input. The directive's document (its tasks) is stored once, at launch, and
 * read a batch at a time: a directive of any size starts with the same small input.
 */
export interface DirectiveInput {
  directive: DirectiveSummary;
  /** How many tasks the stored document has. */
  taskCount: number;
  schedule: ReportingSchedule;
  policy: ChasePolicy;
  calendar: HolidayAnnouncement[];
  /** A sub-directive: the district task that started it, told when it closes. */
  parentTaskWorkflowId?: string;
  /** When the office launched it (the read model shows this instant from the launch on). */
  launchedAt?: number;
  /** Children started per run; START_BATCH unless a test or a small server asks for less. */
  batchSize?: number;
  /** Present when the workflow continues as new. */
  carried?: DirectiveState;
}

/** Which tasks of the current cycle are still to start, and the office's changes to them. */
export interface StartQueue {
  /** Cycle key ('' for a one-off directive) and the day its deadlines count from. */
  cycle: string;
  base: LocalDate;
  /** Index of the next task of the stored document to start. */
  next: number;
  /** Tasks added by amendment, waiting to start in this cycle. */
  added: TaskSpec[];
}

export interface DirectiveState {
  phase: 'running' | 'cancelling' | 'done' | 'cancelled';
  launchedAt: number;
  queue?: StartQueue;
  /** Index of the next periodic cycle to open. */
  nextCycle: number;
  started: number;
  closed: { onTime: number; late: number; cancelled: number };
  indicators: Record<string, number>;
  /** Tasks added by amendment, which every later cycle includes too. */
  added: TaskSpec[];
  /** Units removed by amendment: no task of theirs starts any more. */
  removed: string[];
  /** Deadlines moved by amendment before the task had started, by unit. */
  moved: Record<string, MoveDeadline>;
  version: number;
  cancelReason?: string;
}

export interface DirectiveView {
  key: string;
  number: string;
  phase: DirectiveState['phase'];
  launchedAt: number;
  /** Tasks planned so far (all cycles opened), started, and still to start in the open cycle. */
  total: number;
  started: number;
  queued: number;
  open: number;
  onTime: number;
  late: number;
  cancelled: number;
  /** Indicators summed over the accepted reports of the closed tasks. */
  indicators: Record<string, number>;
}

export type AmendResult = { applied: AmendRequest['kind']; unit: string; deadline?: LocalDate };

export interface DirectiveResult {
  phase: 'done' | 'cancelled';
  tasks: number;
  onTime: number;
  late: number;
  cancelled: number;
  indicators: Record<string, number>;
}
