// Pages are eta templates under views/ (layouts/, partials/, public/ and staff/), rendered
// through @fastify/view: each is compiled on first use and kept, and every interpolation is
// HTML-escaped by eta (autoEscape), the one escaping path of the web app.
import path from 'node:path';
import view from '@fastify/view';
import { Eta } from 'eta';
import type { FastifyInstance } from 'fastify';
import { projectRoot } from '../../db/paths';
import { legendOf, statusCss } from './views/status-colours';

/** The templates, found from the project root whether the app runs from source or from dist/. */
export const VIEWS_DIR = path.join(projectRoot(), 'client', 'web', 'views');

/** `sinkOutbox`: the embedded sink's /outbox is served (no SMTP_URL), so its link is offered to office staff. */
export async function registerViews(app: FastifyInstance, o: { sinkOutbox: boolean }): Promise<void> {
  const eta = new Eta({ views: VIEWS_DIR, cache: true, autoEscape: true });
  await app.register(view, {
    engine: { eta },
    root: VIEWS_DIR,
    viewExt: 'eta',
    // Every page carries the one palette of status colours and its legend (views/status-colours.ts).
    defaultContext: {
      statusCss: statusCss(),
      legend: { vi: legendOf('vi'), en: legendOf('en') },
      sinkOutbox: o.sinkOutbox,
    },
  });
}
