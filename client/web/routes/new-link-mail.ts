// Fresh links for a unit that lost its mail: one per open task, to the address that asked, each
// written to the outbox under its own key and sent the way every message is sent
// (activities/outbox.ts), so a repeated request sends nothing twice.
import type { Pool } from 'pg';
import { vietnamCalendar } from '../../../domain/calendar';
import { renderEmail } from '../../../domain/emails';
import type { Lang } from '../../../domain/format';
import { localDateOf } from '../../../domain/local-date';
import type { Links } from '../../../db/links';
import { openTasksOfAddress } from '../../../db/tasks';
import { sendLinkedMessage } from '../../../activities/outbox';
import type { Mailer } from '../../../activities/mailer';

export interface NewLinkDeps {
  pool: Pool;
  links: Links;
  mailer: Mailer;
  from: string;
  publicUrl: string;
}

export interface NewLinkRequest {
  address: string;
  /** From the form, so a double-clicked request mails each link once. */
  requestId: string;
  lang: Lang;
}

/** As long as the links in assignment mails; cut back when the task closes, like theirs. */
const LINK_DAYS = 400;

/** Mails a fresh link per open task; an address that is nobody's gets nothing. Returns how many. */
export async function mailNewLinks(deps: NewLinkDeps, req: NewLinkRequest): Promise<number> {
  const address = req.address.trim().toLowerCase();
  const open = await openTasksOfAddress(deps.pool, address);
  const today = localDateOf(Date.now());
  const calendar = vietnamCalendar();
  for (const { workflowId, task, unit } of open) {
    const key = `${workflowId}:new_link:${req.requestId}:${address}`;
    await sendLinkedMessage(
      deps,
      {
        key,
        purpose: 'new_link',
        directiveNumber: task.directive.number,
        taskWorkflowId: workflowId,
        recipient: address,
        linkDays: LINK_DAYS,
      },
      (link, expiresAt) =>
        renderEmail(
          {
            kind: 'new_link',
            unit,
            directive: task.directive,
            task: {
              title: task.spec.title,
              deadline: task.state.deadline,
              workingDaysLeft: calendar.workingDaysBetween(today, task.state.deadline),
            },
            link,
            expiresAt: expiresAt.getTime(),
          },
          req.lang,
        ),
    );
  }
  return open.length;
}
