#!/usr/bin/env bash
# Add (or update) a Clientele API user in the Elytron filesystem realm "ClienteleRealm".
#
# Usage: deploy/add-api-user.sh --controller <host:port> [--controller <host:port>...] <jboss-home> <username> <password|-> <role>[,<role>...]
#   --controller  the management endpoint of a server to change (host:port, port = 9990 + the server's port offset);
#                 give it once per node of a cluster: the same user is saved on every node named. Required: the
#                 script never guesses (the environment variable CONTROLLER=host:port is taken as one --controller).
#   password "-" reads the password from stdin (first line), keeping it off the command line.
#   Roles: crm-admin, crm-integration, crm-agent, crm-marketing, crm-readonly
#   <jboss-home> is only used for its bin/jboss-cli.sh.
# Needs running servers on which deploy/configure-security.cli has been applied.
# The password is never echoed; it is passed to jboss-cli in a mode-600 temp file that is
# removed on exit. It is stored as a clear (two-way) password in the encrypted realm, because
# verifying a UsernameToken PasswordDigest needs the password itself. The script then clears the caching realm
# (ClienteleRealmCache), so changes apply to the next request on each node named.
set -euo pipefail

usage() {
    echo "usage: $0 --controller <host:port> [--controller <host:port>...] <jboss-home> <username> <password|-> <role>[,<role>...]" >&2
    exit 2
}
CONTROLLERS=()
[ -n "${CONTROLLER:-}" ] && CONTROLLERS+=("$CONTROLLER")
while [ $# -gt 0 ]; do
    case "$1" in
        --controller) [ $# -ge 2 ] || usage; CONTROLLERS+=("$2"); shift 2 ;;
        --controller=*) CONTROLLERS+=("${1#--controller=}"); shift ;;
        --) shift; break ;;
        -?*) [ "$1" = "-" ] && break; echo "error: unknown option $1" >&2; usage ;;
        *) break ;;
    esac
done
[ $# -eq 4 ] || usage
if [ ${#CONTROLLERS[@]} -eq 0 ]; then
    echo "error: name the server's management endpoint with --controller host:port (9990 + its port offset;" >&2
    echo "       once per node of a cluster). The script does not guess which server you mean." >&2
    exit 2
fi
CONTROLLER_RE='^([A-Za-z0-9._-]+|\[[0-9A-Fa-f:]+\]):[0-9]+$'
for c in "${CONTROLLERS[@]}"; do
    [[ "$c" =~ $CONTROLLER_RE ]] || { echo "error: --controller must be host:port, got '$c'" >&2; exit 2; }
done
JBOSS_HOME_ARG=$1 USERNAME=$2 PASSWORD=$3 ROLES=$4
CLI="$JBOSS_HOME_ARG/bin/jboss-cli.sh"
[ -x "$CLI" ] || { echo "error: $CLI not found or not executable" >&2; exit 2; }

if [ "$PASSWORD" = "-" ]; then
    IFS= read -r PASSWORD || true
fi
[ -n "$PASSWORD" ] || { echo "error: empty password" >&2; exit 2; }
[[ "$USERNAME" =~ ^[A-Za-z0-9._@-]+$ ]] || { echo "error: username may only contain A-Z a-z 0-9 . _ @ -" >&2; exit 2; }

VALID_ROLES=" crm-admin crm-integration crm-agent crm-marketing crm-readonly "
ROLE_LIST=""
IFS=',' read -r -a ROLE_ARR <<< "$ROLES"
for r in "${ROLE_ARR[@]}"; do
    r=$(echo "$r" | tr -d '[:space:]')
    [ -n "$r" ] || continue
    case "$VALID_ROLES" in
        *" $r "*) ;;
        *) echo "error: unknown role '$r' (allowed:$VALID_ROLES)" >&2; exit 2 ;;
    esac
    ROLE_LIST="${ROLE_LIST:+$ROLE_LIST,}$r"
done
[ -n "$ROLE_LIST" ] || { echo "error: at least one role is required" >&2; exit 2; }

# Escape for a double-quoted jboss-cli string: backslash and double quote.
ESCAPED_PW=$(printf '%s' "$PASSWORD" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')

umask 077
TMP=$(mktemp "${TMPDIR:-/tmp}/clientele-user.XXXXXX")
trap 'rm -f "$TMP"' EXIT
REALM=/subsystem=elytron/filesystem-realm=ClienteleRealm
cat > "$TMP" <<CLIEOF
if (outcome != success) of $REALM:read-identity(identity=$USERNAME)
    $REALM:add-identity(identity=$USERNAME)
end-if
$REALM:set-password(identity=$USERNAME, clear={password="$ESCAPED_PW"})
if (outcome == success) of $REALM:read-identity(identity=$USERNAME)
    $REALM:remove-identity-attribute(identity=$USERNAME, name=Roles)
end-if
$REALM:add-identity-attribute(identity=$USERNAME, name=Roles, value=[${ROLE_LIST}])
if (outcome == success) of /subsystem=elytron/caching-realm=ClienteleRealmCache:read-resource
    /subsystem=elytron/caching-realm=ClienteleRealmCache:clear-cache
end-if
CLIEOF
unset PASSWORD ESCAPED_PW

# Output of jboss-cli is discarded on success (it never contains the password, but keep it quiet).
FAILED=0
for c in "${CONTROLLERS[@]}"; do
    if OUT=$("$CLI" -c --controller="$c" --file="$TMP" 2>&1); then
        echo "user '$USERNAME' saved in ClienteleRealm on $c with roles: $ROLE_LIST"
    else
        echo "error: jboss-cli failed on $c:" >&2
        echo "$OUT" | grep -v -i 'password' >&2
        FAILED=1
    fi
done
exit $FAILED
