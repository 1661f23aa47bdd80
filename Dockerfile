# syntax=docker/dockerfile:1
# One image per service, from one Dockerfile:
#   docker build --build-arg SERVICE=intacct-sink -t ghcr.io/tributary/intacct-sink:0.1.0 .
# SERVICE is a directory under apps/ (not tributary-cli). Every image holds the same built
# workspace; SERVICE only chooses what it runs. The simulators are in it too (docker-compose.yml
# runs them with another command).

ARG NODE_IMAGE=node:24-slim

# ---- build: install everything, compile every package (tsc -b), then drop dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV npm_config_update_notifier=false npm_config_fund=false npm_config_audit=false
COPY package.json package-lock.json tsconfig.json tsconfig.base.json nx.json ./
COPY tools ./tools
COPY schemas ./schemas
COPY libs ./libs
COPY simulators ./simulators
COPY apps ./apps
COPY tests/e2e ./tests/e2e
RUN npm ci --loglevel=error
RUN npx tsc -b tsconfig.json
# Production dependencies only; no sources, no build info, no test workspace in the runtime image.
RUN npm prune --omit=dev --loglevel=error \
 && rm -rf node_modules/@tributary/e2e tests \
 && find libs apps simulators \( -name src -o -name '*.tsbuildinfo' -o -name '*.spec.js' -o -name '*.spec.js.map' -o -name '*.spec.d.ts' \) -prune -exec rm -rf {} +

# ---- runtime: node, production node_modules, the built dist folders, the default mappings ----
FROM ${NODE_IMAGE} AS runtime
ARG SERVICE
ENV NODE_ENV=production SERVICE=${SERVICE} OPS_PORT=9464
WORKDIR /app
COPY --from=build /app/package.json ./package.json
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs ./libs
COPY --from=build /app/simulators ./simulators
COPY --from=build /app/apps ./apps
COPY config ./config
# Fail the build for a SERVICE that is not an app (or was not built).
RUN test -n "$SERVICE" && test -f "apps/$SERVICE/dist/main.js" \
 || { echo "build with --build-arg SERVICE=<one of: $(ls apps | grep -v tributary-cli | tr '\n' ' ')>" >&2; exit 1; }
# Non-root, and nothing the process could write to in /app (Kubernetes mounts the root read-only;
# /tmp is an emptyDir there).
RUN groupadd --system --gid 10001 tributary && useradd --system --uid 10001 --gid 10001 --no-create-home tributary
USER 10001:10001
EXPOSE 9464 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.OPS_PORT||9464)+'/health/live').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# exec: node is PID 1's replacement and gets SIGTERM directly (graceful shutdown).
CMD ["/bin/sh", "-c", "exec node apps/$SERVICE/dist/main.js"]
