#!/usr/bin/env bash
# Compiles src/hash/engines/wasm/sha-crypt.c to WebAssembly and writes the module, base64-encoded,
# into src/hash/engines/node-sha-crypt-wasm.ts. Needs clang and lld (Debian: `apt-get install clang lld`).
# The output is committed, so building the package does not need them; rerun after editing the C file.
set -euo pipefail
cd "$(dirname "$0")/.."
src=src/hash/engines/wasm/sha-crypt.c
out=src/hash/engines/node-sha-crypt-wasm.ts
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
clang --target=wasm32 -O3 -mbulk-memory -nostdlib -Wl,--no-entry -Wl,--strip-all -o "$tmp/sha-crypt.wasm" "$src"
{
  echo "/** @module SHA-crypt compiled to WebAssembly from wasm/sha-crypt.c by scripts/build-sha-crypt-wasm.sh (generated: do not edit). */"
  echo
  echo "/**"
  echo " * The WebAssembly module, base64 in lines of 100 characters: exports \`memory\`, \`pw_buffer\`,"
  echo " * \`salt_buffer\`, \`out_buffer\`, \`max_password\`, \`max_salt\` and \`sha_crypt(bits, pwLen, saltLen, rounds)\`."
  echo " *"
  echo " * @example"
  echo " * \`\`\`ts"
  echo " * const module = new WebAssembly.Module(Buffer.from(SHA_CRYPT_WASM.join(''), 'base64'));"
  echo " * \`\`\`"
  echo " */"
  echo "export const SHA_CRYPT_WASM: readonly string[] = ["
  base64 -w 100 "$tmp/sha-crypt.wasm" | sed "s/.*/  '&',/"
  echo "];"
} > "$out"
echo "wrote $out ($(stat -c %s "$tmp/sha-crypt.wasm") bytes of WebAssembly)"
