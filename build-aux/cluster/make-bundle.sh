#!/bin/sh
# make-bundle.sh — dramatis-cli and the shared libraries it loads, as one relocatable tarball
#
# Usage: build-aux/cluster/make-bundle.sh BUILD-DIR [OUTPUT.tar.gz]
#
# The lexicons and models are GResources compiled into the binary, so it reads no data files;
# Debian 12 ships no static Graphviz (nor libmount, libltdl), so the binary cannot be fully
# static and takes its libraries along instead:
#
#   dramatis/dramatis-cli      the wrapper to run: the bundled loader, the bundled libraries
#   dramatis/bin/dramatis-cli  the program
#   dramatis/lib/*.so*         every library `ldd` lists, the loader (ld-linux) included
#
# Running through the bundled loader makes the bundle independent of the node's C library
# too. Ship it with `spark-submit --archives dramatis.tar.gz#dramatis` or
# `hadoop jar … -archives dramatis.tar.gz#dramatis` (see README.md).
#
# Copyright 2026 The Dramatis developers
# SPDX-License-Identifier: GPL-3.0-or-later

set -eu

build=${1:?usage: make-bundle.sh BUILD-DIR [OUTPUT.tar.gz]}
output=${2:-dramatis.tar.gz}
cli="$build/app/dramatis-cli"
[ -x "$cli" ] || { echo "make-bundle.sh: no $cli (build it first)" >&2; exit 1; }

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT
mkdir -p "$stage/dramatis/bin" "$stage/dramatis/lib"
cp "$cli" "$stage/dramatis/bin/"

loader=
for lib in $(ldd "$cli" | awk '/=>/ { print $3 } /^\t\/.*ld-linux/ { print $1 }'); do
  cp -L "$lib" "$stage/dramatis/lib/"
  case "$lib" in */ld-linux*) loader=$(basename "$lib") ;; esac
done
[ -n "$loader" ] || { echo "make-bundle.sh: ldd named no loader" >&2; exit 1; }

cat > "$stage/dramatis/dramatis-cli" <<WRAPPER
#!/bin/sh
here=\$(cd "\$(dirname "\$0")" && pwd)
exec "\$here/lib/$loader" --library-path "\$here/lib" "\$here/bin/dramatis-cli" "\$@"
WRAPPER
chmod +x "$stage/dramatis/dramatis-cli"

tar -C "$stage" -czf "$output" dramatis
echo "$output: $(du -h "$output" | cut -f1), run dramatis/dramatis-cli"
