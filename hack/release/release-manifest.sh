#!/usr/bin/env bash
# make release-manifest: renders config/default into one file whose Deployment runs IMAGE (NAME:TAG),
# through a throw-away overlay so that config/ itself keeps its development image.
# Usage: hack/release/release-manifest.sh IMAGE OUTPUT
set -euo pipefail
image=$1 output=$2
overlay=$(mktemp -d)
trap 'rm -rf "$overlay"' EXIT
cat >"$overlay/kustomization.yaml" <<YAML
resources:
  - $(realpath --relative-to="$overlay" "$(dirname "$0")/../../config/default")
images:
  - name: podeip
    newName: ${image%:*}
    newTag: ${image##*:}
YAML
mkdir -p "$(dirname "$output")"
kubectl kustomize "$overlay" >"$output"
echo "$output: podeip $image"
