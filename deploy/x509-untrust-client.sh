#!/usr/bin/env bash
# Undo deploy/x509-trust-client.sh: the user's certificate is removed from the trust store, so its signed requests are
# refused from the next request on. The Elytron identity and its roles stay (it may also be a UsernameToken user;
# remove it with /subsystem=elytron/filesystem-realm=ClienteleRealm:remove-identity(identity=<username>)).
# An issuer CA added with the certificate stays trusted as an anchor, but grants nothing by itself; remove it with
#   keytool -delete -alias issuer:<fingerprint> -keystore <dir>/truststore.p12 -storetype PKCS12
#
# Usage: deploy/x509-untrust-client.sh <jboss-home> <username>
# Env:   CLIENTELE_X509_DIR  as for deploy/x509-create-server-key.sh
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <jboss-home> <username>" >&2; exit 2; }
DIR=${CLIENTELE_X509_DIR:-$1/standalone/configuration/clientele-x509}
USERNAME=$2
[ -f "$DIR/crypto.properties" ] || { echo "error: no $DIR/crypto.properties" >&2; exit 2; }
TS_PW=$(sed -n 's/^org\.apache\.wss4j\.crypto\.merlin\.truststore\.password=//p' "$DIR/crypto.properties")
export TS_PW
if keytool -list -storetype PKCS12 -keystore "$DIR/truststore.p12" -storepass:env TS_PW -alias "user:$USERNAME" >/dev/null 2>&1; then
    keytool -delete -alias "user:$USERNAME" -storetype PKCS12 -keystore "$DIR/truststore.p12" -storepass:env TS_PW
    echo "certificate of '$USERNAME' no longer trusted"
else
    echo "no certificate is bound to '$USERNAME'"
fi
