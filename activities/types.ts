// Inputs and results of dondoc's activities.
import type { EscalationTarget, LocalDate, TaskRole } from '../domain/schemas';
import type { DirectiveSummary } from '../workflows/types';

export type NotifyKind =
  'assignment' | 'reminder' | 'escalation' | 'receipt' | 'returned' | 'extension_decision' | 'cancellation';

export interface NotifyInput {
  /** Business key of the message (task workflow, purpose, sequence); one message per key and recipient. */
  key: string;
  kind: NotifyKind;
  taskWorkflowId: string;
  directive: DirectiveSummary;
  unit: string;
  task: { title: string; deadline: LocalDate; role: TaskRole; supports?: string };
  daysBefore?: number;
  level?: number;
  target?: EscalationTarget;
  weekly?: boolean;
  receipt?: string;
  submittedAt?: number;
  indicators?: Record<string, number>;
  comment?: string;
  approved?: boolean;
}

export interface NotifyResult {
  sent: string[];
  skipped: { recipient: string; why: 'already sent' | 'in digest' | 'in doubt' | 'no longer due' | 'no recipient' }[];
}

export interface ConsolidateInput {
  directiveNumber: string;
}
