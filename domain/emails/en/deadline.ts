// English wording of the notices about a task's outcome and its deadline: the report accepted,
// and a deadline moved (by the office, or because the days off were announced or corrected).
import { formatDateEn } from '../../format';
import { action, clip, facts, paragraph, quote, type EmailContent, type EmailCopy } from '../content';
import type { EmailOf } from '../schemas';
import { directiveFacts, due, unitEmail } from './common';

function accepted(m: EmailOf<'accepted'>): EmailContent {
  return unitEmail(m, {
    subject: `Report ${m.receiptNumber} accepted: ${clip(m.task.title)}`,
    heading: 'REPORT ACCEPTED',
    blocks: [
      paragraph(
        `Report ${m.receiptNumber} of your agency on the task below has been accepted; the task is recorded as done ${m.onTime ? 'on time' : 'late'}.`,
      ),
      ...quote('Comment', m.comment),
      facts(
        ...directiveFacts(m.directive),
        { label: 'Task', value: m.task.title },
        { label: 'Deadline', value: formatDateEn(m.task.deadline) },
      ),
      action('View the task', m.link),
    ],
  });
}

function deadlineMoved(m: EmailOf<'deadline_moved'>): EmailContent {
  const later = m.task.deadline > m.previousDeadline;
  const why =
    m.why === 'calendar'
      ? 'because the public holidays were announced or corrected'
      : `by decision of ${m.directive.issuer}`;
  return unitEmail(m, {
    subject: `Deadline moved to ${formatDateEn(m.task.deadline)}: ${clip(m.task.title)}`,
    heading: 'DEADLINE CHANGED',
    blocks: [
      paragraph(
        `The deadline of the task below has been moved ${later ? 'back' : 'forward'} from ${formatDateEn(m.previousDeadline)} to ${formatDateEn(m.task.deadline)}, ${why}.`,
      ),
      ...quote('Reason', m.why === 'moved' ? m.reason : undefined),
      facts(
        ...directiveFacts(m.directive),
        { label: 'Task', value: m.task.title },
        { label: 'Previous deadline', value: formatDateEn(m.previousDeadline) },
        { label: 'New deadline', value: due(m.task.deadline, m.task.workingDaysLeft, m.task.provisional) },
      ),
      paragraph('Please complete the task and report by the new deadline through the link below.'),
      action('Open the task', m.link),
    ],
  });
}

export const enDeadline: Pick<EmailCopy, 'accepted' | 'deadline_moved'> = {
  accepted,
  deadline_moved: deadlineMoved,
};
