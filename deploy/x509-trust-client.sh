#!/usr/bin/env bash
# Trust a client's X.509 certificate and bind it to a Clientele API user with roles.
#
# Usage: deploy/x509-trust-client.sh <jboss-home> <client-cert.pem> <username> <role>[,<role>...] [<issuer-ca.pem>]
#   client-cert.pem  the client's certificate (PEM or DER), the one it signs its requests with
#   username         the API user it acts as (lower case: a-z 0-9 . _ @ -); created in ClienteleRealm if missing,
#                    without a password (an existing UsernameToken user keeps its password)
#   roles            crm-admin, crm-integration, crm-agent, crm-marketing, crm-readonly (replace the user's roles)
#   issuer-ca.pem    optional: the certificate authority that issued a CA-signed client certificate; it is added to
#                    the trust store as a trust anchor (alias "issuer:<sha256 prefix>"). A self-signed client certificate
#                    needs none. With a CRL configured (deploy/x509-set-crl.sh), every client needs its issuer here.
# Env:   CONTROLLER=host:port  management endpoint (default 127.0.0.1:9990); CLIENTELE_X509_DIR as for
#        deploy/x509-create-server-key.sh.
# Trust alone grants nothing: only a certificate stored under alias "user:<username>" acts, as that user with its roles.
# Applies to the next request on this node (in a cluster: run it against every node, or share the directory).
# Undo: deploy/x509-untrust-client.sh.
set -euo pipefail

if [ $# -lt 4 ] || [ $# -gt 5 ]; then
    echo "usage: $0 <jboss-home> <client-cert.pem> <username> <role>[,<role>...] [<issuer-ca.pem>]" >&2
    exit 2
fi
JBOSS_HOME_ARG=$1 CERT=$2 USERNAME=$3 ROLES=$4 ISSUER=${5:-}
CONTROLLER=${CONTROLLER:-127.0.0.1:9990}
DIR=${CLIENTELE_X509_DIR:-$JBOSS_HOME_ARG/standalone/configuration/clientele-x509}
CLI="$JBOSS_HOME_ARG/bin/jboss-cli.sh"
[ -x "$CLI" ] || { echo "error: $CLI not found or not executable" >&2; exit 2; }
[ -f "$DIR/crypto.properties" ] || { echo "error: no $DIR/crypto.properties; run deploy/x509-create-server-key.sh first" >&2; exit 2; }
[ -f "$CERT" ] || { echo "error: $CERT not found" >&2; exit 2; }
[[ "$USERNAME" =~ ^[a-z0-9._@-]+$ ]] || { echo "error: username may only contain a-z 0-9 . _ @ -" >&2; exit 2; }

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

TS_PW=$(sed -n 's/^org\.apache\.wss4j\.crypto\.merlin\.truststore\.password=//p' "$DIR/crypto.properties")
export TS_PW
TS=(-storetype PKCS12 -keystore "$DIR/truststore.p12" -storepass:env TS_PW)

if [ -n "$ISSUER" ]; then
    FP=$(keytool -printcert -file "$ISSUER" | sed -n 's/^[[:space:]]*SHA256: //p' | head -1 | tr -d ':' | cut -c1-16)
    [ -n "$FP" ] || { echo "error: cannot read $ISSUER" >&2; exit 2; }
    if ! keytool -list "${TS[@]}" -alias "issuer:$FP" >/dev/null 2>&1; then
        keytool -importcert -noprompt -alias "issuer:$FP" -file "$ISSUER" "${TS[@]}" >/dev/null
    fi
fi
# Replace an earlier certificate of this user (a renewal), then store the new one.
if keytool -list "${TS[@]}" -alias "user:$USERNAME" >/dev/null 2>&1; then
    keytool -delete -alias "user:$USERNAME" "${TS[@]}"
fi
keytool -importcert -noprompt -alias "user:$USERNAME" -file "$CERT" "${TS[@]}" >/dev/null
unset TS_PW

umask 077
TMP=$(mktemp "${TMPDIR:-/tmp}/clientele-x509.XXXXXX")
trap 'rm -f "$TMP"' EXIT
REALM=/subsystem=elytron/filesystem-realm=ClienteleRealm
cat > "$TMP" <<CLIEOF
if (outcome != success) of $REALM:read-identity(identity=$USERNAME)
    $REALM:add-identity(identity=$USERNAME)
end-if
if (outcome == success) of $REALM:read-identity(identity=$USERNAME)
    $REALM:remove-identity-attribute(identity=$USERNAME, name=Roles)
end-if
$REALM:add-identity-attribute(identity=$USERNAME, name=Roles, value=[${ROLE_LIST}])
if (outcome == success) of /subsystem=elytron/caching-realm=ClienteleRealmCache:read-resource
    /subsystem=elytron/caching-realm=ClienteleRealmCache:clear-cache
end-if
CLIEOF
if OUT=$("$CLI" -c --controller="$CONTROLLER" --file="$TMP" 2>&1); then
    echo "certificate $CERT trusted as API user '$USERNAME' with roles: $ROLE_LIST"
else
    echo "error: jboss-cli failed (the certificate is in the trust store, the user is not set up):" >&2
    echo "$OUT" >&2
    exit 1
fi
