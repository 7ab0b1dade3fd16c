# Puts a supported Node.js on PATH, for CI and for development on machines whose Node is too old.
# Usage (bash):  source scripts/use-node.sh && use_node "$(provision_node 24)"
# provision_node MAJOR prints the bin folder of Node MAJOR: the one on PATH if it is that major,
# else the official build from the npm registry (package node-linux-<arch>@MAJOR), installed once
# under ${HASHCHAT_NODE_CACHE:-~/.cache/hashchat/node}/MAJOR.

provision_node() {
  local major="$1"
  if command -v node >/dev/null 2>&1 && [ "$(node -p 'process.versions.node.split(".")[0]')" = "$major" ]; then
    dirname "$(command -v node)"
    return
  fi
  local arch
  case "$(uname -m)" in
    x86_64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) echo "no official Node.js package for $(uname -m)" >&2; return 1 ;;
  esac
  local dir="${HASHCHAT_NODE_CACHE:-$HOME/.cache/hashchat/node}/$major"
  local bin="$dir/node_modules/node-linux-$arch/bin"
  if [ ! -x "$bin/node" ]; then
    echo "Installing Node.js $major from the npm registry into $dir" >&2
    npm install --prefix "$dir" --no-audit --no-fund --no-save "node-linux-$arch@$major" >&2
  fi
  echo "$bin"
}

use_node() {
  local bin="$1"
  export PATH="$bin:$PATH"
  # Native addons (better-sqlite3) must build against this Node's headers, not the machine's.
  if [ -d "$bin/../include/node" ]; then
    npm_config_nodedir="$(cd "$bin/.." && pwd)"
    export npm_config_nodedir
  fi
  hash -r
}
