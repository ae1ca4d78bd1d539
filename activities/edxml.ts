// edXML activities: the progress of a task drawn from a document received over the national
// document exchange goes back to its sender as status packages, and a formal reminder dispatch
// (công văn đôn đốc) goes out as a document package carrying its DOCX. Every package is queued
// in the edXML outbox under a business key first, so a retried activity sends nothing twice.
import type { Pool } from 'pg';
import type { AdminDocument } from '../domain/admin-document';
import { placeOf } from '../domain/admin-document';
import {
  buildDocumentPackage,
  buildStatusPackage,
  codeOf,
  responseForOf,
  STATUS_CODES,
  type Sender,
  type StatusCode,
} from '../domain/edxml';
import { recipientsOf, reminderDispatch, type ReminderDispatchInput } from '../domain/reminder-dispatch';
import { edxmlOriginOf } from '../db/edxml-origins';
import type { ReadModel } from '../db/read-model';
import {
  deliverFromEdxmlOutbox,
  hasTarget,
  queuePackage,
  type DeliveryOutcome,
  type EdxmlDelivery,
} from './edxml-outbox';

export interface EdxmlDeps {
  pool: Pool;
  readModel: ReadModel;
  delivery: EdxmlDelivery;
  /** The office's own organisation (EDXML_ORGAN_ID, EDXML_ORGAN_NAME): the sender of its dispatches. */
  sender?: Sender;
  /** Draws an administrative document as DOCX (the web app's renderer). */
  renderDocx: (doc: AdminDocument) => Promise<Uint8Array>;
}

export interface SendStatusInput {
  taskWorkflowId: string;
  /** 03 received when the assignment is out, 05 in progress when acknowledged, 06 completed when the report is accepted. */
  statusCode: StatusCode;
  /** Defaults to the code's name, e.g. "Đang xử lý". */
  description?: string;
  /** When it happened (ms since 1970), from the workflow's clock. */
  timestamp: number;
}

type Sent = 'sent' | 'already sent' | 'in doubt' | 'failed before';
export type SendStatusResult = Sent | 'not from edXML' | 'no delivery configured';

export interface ReminderDispatchPackageInput {
  dispatch: ReminderDispatchInput;
  /** When the package leaves (ms since 1970), from the workflow's clock. */
  sentAt: number;
}

export interface ReminderDispatchPackageResult {
  outcome: Sent | 'no recipient on the exchange' | 'no delivery configured';
  /** The units it is addressed to. */
  to: string[];
  skipped: { unit: string; why: 'no organisation code' | 'not in the directory' }[];
}

const SENT: Record<DeliveryOutcome, Sent> = {
  delivered: 'sent',
  'already delivered': 'already sent',
  'in doubt': 'in doubt',
  'failed before': 'failed before',
};

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function createEdxmlActivities(deps: EdxmlDeps) {
  const senderOrThrow = (): Sender => {
    if (!deps.sender) throw new Error("EDXML_ORGAN_ID and EDXML_ORGAN_NAME: the office's organisation is not set");
    return deps.sender;
  };

  return {
    /** Tells the sender of the directive's document how far one task has got; nothing when it did not come by edXML. */
    async sendStatusPackage(input: SendStatusInput): Promise<SendStatusResult> {
      const task = await deps.readModel.task(input.taskWorkflowId);
      // The read model is written before a task's first activity; a miss is a lag worth retrying.
      if (!task) throw new Error(`task ${input.taskWorkflowId} is not in the read model yet`);
      const origin = await edxmlOriginOf(deps.pool, task.directive_number);
      if (!origin) return 'not from edXML';
      if (!hasTarget(deps.delivery)) return 'no delivery configured';
      const unit = await deps.readModel.unit(task.unit_code);
      const name = STATUS_CODES[input.statusCode];
      // A unit without its own code on the exchange reports through the office, named in the text.
      const from = unit?.organId
        ? { organId: unit.organId, organName: unit.name, email: unit.emails[0] }
        : senderOrThrow();
      const description = input.description ?? (unit?.organId ? name : `${unit?.name ?? task.unit_code}: ${name}`);
      const key = `edxml-status:${input.taskWorkflowId}:${input.statusCode}`;
      await queuePackage(deps.pool, {
        key,
        purpose: 'edxml_status',
        directiveNumber: task.directive_number,
        taskWorkflowId: input.taskWorkflowId,
        toOrganIds: [origin.from.organId],
        bytes: buildStatusPackage({
          responseFor: responseForOf(origin),
          from,
          statusCode: input.statusCode,
          description,
          at: input.timestamp,
          staff: unit ? { department: unit.name, staff: unit.head?.name, email: unit.head?.email } : undefined,
        }),
      });
      return SENT[await deliverFromEdxmlOutbox(deps, key)];
    },

    /** The formal reminder dispatch to the overdue units that have a code on the exchange, with its DOCX. */
    async sendReminderDispatchPackage(input: ReminderDispatchPackageInput): Promise<ReminderDispatchPackageResult> {
      const d = input.dispatch;
      const to: { code: string; organId: string; name: string }[] = [];
      const skipped: ReminderDispatchPackageResult['skipped'] = [];
      for (const r of recipientsOf(d.overdue)) {
        const unit = await deps.readModel.unit(r.code);
        if (!unit) skipped.push({ unit: r.code, why: 'not in the directory' });
        else if (!unit.organId) skipped.push({ unit: r.code, why: 'no organisation code' });
        else to.push({ code: unit.code, organId: unit.organId, name: unit.name });
      }
      const result = (outcome: ReminderDispatchPackageResult['outcome']) => ({
        outcome,
        to: to.map((t) => t.code),
        skipped,
      });
      if (!to.length) return result('no recipient on the exchange');
      if (!hasTarget(deps.delivery)) return result('no delivery configured');
      const doc = reminderDispatch(d);
      const key = `edxml-reminder-dispatch:${d.number}`;
      await queuePackage(deps.pool, {
        key,
        purpose: 'edxml_reminder_dispatch',
        directiveNumber: d.directive.number,
        toOrganIds: to.map((t) => t.organId),
        bytes: buildDocumentPackage({
          from: senderOrThrow(),
          to: to.map((t) => ({ organId: t.organId, organName: t.name })),
          code: codeOf(d.number),
          promulgation: { place: placeOf(d.directive.issuer), date: d.date },
          documentType: { typeName: 'Công văn' },
          subject: doc.subject!,
          signer: { competence: doc.signature.authority, position: doc.signature.title, fullName: doc.signature.name },
          dueDate: d.reportBy,
          toPlaces: doc.recipients,
          sentAt: input.sentAt,
          attachments: [
            {
              name: `cong-van-don-doc-${d.number.replace(/[^\p{L}0-9]+/gu, '-')}.docx`,
              mimeType: DOCX,
              description: doc.subject,
              bytes: await deps.renderDocx(doc),
            },
          ],
        }),
      });
      return result(SENT[await deliverFromEdxmlOutbox(deps, key)]);
    },
  };
}

export type EdxmlActivities = ReturnType<typeof createEdxmlActivities>;
