import { existsSync } from 'node:fs';
import { extname, join } from 'node:path';
import express, { type Express } from 'express';
import type { Logger } from '@advisor/kit';
import { REPO_ROOT } from './compose';

/** Where `npm run build` puts the web app (SPEC S1): web/dist. */
export const WEB_DIST_PATH = join(REPO_ROOT, 'web/dist');

/** Paths the gateway answers itself; the app's client routes never shadow them. */
const GATEWAY_PATHS = ['/graphql', '/health', '/ready'];

const isGatewayPath = (path: string) => GATEWAY_PATHS.some((p) => path === p || path.startsWith(`${p}/`));

/**
 * Serves the built single-page app beside /graphql: hashed assets cached for good, and
 * index.html for every other GET of a path without a file extension, so links in emails
 * (`/join?token=…`, `/invitations/accept?token=…`, `/requests/:id`) open their screen.
 * Returns false (and serves nothing) when the app has not been built.
 */
export function serveWebApp(app: Express, dir: string, logger: Logger): boolean {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) {
    logger.warn({ dir }, 'the web app is not built (npm run build): only /graphql is served');
    return false;
  }
  app.use('/assets', express.static(join(dir, 'assets'), { immutable: true, maxAge: '1y', index: false }), (_req, res) => {
    // A plain 404: the default error page would name the file's path on disk (SPEC G7).
    res.status(404).type('text/plain').send('Not found');
  });
  app.use((req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isGatewayPath(req.path) || extname(req.path) !== '') return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  return true;
}
