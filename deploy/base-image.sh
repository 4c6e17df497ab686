#!/usr/bin/env bash
# A base image for the server made from Debian packages, for machines that cannot pull one from
# a registry: Debian bookworm with the headless OpenJDK 17 runtime, one layer, written the way
# `docker save` writes images, so Jib reads it as tar://<path>.
#
# Needs root and mmdebstrap (apt-get install mmdebstrap); it reaches only Debian's mirrors.
#   deploy/base-image.sh [output.tar]                      (default: deploy/target/base-image.tar)
#   ./mvnw -Pdeploy package -DskipTests -Dimage.base=tar://$PWD/deploy/target/base-image.tar
set -euo pipefail

out="$(realpath -m "${1:-$(dirname "$0")/target/base-image.tar}")"
arch="$(dpkg --print-architecture)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Leaving out docs and translations keeps it smaller; man pages stay, because
# update-alternatives fails when their folders are missing.
mmdebstrap --variant=apt --include=openjdk-17-jre-headless,ca-certificates \
    --dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$work/layer.tar"

mkdir "$work/image"
layer="$(sha256sum "$work/layer.tar" | cut -d' ' -f1)"
mkdir "$work/image/$layer"
mv "$work/layer.tar" "$work/image/$layer/layer.tar"

cat > "$work/config.json" <<JSON
{"architecture":"${arch}","os":"linux",
 "config":{"Env":["PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=/usr/lib/jvm/java-17-openjdk-${arch}"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:${layer}"]}}
JSON
config="$(sha256sum "$work/config.json" | cut -d' ' -f1)"
mv "$work/config.json" "$work/image/${config}.json"
cat > "$work/image/manifest.json" <<JSON
[{"Config":"${config}.json","RepoTags":["runtimes/base:bookworm-jre17"],"Layers":["${layer}/layer.tar"]}]
JSON

mkdir -p "$(dirname "$out")"
tar -C "$work/image" -cf "$out" manifest.json "${config}.json" "$layer"
echo "Wrote $out"
