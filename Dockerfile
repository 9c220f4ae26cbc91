# syntax=docker/dockerfile:1.7
#
# One image for every process of the system (SPEC D1, D2). The container command picks the
# entrypoint, e.g.
#   node services/clients/dist/index.js        (firms, clients, invitations, payroll-sync)
#   node gateway/dist/index.js
#   node simulators/time-tracking/dist/main.js (and tax-authority)
# or build with --build-arg SERVICE_MAIN=services/clients/dist/index.js to bake one in as the
# default command.
#
# Alpine: argon2 (the only native module in production) ships a musl prebuild, and the web
# app's build tools (rolldown, lightningcss) have musl bindings in the lock file.

ARG NODE_IMAGE=node:20-alpine

# ---- build: every dependency, compile the TypeScript workspaces and the web app -------------
FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY . .
RUN --mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund
RUN npx tsc -b tsconfig.build.json && npm run build --silent -w web
# What a process needs at run time, per workspace: package.json, dist/ and the SDL files
# (subgraphs read src/schema.graphql; the gateway serves schema/supergraph.graphql and web/dist).
RUN set -eu; mkdir -p /out; cp package.json package-lock.json /out/; \
    for pattern in $(node -p "require('./package.json').workspaces.join(' ')"); do \
      for ws in $pattern; do \
        [ -f "$ws/package.json" ] || continue; \
        mkdir -p "/out/$ws"; cp "$ws/package.json" "/out/$ws/"; \
        if [ -d "$ws/dist" ]; then cp -R "$ws/dist" "/out/$ws/dist"; fi; \
        if [ -d "$ws/src" ]; then (cd "$ws" && find src -name '*.graphql' -exec sh -c 'mkdir -p "/out/$0/$(dirname "$1")" && cp "$1" "/out/$0/$1"' "$ws" {} \;); fi; \
      done; \
    done; \
    cp schema/supergraph.graphql /out/schema/

# ---- production dependencies of the server-side workspaces only (no web, no dev tools) -----
FROM ${NODE_IMAGE} AS prod-deps
WORKDIR /app
COPY --from=build /out/ ./
RUN --mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund \
      -w packages/kit -w packages/rules -w schema \
      -w services/firms -w services/clients -w services/invitations -w services/payroll-sync \
      -w simulators/kit -w simulators/time-tracking -w simulators/tax-authority \
      -w gateway -w system

# ---- runtime ------------------------------------------------------------------------------
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE_MAIN=gateway/dist/index.js
ENV NODE_ENV=production \
    SERVICE_MAIN=${SERVICE_MAIN}
WORKDIR /app
COPY --from=prod-deps /app/ ./
# The one writable place (mail file sink, simulator stores): mount a volume or an emptyDir here.
RUN install -d -o node -g node /var/lib/advisor
# Non-root (the node user of the official image, uid 1000); the code is owned by root and
# read-only to it.
USER node
# The container's command overrides this (compose `command:`, k8s `args:`).
# exec: node is PID 1's only process and receives SIGTERM itself (SPEC D4).
CMD ["sh", "-c", "exec node \"$SERVICE_MAIN\""]
