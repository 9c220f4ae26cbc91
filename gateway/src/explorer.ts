import type { Express, Request } from 'express';
import { renderGraphiQL } from '@graphql-yoga/render-graphiql';
import { EXPLORER_CSP, securityHeaders } from './hardening';

/** Where the explorer answers: browsers asking for /graphql (or /explorer) get the page. */
export const EXPLORER_PATHS = ['/graphql', '/explorer'];

const OPTIONS_PLACEHOLDER = { advisorExplorerOptions: true };

const DEFAULT_QUERY = `# The Advisor Dashboard API (SPEC G3). Paste an access token below (bottom right):
# a firm member's, an analyst's or a service account's. Subscriptions run over WebSocket.
query Me {
  me { id firstName firmRole firm { name } }
}
`;

/**
 * The token field and the options GraphiQL runs with: HTTP requests carry the token as
 * `Authorization`, WebSocket connections as `connectionParams.authorization` (browsers cannot
 * set a WebSocket's headers), both read from the field when a request or a connection starts.
 */
const TOKEN_FIELD = `
  <form id="advisor-token" style="position:fixed;right:12px;bottom:12px;z-index:100;display:flex;gap:6px;align-items:center;background:#fff;border:1px solid #ccc;border-radius:6px;padding:6px 8px;font:13px sans-serif;box-shadow:0 1px 4px rgba(0,0,0,.15)">
    <label for="advisor-token-input">Access token</label>
    <input id="advisor-token-input" name="token" type="password" autocomplete="off" spellcheck="false" style="width:18em" placeholder="eyJ…" />
  </form>
  <script>
    (function () {
      var input = document.getElementById('advisor-token-input');
      document.getElementById('advisor-token').addEventListener('submit', function (e) { e.preventDefault(); });
      try { input.value = sessionStorage.getItem('advisor-explorer-token') || ''; } catch (e) {}
      input.addEventListener('input', function () {
        try { sessionStorage.setItem('advisor-explorer-token', input.value.trim()); } catch (e) {}
      });
      function authorization() {
        var token = input.value.trim();
        return token ? 'Bearer ' + token : undefined;
      }
      window.advisorExplorerOptions = Object.assign(${JSON.stringify({
        title: 'Advisor Dashboard — GraphQL explorer',
        endpoint: '/graphql',
        subscriptionsProtocol: 'WS',
        defaultQuery: DEFAULT_QUERY,
      })}, {
        additionalHeaders: function () { var a = authorization(); return a ? { authorization: a } : {}; },
        connectionParams: function () { var a = authorization(); return a ? { authorization: a } : {}; }
      });
    })();
  </script>`;

let page: string | undefined;

/**
 * SPEC G3: the explorer page, GraphiQL as one self-contained document (@graphql-yoga/render-graphiql:
 * script, styles and editor workers inlined), so nothing is fetched from anywhere but this gateway.
 */
export function explorerPage(): string {
  if (page) return page;
  const rendered = renderGraphiQL(OPTIONS_PLACEHOLDER as never);
  const placeholder = JSON.stringify(OPTIONS_PLACEHOLDER);
  if (!rendered.includes(placeholder)) throw new Error('render-graphiql changed its page: the explorer options are not where expected');
  page = rendered
    .replace(placeholder, 'window.advisorExplorerOptions')
    .replace(/<title>[^<]*<\/title>/, '<title>Advisor Dashboard — GraphQL explorer</title>')
    .replace(/<body([^>]*)>/, (body) => `${body}${TOKEN_FIELD}`)
    // The favicon would be the only other request; none at all.
    .replace(/<link rel="icon"[^>]*>/, '<link rel="icon" href="data:," />');
  return page;
}

/**
 * A browser navigating to the page, not a GraphQL client: a GET that prefers HTML to JSON (GraphiQL
 * keeps the query in the address, `?query=…`, so a reload still opens the explorer).
 */
function wantsExplorer(req: Request): boolean {
  return req.method === 'GET' && req.accepts(['application/json', 'text/html']) === 'text/html';
}

/**
 * Serves the explorer before Apollo Server sees the request, with its own Content-Security-Policy:
 * inline script (the page is one document) and `blob:` workers (the editor's), for this page only.
 */
export function serveExplorer(app: Express): void {
  const headers = securityHeaders(EXPLORER_CSP);
  app.get(EXPLORER_PATHS, (req, res, next) => {
    if (!wantsExplorer(req)) return next();
    headers(req, res, (err?: unknown) => {
      if (err) return next(err);
      res.setHeader('cache-control', 'no-cache');
      res.type('html').send(explorerPage());
    });
  });
}
