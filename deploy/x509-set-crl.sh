#!/usr/bin/env bash
# Install (or replace) the certificate revocation list the X.509 ports check client certificates against, or switch
# revocation checking off again (the undo).
#
# Usage: deploy/x509-set-crl.sh <jboss-home> <crl-file>     copies the CRL (PEM or DER) to <dir>/clients.crl and
#                                                          turns revocation checking on
#        deploy/x509-set-crl.sh <jboss-home> --none        turns it off and deletes <dir>/clients.crl
# Env:   CLIENTELE_X509_DIR  as for deploy/x509-create-server-key.sh
# With revocation checking on, WSS4J validates every client certificate's chain with the CRL: each client certificate
# must be issued by a CA given to deploy/x509-trust-client.sh, and this file must hold a current CRL of every such CA
# (several CRLs: concatenate the PEM files). Replace the file before the CRL's nextUpdate; the next request uses it.
set -euo pipefail
[ $# -eq 2 ] || { echo "usage: $0 <jboss-home> <crl-file>|--none" >&2; exit 2; }
DIR=${CLIENTELE_X509_DIR:-$1/standalone/configuration/clientele-x509}
PROPS="$DIR/crypto.properties"
[ -f "$PROPS" ] || { echo "error: no $PROPS; run deploy/x509-create-server-key.sh first" >&2; exit 2; }
KEY=org.apache.wss4j.crypto.merlin.x509crl.file
umask 077
TMP=$(mktemp "$DIR/.crypto.XXXXXX")
grep -v "^$KEY=" "$PROPS" > "$TMP" || true
if [ "$2" = "--none" ]; then
    mv "$TMP" "$PROPS"
    rm -f "$DIR/clients.crl"
    echo "revocation checking off"
else
    [ -f "$2" ] || { rm -f "$TMP"; echo "error: $2 not found" >&2; exit 2; }
    cp "$2" "$DIR/clients.crl.new" && mv "$DIR/clients.crl.new" "$DIR/clients.crl"
    echo "$KEY=$(cd "$DIR" && pwd)/clients.crl" >> "$TMP"
    mv "$TMP" "$PROPS"
    echo "revocation checking on, CRL $DIR/clients.crl"
fi
