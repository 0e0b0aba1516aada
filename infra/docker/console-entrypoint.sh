#!/bin/sh
# Writes the console's runtime settings (/config.json, read by the browser at start) from the
# environment, then runs the container's command (nginx). One image serves every environment.
#
#   API_URL     the GraphQL endpoint the browser calls, e.g. http://localhost:3000/graphql   (required)
#   ISSUER_URL  the OpenID Connect issuer, e.g. http://localhost:8080/realms/hearth          (required)
#   CLIENT_ID   the console's client in that realm                          (default hearth-console)
set -eu

CONFIG_FILE="${CONSOLE_CONFIG_FILE:-/var/lib/hearth-console/config.json}"
CLIENT_ID="${CLIENT_ID:-hearth-console}"

fail() {
  echo "console-entrypoint: $*" >&2
  exit 1
}

# Each value must be an http(s) URL without quotes, backslashes or whitespace, so it can be written
# into JSON as it is.
check_url() {
  name="$1"
  value="$2"
  [ -n "$value" ] || fail "$name is required (see .env.example)"
  case "$value" in
    http://* | https://*) ;;
    *) fail "$name must be an http:// or https:// URL (got \"$value\")" ;;
  esac
  case "$value" in
    *'"'* | *\\* | *[[:space:]]* | *[[:cntrl:]]*)
      fail "$name must not contain quotes, backslashes, spaces or control characters" ;;
  esac
}

check_url API_URL "${API_URL:-}"
check_url ISSUER_URL "${ISSUER_URL:-}"
case "$CLIENT_ID" in
  '' | *[!A-Za-z0-9._-]*) fail "CLIENT_ID must be letters, digits, '.', '_' or '-' (got \"$CLIENT_ID\")" ;;
esac

# Trailing slashes are dropped, as the API's own configuration does.
API_URL="${API_URL%/}"
ISSUER_URL="${ISSUER_URL%/}"

tmp="$CONFIG_FILE.tmp.$$"
printf '{\n  "apiUrl": "%s",\n  "issuerUrl": "%s",\n  "clientId": "%s"\n}\n' "$API_URL" "$ISSUER_URL" "$CLIENT_ID" >"$tmp"
mv "$tmp" "$CONFIG_FILE"
echo "console-entrypoint: wrote $CONFIG_FILE (apiUrl=$API_URL, issuerUrl=$ISSUER_URL, clientId=$CLIENT_ID)"

exec "$@"
