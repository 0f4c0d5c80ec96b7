# syntax=docker/dockerfile:1
# podeip controller image: `docker build -t podeip:dev .` (make image). The entrypoint is `podeip run`;
# pass its flags as container args (config/manager/manager.yaml).

# 1. Compile TypeScript with the dev dependencies.
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install (not npm ci): it installs the locked versions too, and tolerates a lockfile made where the
# registry mirror omits other platforms' optional binaries (jest's unrs-resolver), which npm ci refuses.
RUN npm install --ignore-scripts --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
# Only src/: `podeip run` never loads hack/ (the sandbox, which is not part of the image).
COPY src ./src
RUN npx tsc -p tsconfig.build.json

# 2. Production dependencies only, without install scripts.
FROM node:22-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm install --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

# 3. Runtime: distroless Node.js (no shell, no package manager), numeric non-root user so that
#    runAsNonRoot can be verified by the kubelet.
FROM gcr.io/distroless/nodejs22-debian12:nonroot
WORKDIR /app
ENV NODE_ENV=production
COPY --from=deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
# "type": "module" makes Node load dist/ as ES modules.
COPY package.json ./
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["/nodejs/bin/node", "dist/src/cli/main.js", "run"]
