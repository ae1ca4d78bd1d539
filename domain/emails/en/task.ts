// English wording of the messages along one task's life: assigned, received, returned,
// extended or not, cancelled, new link.
import { formatDateEn, formatDateTime, formatNumber } from '../../format';
import { action, clip, facts, paragraph, quote, type Block, type EmailContent, type EmailCopy } from '../content';
import type { EmailOf } from '../schemas';
import { deadlineFact, directiveFacts, due, pursuant, taskFacts, unitEmail } from './common';

function assignment(m: EmailOf<'assignment'>): EmailContent {
  const lead = m.supports?.name ?? 'the lead unit';
  const role = m.role === 'lead' ? 'to lead the task below' : `to support ${lead} in the task below`;
  const indicators = m.indicators ?? [];
  const withTargets = indicators.some((i) => i.target !== undefined);
  const ask =
    m.completion === 'acknowledgement'
      ? 'Please confirm receipt of the task through the link below'
      : `Please carry out the task and submit your report${indicators.length ? ', with the indicator figures,' : ''} through the link below`;
  const blocks: Block[] = [
    paragraph(`${pursuant(m.directive)}, your agency has been assigned ${role}:`),
    facts(
      ...directiveFacts(m.directive),
      { label: 'Task', value: m.task.title },
      { label: 'Role', value: m.role === 'lead' ? 'Lead (chủ trì)' : `Support (phối hợp); lead unit: ${lead}` },
      deadlineFact(m.task),
    ),
    ...quote('What the task asks', m.task.body),
  ];
  if (indicators.length > 0) {
    blocks.push({
      type: 'table',
      caption: 'Indicators to report',
      headers: ['Indicator', 'Unit', ...(withTargets ? ['Target'] : [])],
      rows: indicators.map((i) => [
        i.name,
        i.unit,
        ...(withTargets ? [i.target === undefined ? '—' : formatNumber(i.target, 'en')] : []),
      ]),
    });
  }
  blocks.push(
    paragraph(`${ask} by ${formatDateEn(m.task.deadline)} at the latest.`),
    action('Open the task', m.link),
    paragraph('If you meet difficulties, you may request an extension through the same link.'),
  );
  return unitEmail(m, { subject: `New task: ${clip(m.task.title)}`, heading: 'NEW TASK ASSIGNMENT', blocks });
}

function receipt(m: EmailOf<'receipt'>): EmailContent {
  const values = m.indicators ?? [];
  const blocks: Block[] = [
    paragraph('Your agency’s report on the task below has been received.'),
    facts(
      { label: 'Receipt number', value: m.receiptNumber },
      { label: 'Received at', value: formatDateTime(m.submittedAt, 'en') },
      ...(m.submittedBy ? [{ label: 'Submitted by', value: m.submittedBy }] : []),
      ...directiveFacts(m.directive),
      { label: 'Task', value: m.task.title },
      { label: 'Deadline', value: formatDateEn(m.task.deadline) },
    ),
  ];
  if (values.length > 0) {
    blocks.push({
      type: 'table',
      caption: 'Indicator figures reported',
      headers: ['Indicator', 'Value', 'Unit'],
      rows: values.map((v) => [v.name, formatNumber(v.value, 'en'), v.unit]),
    });
  }
  blocks.push(
    ...quote('Attachments', (m.attachments ?? []).join('\n')),
    paragraph('The report will now be reviewed; you will be notified if anything needs to be added or corrected.'),
    action('View the submitted report', m.link),
  );
  return unitEmail(m, {
    subject: `Report received, receipt ${m.receiptNumber}: ${clip(m.task.title)}`,
    heading: 'REPORT RECEIPT',
    blocks,
  });
}

function returned(m: EmailOf<'returned'>): EmailContent {
  return unitEmail(m, {
    subject: `Report returned for revision: ${clip(m.task.title)}`,
    heading: 'REPORT RETURNED FOR REVISION',
    blocks: [
      paragraph('Your agency’s report on the task below needs to be completed or corrected as follows:'),
      ...quote(m.reviewer ? `Comment from ${m.reviewer}` : 'Reviewer’s comment', m.comment),
      facts(
        ...directiveFacts(m.directive),
        { label: 'Task', value: m.task.title },
        { label: 'Resubmit by', value: due(m.newDeadline, m.newWorkingDaysLeft) },
      ),
      paragraph(
        `Please revise the report and submit it again through the link below by ${formatDateEn(m.newDeadline)} at the latest.`,
      ),
      action('Revise the report', m.link),
    ],
  });
}

function extensionDecision(m: EmailOf<'extension_decision'>): EmailContent {
  if (m.decision === 'approved') {
    return unitEmail(m, {
      subject: `Extension approved until ${formatDateEn(m.newDeadline)}: ${clip(m.task.title)}`,
      heading: 'EXTENSION APPROVED',
      blocks: [
        paragraph(
          `Your agency’s request for an extension of the task below has been approved. The new deadline is ${formatDateEn(m.newDeadline)}.`,
        ),
        ...quote('Comment', m.comment),
        facts(
          ...directiveFacts(m.directive),
          { label: 'Task', value: m.task.title },
          { label: 'Previous deadline', value: formatDateEn(m.task.deadline) },
          { label: 'New deadline', value: due(m.newDeadline, m.newWorkingDaysLeft) },
        ),
        action('Open the task', m.link),
      ],
    });
  }
  return unitEmail(m, {
    subject: `Extension declined: ${clip(m.task.title)}`,
    heading: 'EXTENSION REQUEST DECLINED',
    blocks: [
      paragraph(
        `Your agency’s request for an extension of the task below has not been approved; the deadline remains ${formatDateEn(m.task.deadline)}.`,
      ),
      ...quote('Reason', m.reason),
      facts(...directiveFacts(m.directive), ...taskFacts(m.task)),
      paragraph('Please complete the task and submit your report on time through the link below.'),
      action('Submit the report', m.link),
    ],
  });
}

function cancellation(m: EmailOf<'cancellation'>): EmailContent {
  return unitEmail(m, {
    subject: `Task cancelled: ${clip(m.task.title)}`,
    heading: 'TASK CANCELLED',
    blocks: [
      paragraph(
        `${m.directive.issuer} has cancelled the task below of document No. ${m.directive.number}. Your agency does not need to report on it.`,
      ),
      ...quote('Reason', m.reason),
      facts(
        ...directiveFacts(m.directive),
        { label: 'Task', value: m.task.title },
        { label: 'Former deadline', value: formatDateEn(m.task.deadline) },
      ),
      action('View the task', m.link),
    ],
  });
}

function newLink(m: EmailOf<'new_link'>): EmailContent {
  const validity = m.expiresAt === undefined ? '' : ` The link is valid until ${formatDateTime(m.expiresAt, 'en')}.`;
  return unitEmail(m, {
    subject: `Your new link: ${clip(m.task.title)}`,
    heading: 'NEW LINK',
    blocks: [
      paragraph(`As your agency requested, here is a new link to the task below.${validity}`),
      facts(...directiveFacts(m.directive), ...taskFacts(m.task)),
      action('Open the task', m.link),
      paragraph('If your agency did not ask for a new link, please ignore this email.'),
    ],
  });
}

export const enTask: Pick<
  EmailCopy,
  'assignment' | 'receipt' | 'returned' | 'extension_decision' | 'cancellation' | 'new_link'
> = {
  assignment,
  receipt,
  returned,
  extension_decision: extensionDecision,
  cancellation,
  new_link: newLink,
};
