// What the web app is given to work with, in one place: route files take these types and never
// reach for the app file or a module-level singleton.
import type { Pool } from 'pg';
import type { Client } from '@temporalio/client';
import type { Config } from '../../config';
import type { Links } from '../../db/links';
import type { ReadModel } from '../../db/read-model';
import type { Users } from '../../db/users';
import type { AppMetrics } from '../metrics';

export interface WebDeps {
  config: Config;
  pool: Pool;
  readModel: ReadModel;
  links: Links;
  temporal?: Client;
  /** The SMTP relay /readyz checks; SMTP_URL or the embedded sink when unset. */
  smtpUrl?: string;
  metrics?: AppMetrics;
}

/** The pages behind login also read and write staff accounts and sessions. */
export interface StaffDeps extends WebDeps {
  users: Users;
}
