// Inputs, states and results of dondoc's workflows. Each workflow and message has its own type.
import type { ChasePolicy, Directive, LocalDate, ReportSubmission, TaskSpec } from '../domain/schemas';
import type {
  AmendRequest,
  CascadeRequest,
  ExtensionDecision,
  ExtensionRequest,
  ReviewDecision,
} from '../domain/commands';
import type { TaskStatus } from '../domain/status';

export type { AmendRequest, CascadeRequest, ExtensionDecision, ExtensionRequest, ReportSubmission, ReviewDecision };

export interface DirectiveSummary {
  number: string;
  title: string;
  issuer: string;
}

export interface TaskInput {
  directive: DirectiveSummary;
  spec: TaskSpec;
  /** Cycle key of a periodic report, '' for a one-off task. */
  cycle: string;
  deadline: LocalDate;
  policy: ChasePolicy;
  /** Workflow id of the lead task this support task feeds. */
  leadWorkflowId?: string;
  /** Present when the workflow continues as new: the state it had. */
  state?: TaskState;
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
}

export interface ChaseRecord {
  seq: number;
  kind: 'reminder' | 'escalation';
  level: number;
  target?: string;
  at: number;
  deadline: LocalDate;
}

export interface TaskState {
  phase: TaskPhase;
  assignedAt: number;
  deadline: LocalDate;
  originalDeadline: LocalDate;
  acknowledgedAt?: number;
  acknowledgedBy?: string;
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
  supportReports: { unit: string; receipt: string; submittedAt: number }[];
  /** The sub-directive a district started for its own units, when it cascaded this task. */
  cascade?: CascadeRecord;
  /** Bumped on every change; the read model ignores writes older than what it has. */
  version: number;
  /** Updates handled in this run, kept under Temporal's per-run limit. */
  updatesThisRun: number;
}

export interface CascadeRecord {
  number: string;
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
  number: string;
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
  onTime: boolean;
}

export interface TaskView {
  workflowId: string;
  directive: DirectiveSummary;
  spec: TaskSpec;
  cycle: string;
  status: TaskStatus;
  state: Omit<TaskState, 'updatesThisRun'>;
}

export interface TaskResult {
  outcome: 'done' | 'cancelled';
  onTime: boolean;
  doneAt?: number;
  receipt?: string;
  indicators: Record<string, number>;
}

/** What a task tells its directive whenever its outline changes. */
export interface TaskProgress {
  workflowId: string;
  unit: string;
  cycle: string;
  phase: TaskPhase;
  deadline: LocalDate;
  escalationLevel: number;
  doneAt?: number;
  onTime?: boolean;
  indicators?: Record<string, number>;
}

export interface DirectiveRunInput {
  directive: Directive;
  /** Children started per run; START_BATCH unless a server asks for less. */
  batchSize?: number;
  /** A sub-directive: the district task that started it, told when it closes. */
  parentTaskWorkflowId?: string;
  state?: DirectiveState;
}

export interface PlannedTask {
  workflowId: string;
  /**
   * The task's spec when it is not one of the directive's own (an amendment added it); a task
   * of the directive is named by its index, which keeps a queue of thousands small enough to
   * carry across continue-as-new.
   */
  spec?: TaskSpec;
  index?: number;
  /** The unit, for lookups while the task waits in the queue. */
  unit?: string;
  cycle: string;
  deadline: LocalDate;
  leadWorkflowId?: string;
}

export interface DirectiveState {
  phase: 'running' | 'cancelling' | 'done' | 'cancelled';
  launchedAt: number;
  /** Tasks decided but not yet started, started in batches. */
  queue: PlannedTask[];
  tasks: Record<string, TaskProgress>;
  /** Index of the next periodic cycle to open. */
  nextCycle: number;
  version: number;
  cancelReason?: string;
}

export interface DirectiveView {
  number: string;
  phase: DirectiveState['phase'];
  launchedAt: number;
  total: number;
  queued: number;
  byPhase: Record<string, number>;
  tasks: TaskProgress[];
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
