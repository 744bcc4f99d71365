#!/usr/bin/env bash
# Builds the images of the docker runtime and of docker-compose.yml from jars already built on
# the host (./authbench images runs the Maven wrapper first, then this script):
#   authbench/{<each app module>,nginx,redis,gatling}:<the root pom's version>
# Every image is FROM debian:bookworm-slim with Debian's packages (the native stack's versions).
# No registry is needed: when the base image is neither present nor pullable, it is made with
# debootstrap from the host's Debian mirror and imported (root and the debootstrap package needed).
# Uses only the legacy builder's features (no BuildKit: no RUN --mount, no # syntax= line).
# AUTHBENCH_IMAGE_CONTEXT, when set, is the build context instead of this repository: a copy of
# the files .dockerignore lets in (./authbench test builds from one in the background while Maven
# rewrites the jars under target/).
set -euo pipefail
cd "$(dirname "$0")/.."
CONTEXT=${AUTHBENCH_IMAGE_CONTEXT:-.}

# The root pom's version (VersionTests keeps this copy in step); the app modules: one per variant
# of the harness's catalogue of variants.
VERSION=0.1.0-SNAPSHOT
BASE=debian:bookworm-slim
CATALOGUE=harness/src/main/resources/org/authbench/harness/stack/catalogue.yaml
mapfile -t APPS < <(sed -n 's/^    module: *\([^ #]*\).*/\1/p' "$CATALOGUE")
export DOCKER_BUILDKIT=0

say() { echo "authbench images: $*" >&2; }

# The host's Debian mirror (deb822 or one-line sources), else Debian's own.
debian_mirror() {
  local uri
  uri=$(awk '/^URIs:/ && $2 !~ /security/ {print $2; exit}' /etc/apt/sources.list.d/*.sources 2>/dev/null || true)
  [ -z "$uri" ] && uri=$(awk '$1 == "deb" && $2 !~ /security/ && $3 == "bookworm" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)
  echo "${uri:-http://deb.debian.org/debian}"
}

make_base_image() {
  if [ "$(id -u)" -ne 0 ] || ! command -v debootstrap >/dev/null 2>&1; then
    say "the base image $BASE is missing and cannot be pulled; making it needs root and debootstrap" \
      "(apt-get install -y debootstrap), or load one: docker load -i <a saved $BASE>"
    exit 1
  fi
  local mirror dir
  mirror=$(debian_mirror)
  dir=$(mktemp -d /tmp/authbench-rootfs.XXXXXX)
  say "$BASE cannot be pulled (no registry reachable): making it with debootstrap from $mirror (about 30 s)"
  if ! debootstrap --variant=minbase bookworm "$dir" "$mirror" >"$dir.log" 2>&1; then
    say "debootstrap failed; its log: $dir.log"
    exit 1
  fi
  # The suites of Debian's own image: bookworm, its updates and security fixes.
  rm -f "$dir/etc/apt/sources.list"
  cat >"$dir/etc/apt/sources.list.d/debian.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: bookworm bookworm-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: ${mirror%/debian}/debian-security
Suites: bookworm-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  rm -rf "$dir/var/cache/apt/archives/"*.deb "$dir/var/lib/apt/lists/"*
  tar -C "$dir" -c . | docker import - "$BASE" >/dev/null
  rm -rf "$dir" "$dir.log"
  say "imported $BASE (debootstrap, minbase)"
}

ensure_base_image() {
  docker image inspect "$BASE" >/dev/null 2>&1 && return 0
  say "pulling $BASE"
  docker pull -q "$BASE" >/dev/null 2>&1 || make_base_image
}

build() { # image name, Dockerfile, build args...
  local image=authbench/$1:$VERSION dockerfile=deploy/docker/$2
  shift 2
  say "building $image"
  # The legacy builder's deprecation notice is noise here; the log is shown when a build fails.
  if ! docker build -f "$dockerfile" -t "$image" "$@" "$CONTEXT" >.authbench/images.log 2>&1; then
    cat .authbench/images.log >&2
    say "building $image failed (log above, kept in .authbench/images.log)"
    exit 1
  fi
}

if ! docker info >/dev/null 2>&1; then
  say "no Docker engine answers (docker info failed); start one, or as root: ./authbench test starts Debian's docker.io"
  exit 1
fi
for app in "${APPS[@]}"; do
  [ -f "$CONTEXT/$app/target/$app-$VERSION.jar" ] || { say "missing $CONTEXT/$app/target/$app-$VERSION.jar: run ./authbench images"; exit 1; }
done
[ -d "$CONTEXT/gatling/target/lib" ] || { say "missing $CONTEXT/gatling/target/lib: run ./authbench images"; exit 1; }

mkdir -p .authbench
ensure_base_image
build redis redis.Dockerfile
build nginx nginx.Dockerfile
for app in "${APPS[@]}"; do
  build "$app" app.Dockerfile --build-arg MODULE="$app" --build-arg VERSION="$VERSION"
done
build gatling gatling.Dockerfile
touch .authbench/images.built
say "done: $(docker images --format '{{.Repository}}:{{.Tag}}' 'authbench/*' | sort | tr '\n' ' ')"
