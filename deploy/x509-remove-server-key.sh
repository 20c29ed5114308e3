#!/usr/bin/env bash
# Undo deploy/x509-create-server-key.sh: delete the server's X.509 key material (key pair, trust store with every
# trusted client certificate, CRL, crypto.properties). The *X509 ports refuse every request afterwards.
# The Elytron identities bound to client certificates stay (they may also be UsernameToken users).
#
# Usage: deploy/x509-remove-server-key.sh <jboss-home>
# Env:   CLIENTELE_X509_DIR  as for deploy/x509-create-server-key.sh
set -euo pipefail
[ $# -eq 1 ] || { echo "usage: $0 <jboss-home>" >&2; exit 2; }
DIR=${CLIENTELE_X509_DIR:-$1/standalone/configuration/clientele-x509}
[ -d "$DIR" ] || { echo "nothing to remove: $DIR does not exist"; exit 0; }
rm -f "$DIR/crypto.properties" "$DIR/server.p12" "$DIR/truststore.p12" "$DIR/server.pem" "$DIR/clients.crl"
rmdir "$DIR" 2>/dev/null || echo "note: $DIR kept (it holds other files)"
echo "X.509 key material removed from $DIR"
