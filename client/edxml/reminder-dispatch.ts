// The formal reminder dispatch as an edXML package, sent from the web app without a worker: the
// same activity the workflows use (activities/edxml.ts sendReminderDispatchPackage), called as a
// plain function with the app's pool, read model and delivery settings. It queues the package in
// the edXML outbox under the dispatch number first, so sending the same number again sends nothing.
import type { Pool } from 'pg';
import type { Config } from '../../config';
import type { ReminderDispatchInput } from '../../domain/reminder-dispatch';
import { createEdxmlActivities, type ReminderDispatchPackageResult } from '../../activities/edxml';
import { edxmlDeliveryFrom, hasTarget } from '../../activities/edxml-outbox';
import type { ReadModel } from '../../db/read-model';
import { renderDocx } from '../web/views/docx';

export interface ReminderPackageDeps {
  config: Config;
  pool: Pool;
  readModel: ReadModel;
}

/** Whether this office sends edXML at all (EDXML_OUTBOX_DIR or EDXML_ENDPOINT_URL). */
export const edxmlConfigured = (config: Config): boolean => hasTarget(edxmlDeliveryFrom(config));

export async function sendReminderDispatchEdxml(
  deps: ReminderPackageDeps,
  dispatch: ReminderDispatchInput,
  sentAt: number,
): Promise<ReminderDispatchPackageResult> {
  const { config } = deps;
  const activities = createEdxmlActivities({
    pool: deps.pool,
    readModel: deps.readModel,
    delivery: edxmlDeliveryFrom(config),
    sender: config.EDXML_ORGAN_ID ? { organId: config.EDXML_ORGAN_ID, organName: config.EDXML_ORGAN_NAME! } : undefined,
    renderDocx,
  });
  return activities.sendReminderDispatchPackage({ dispatch, sentAt });
}
