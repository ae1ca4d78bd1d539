// What the pages read, written through the read model's own upserts as the workflows and
// `dondoc units import` would write it: the example unit directory, directives and tasks.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ReadModel, TaskRecord } from '../../db/read-model';
import { parseUnitDirectoryFile } from '../../domain/directive-file';
import { DirectiveSchema, type Directive, type DirectiveInput, type OrgUnit } from '../../domain/schemas';
import type { ChaseRecord, TaskPhase } from '../../workflows/types';

const EXAMPLE_UNITS = path.resolve(__dirname, '..', '..', 'examples', 'units.yaml');

/** The units of the example directory (examples/units.yaml), as `dondoc units import` reads them. */
export const exampleUnits = (): OrgUnit[] =>
  parseUnitDirectoryFile(readFileSync(EXAMPLE_UNITS, 'utf8'), EXAMPLE_UNITS).units;

/** A directive to seed: the issuer and its one task, to NB-STTTT, may be left out. */
export type SeedDirective = Omit<DirectiveInput, 'issuer' | 'tasks'> &
  Partial<Pick<DirectiveInput, 'issuer' | 'tasks'>>;

/**
 * A running directive as its workflow's first record writes it to the read model, launched at
 * 09:00 on its day of issue unless `launchedAt` says otherwise.
 */
export async function seedDirective(
  readModel: ReadModel,
  d: SeedDirective,
  o: { launchedAt?: number; version?: number } = {},
): Promise<Directive> {
  const directive = DirectiveSchema.parse({
    issuer: 'UBND tỉnh Ninh Bình',
    tasks: [{ unit: 'NB-STTTT', title: 'x', deadline: { workingDays: 5 } }],
    ...d,
  });
  await readModel.upsertDirective({
    workflowId: `directive:${directive.number}`,
    directive,
    phase: 'running',
    launchedAt: o.launchedAt ?? Date.parse(`${directive.issuedOn}T02:00:00Z`),
    version: o.version ?? 1,
    summary: {},
  });
  return directive;
}

export interface SeedTask {
  directive: string;
  unit: string;
  deadline: string;
  phase?: TaskPhase;
  doneAt?: number;
  submittedAt?: number;
  level?: number;
  assignedAt?: number;
  title?: string;
  indicators?: Record<string, number>;
  review?: 'pending' | 'accepted' | 'returned';
}

/** A task's record as the workflow would publish it. */
export function taskRecord(t: SeedTask): TaskRecord {
  const chases: ChaseRecord[] = Array.from({ length: t.level ?? 0 }, (_, i) => ({
    seq: i + 1,
    kind: 'escalation',
    level: i + 1,
    target: ['head', 'supervisor', 'steering'][i],
    at: Date.parse(`${t.deadline}T01:00:00Z`) + [1, 3, 7][i] * 86_400_000,
    deadline: t.deadline,
  }));
  const reportAt = t.submittedAt ?? t.doneAt;
  return {
    workflowId: `task:${t.directive}:${t.unit}`,
    directive: {
      key: t.directive,
      number: t.directive,
      title: `Văn bản ${t.directive}`,
      issuer: 'UBND tỉnh Ninh Bình',
    },
    spec: {
      unit: t.unit,
      role: 'lead',
      title: t.title ?? `Nhiệm vụ của ${t.unit}`,
      body: '',
      deadline: { date: t.deadline },
      indicators: [],
      completion: 'report',
      cascade: false,
    },
    cycle: '',
    state: {
      phase: t.phase ?? 'open',
      assignedAt: t.assignedAt ?? Date.parse('2026-01-05T01:00:00Z'),
      deadline: t.deadline,
      originalDeadline: t.deadline,
      deadlineSince: 0,
      deadlineChanges: [],
      doneAt: t.phase === 'done' ? t.doneAt : undefined,
      reports: reportAt
        ? [
            {
              receipt: `R-${t.unit}`,
              submissionId: `sub-${t.unit}-0001`,
              submittedAt: reportAt,
              submittedBy: 'Văn thư',
              text: 'Báo cáo',
              indicators: t.indicators ?? {},
              attachments: [],
              review: t.review ?? (t.phase === 'done' ? 'accepted' : 'pending'),
            },
          ]
        : [],
      extensions: [],
      chases,
      escalationLevel: t.level ?? 0,
      cursor: 0,
      version: 1,
    },
  };
}
