// The HTTP server's request listener: the shared response cache in front (when configured), then
// the Koa app. One function, so production and the tests' servers answer alike.

import type { RequestListener } from 'node:http';
import type { AppDeps } from './app-deps.js';
import { buildApp } from './app.js';
import { answerFromSharedCache } from '../http-cache/shared-response-cache.js';

export function requestHandler(deps: AppDeps): RequestListener {
  const app = buildApp(deps).callback();
  const cache = deps.sharedResponses;
  if (!cache) return app;
  return (req, res) => {
    if (!answerFromSharedCache(cache, req, res, deps.logger)) void app(req, res);
  };
}
