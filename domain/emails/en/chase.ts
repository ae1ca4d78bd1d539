// English wording of the chase: reminders before the deadline, escalations up the ladder
// after it, and the daily digest of tasks due soon.
import { formatDateEn, workingDaysPhrase } from '../../format';
import type { EscalationTarget } from '../../schemas';
import {
  action,
  byUrgency,
  clip,
  facts,
  paragraph,
  subjectLine,
  type Block,
  type EmailContent,
  type EmailCopy,
} from '../content';
import type { EmailOf, TaskRef } from '../schemas';
import { CLOSING, deadlineFact, directiveFacts, footer, pursuant, taskFacts, to, unitEmail } from './common';

const workingDays = (n: number): string => (n === 1 ? '1 working day' : `${n} working days`);

function dueSentence(t: TaskRef): string {
  const n = t.workingDaysLeft;
  if (n > 0) return `It is due in ${workingDays(n)}, on ${formatDateEn(t.deadline)}.`;
  if (n === 0) return `Today, ${formatDateEn(t.deadline)}, is its deadline.`;
  return `It is ${workingDays(-n)} overdue (deadline ${formatDateEn(t.deadline)}).`;
}

function reminder(m: EmailOf<'reminder'>): EmailContent {
  return unitEmail(m, {
    subject: `Reminder: ${clip(m.task.title)} (${workingDaysPhrase(m.task.workingDaysLeft, 'en')})`,
    heading: 'TASK DEADLINE REMINDER',
    blocks: [
      paragraph(`${pursuant(m.directive)}, your agency was assigned the task below. ${dueSentence(m.task)}`),
      facts(...directiveFacts(m.directive), ...taskFacts(m.task)),
      paragraph('Please complete the task and submit your report through the link below without delay.'),
      action('Submit the report', m.link),
    ],
  });
}

const ESCALATION_ADDRESSEE: Record<EscalationTarget, (m: EmailOf<'escalation'>) => string> = {
  head: (m) => `The head of ${m.unit.name}`,
  supervisor: (m) => `The leader of ${m.directive.issuer} in charge of this area`,
  steering: () => 'The steering committee',
};

const ESCALATION_ASK: Record<EscalationTarget, (unit: string) => string> = {
  head: () => 'Please review the progress through the link below and direct your agency to complete the task at once.',
  supervisor: (unit) =>
    `This is reported for your consideration, so that ${unit} can be directed to complete the task without delay.`,
  steering: (unit) =>
    `This is reported to the steering committee for its consideration, so that ${unit} can be directed to complete the task without delay.`,
};

function escalation(m: EmailOf<'escalation'>): EmailContent {
  const overdue = -m.task.workingDaysLeft;
  const stage = m.weekly ? 'Weekly chase' : `Escalation level ${m.level}`;
  const blocks: Block[] = [
    paragraph(
      `In following up document No. ${m.directive.number} of ${m.directive.issuer}: ${m.unit.name} has not yet completed the task below, which is ${workingDays(overdue)} overdue.`,
    ),
    facts(
      { label: 'Overdue unit', value: `${m.unit.name} (${m.unit.code})` },
      ...directiveFacts(m.directive),
      ...taskFacts(m.task),
      { label: 'Chase level', value: m.weekly ? 'Weekly, after the escalation ladder' : `Level ${m.level}` },
    ),
    paragraph(ESCALATION_ASK[m.to](m.unit.name)),
    action('View progress', m.link),
  ];
  if (m.weekly) blocks.push(paragraph('This email is sent every week until the task is completed or cancelled.'));
  return {
    lang: 'en',
    subject: subjectLine(m.directive.number, `${stage}: ${m.unit.name} is ${workingDays(overdue)} overdue`),
    heading: 'OVERDUE TASK ESCALATION',
    addressee: to(m.addressee ?? ESCALATION_ADDRESSEE[m.to](m)),
    blocks,
    closing: CLOSING,
    footer: footer('you'),
  };
}

function digest(m: EmailOf<'digest'>): EmailContent {
  const items = byUrgency(m.items);
  const count = items.length === 1 ? '1 task' : `${items.length} tasks`;
  return {
    lang: 'en',
    subject: subjectLine(
      items.map((i) => i.directive.number),
      `Tasks due soon, ${formatDateEn(m.date)} (${count})`,
    ),
    heading: 'TASKS DUE SOON',
    addressee: to(m.unit.name),
    blocks: [
      paragraph(
        `As of ${formatDateEn(m.date)}, your agency has ${count} due soon, listed below. Please complete them and submit each report through the task's own link.`,
      ),
      ...items.map((i): Block => ({
        type: 'item',
        title: i.task.title,
        facts: [
          { label: 'Document', value: `No. ${i.directive.number} of ${i.directive.issuer}` },
          deadlineFact(i.task),
        ],
        action: { label: 'Open the task', url: i.link },
      })),
    ],
    closing: CLOSING,
    footer: footer(m.unit.name),
  };
}

export const enChase: Pick<EmailCopy, 'reminder' | 'escalation' | 'digest'> = { reminder, escalation, digest };
