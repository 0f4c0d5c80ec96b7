# syntax=docker/dockerfile:1
# podeip controller image: `docker build -t podeip:dev .` (make image). The entrypoint is `podeip run`;
# pass its flags as container args (config/manager/manager.yaml).

# 1. Bundle `podeip run` and the SDK code it loads into one ES module (npm run bundle: esbuild). The
#    image then needs no node_modules: about 12 MB instead of about 220 MB of dist/ + production
#    dependencies, most of them SDK models podeip never loads.
FROM node:22-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
# npm install (not npm ci): it installs the locked versions too, and tolerates a lockfile made where the
# registry mirror omits other platforms' optional binaries (jest's unrs-resolver), which npm ci refuses.
RUN npm install --ignore-scripts --no-audit --no-fund
# Only src/: `podeip run` never loads hack/ (the sandbox, which is not part of the image).
COPY src ./src
RUN npm run bundle

# 2. Runtime: distroless Node.js (no shell, no package manager), numeric non-root user so that
#    runAsNonRoot can be verified by the kubelet. The files stay root's: the working directory is
#    read-only to the controller, which writes nothing to disk.
FROM gcr.io/distroless/nodejs22-debian12:nonroot
WORKDIR /app
ENV NODE_ENV=production
COPY --from=build /app/dist/bundle ./
# podeip reads its version from the package.json above its code.
COPY package.json ./
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["/nodejs/bin/node", "podeip.mjs", "run"]
