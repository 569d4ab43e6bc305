#!/usr/bin/env bash
# Regenerates ipintel's bundled IP network data (ASN, organisation, country) from the npm
# packages @ip-location-db/asn and @ip-location-db/asn-country.
#
# Usage: scripts/update-ipintel-data.sh [VERSION]
#   VERSION  npm version of both packages (they are published together); default: latest.
#
# Needs npm, a JDK 17+ and Maven. Writes, under ipintel/src/main/resources/io/stormwatch/ipintel/:
#   ip-networks.bin.gz       the compact range table the library loads
#   ip-networks-NOTICE.txt   attribution, licences and upstream notices (review its diff: a
#                            licence change upstream shows up there)
# then rebuilds and tests the module, whose tests compare lookups against the fresh CSVs.
set -euo pipefail

version="${1:-latest}"
repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
resources="$repo_root/ipintel/src/main/resources/io/stormwatch/ipintel"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cd "$work"
npm pack --silent "@ip-location-db/asn@$version" "@ip-location-db/asn-country@$version" >/dev/null
# Laid out as <name>-<version>.tgz/package, where the module's sample test looks for upstream CSVs.
for package in asn asn-country; do
  tarball="$(ls ip-location-db-"$package"-[0-9]*.tgz)"
  mkdir "x-$tarball"
  tar -xzf "$tarball" -C "x-$tarball"
done
asn_package="$(ls -d "$work"/x-ip-location-db-asn-[0-9]*.tgz/package)"
country_package="$(ls -d "$work"/x-ip-location-db-asn-country-[0-9]*.tgz/package)"

cd "$repo_root"
mvn -B -q -pl ipintel compile
java -cp ipintel/target/classes io.stormwatch.ipintel.IpLocationDbConverter \
  "$asn_package" "$country_package" "$resources"
mvn -B -q -pl ipintel install -Dipintel.upstream.dir="$work"

ls -l "$resources"
echo "Review 'git diff --stat ipintel/src/main/resources' and the NOTICE diff, then commit."
