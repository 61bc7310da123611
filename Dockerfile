# One image for the gateway and the six subgraphs; the command chooses the process (README "Running in production"):
#   node --enable-source-maps dist/gateway/main.js             (the default)
#   node --enable-source-maps dist/subgraphs/<name>/main.js    (account, fixed, mobile, billing, consumption, tracking)
# test/deploy/image-entry.test.ts runs this file's last stage as written (its COPY lines, ENV and CMD) on the built
# artefact with the production dependencies, so keep to COPY, ENV, WORKDIR, USER, EXPOSE and an exec-form CMD there.
ARG NODE_VERSION=24.22.3

# The build: every dependency (esbuild, GraphiQL for the IDE's bundle), patched (patches/, by patch-package in
# postinstall), then `npm run build` (dist/).
FROM node:${NODE_VERSION}-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
COPY patches ./patches
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# What production runs with: the build's node_modules, patched, less the dev dependencies.
FROM build AS production-dependencies
RUN npm prune --omit=dev --no-audit --no-fund

FROM node:${NODE_VERSION}-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 LOG_FORMAT=json
WORKDIR /app
COPY --from=production-dependencies /app/node_modules ./node_modules
COPY --from=build /app/dist/gateway ./dist/gateway
COPY --from=build /app/dist/subgraphs ./dist/subgraphs
# Tracing's set-up, which every entry point imports before the rest (stack/build.ts).
COPY --from=build /app/dist/observability ./dist/observability
COPY --from=build /app/dist/ide ./dist/ide
COPY package.json ./
# Read at run time from the working directory: the subgraphs' SDL, the supergraph, the trusted documents (both
# manifests TRUSTED_DOCUMENTS names by default).
COPY schema/*.graphql ./schema/
COPY trusted-documents ./trusted-documents
COPY examples/dashboard/src/gql/persisted-documents.json ./examples/dashboard/src/gql/
# The official image's unprivileged user (uid 1000); nothing under /app is written, so the root file system can be read-only.
USER node
EXPOSE 4000
# node itself is PID 1 and handles SIGTERM (drain, then exit): no shell or npm in between to swallow the signal.
CMD ["node", "--enable-source-maps", "dist/gateway/main.js"]
