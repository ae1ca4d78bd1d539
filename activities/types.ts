// Inputs and results of dondoc's activities.
import type { HolidayAnnouncement } from '../domain/calendar';
import type { ChasePolicy, Directive, EscalationTarget, LocalDate, TaskRole, TaskSpec } from '../domain/schemas';
import type { DirectiveSummary, MoveDeadline } from '../workflows/types';

export type NotifyKind =
  | 'assignment'
  | 'reminder'
  | 'escalation'
  | 'receipt'
  | 'accepted'
  | 'returned'
  | 'extension_decision'
  | 'deadline_moved'
  | 'cancellation';

export interface NotifyInput {
  /** Business key of the message (task workflow, purpose, sequence); one message per key and recipient. */
  key: string;
  kind: NotifyKind;
  taskWorkflowId: string;
  directive: DirectiveSummary;
  unit: string;
  task: { title: string; deadline: LocalDate; role: TaskRole; supports?: string };
  /** A request for explanation about another task: the mail asks for the explanation, not a report. */
  explanation?: { about: string; askedBy: string };
  /** The calendar the deadline was counted on: a deadline in a year not yet announced is provisional. */
  calendar?: HolidayAnnouncement[];
  daysBefore?: number;
  level?: number;
  target?: EscalationTarget;
  weekly?: boolean;
  receipt?: string;
  submittedAt?: number;
  indicators?: Record<string, number>;
  comment?: string;
  approved?: boolean;
  /** A returned report: when it is due back. */
  revisionDue?: LocalDate;
  /** An accepted report: whether it came by the deadline. */
  onTime?: boolean;
  /** A moved deadline: the date before, and why ('calendar' when the days off changed). */
  previousDeadline?: LocalDate;
  reason?: string;
}

export interface NotifyResult {
  sent: string[];
  skipped: {
    recipient: string;
    why: 'already sent' | 'in digest' | 'in doubt' | 'no longer due' | 'no recipient';
  }[];
}

export interface ConsolidateInput {
  directiveKey: string;
}

/** The tasks of a directive to start next: a slice of its stored document, or tasks given by amendment. */
export interface StartTasksInput {
  directive: DirectiveSummary;
  policy: ChasePolicy;
  calendar: HolidayAnnouncement[];
  cycle: string;
  /** The launch day of a one-off directive, or the cycle's due date. */
  base: LocalDate;
  /** A slice of the stored document's tasks … */
  from?: number;
  count?: number;
  /** … or these tasks (added by amendment). */
  specs?: TaskSpec[];
  /** Units removed by amendment: left out. */
  removed: string[];
  /** Deadlines moved by amendment before their task started, by unit. */
  moved: Record<string, MoveDeadline>;
}

/** Where a unit stands in a directive's stored document. */
export interface FindUnitResult {
  index?: number;
}

/** A sub-directive's document, stored before it starts (a district's cascade). */
export interface StoreDirectiveInput {
  directive: Directive;
  parentTaskWorkflowId: string;
}

/** What a batch's start tells the directive: counts, so its history stays small whatever the batch. */
export interface StartTasksResult {
  /** Tasks planned (removed units left out): how far the batch went. */
  planned: number;
  /** Tasks started by this batch: each tells the directive once when it closes. */
  started: number;
  /** The deadline given, when the batch was one task: a unit added by amendment, whose office is told it. */
  deadline?: LocalDate;
}
