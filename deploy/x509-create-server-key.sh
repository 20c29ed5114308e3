#!/usr/bin/env bash
# Create the server's X.509 key pair for the *X509 ports (sign + encrypt), with keytool.
#
# Usage: deploy/x509-create-server-key.sh <jboss-home> ["<distinguished name>"] [validity-days]
#   default DN "CN=clientele, O=Clientele", default validity 825 days.
# Env:   CLIENTELE_X509_DIR  where the key material goes (default <jboss-home>/standalone/configuration/clientele-x509;
#        the server reads it from there unless -Dclientele.x509.config=<dir>/crypto.properties names another place)
#
# Writes (all mode 600, directory mode 700; nothing of it belongs in the WAR or in git):
#   server.p12         PKCS#12 key store: the server's RSA 3072 key pair, alias "clientele" (SHA256withRSA, self-signed)
#   truststore.p12     PKCS#12 trust store: client certificates bound to API users (deploy/x509-trust-client.sh)
#   crypto.properties  WSS4J crypto settings naming both stores and their random passwords
#   server.pem         the server's certificate (public): give it to every client, they encrypt for it and verify
#                      the responses' signatures with it
# The server picks the files up on the next X.509 request; no restart. Undo: deploy/x509-remove-server-key.sh.
# To use a certificate issued by your CA instead: keytool -certreq / -importcert on server.p12, alias "clientele".
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 3 ]; then
    echo "usage: $0 <jboss-home> [\"<distinguished name>\"] [validity-days]" >&2
    exit 2
fi
JBOSS_HOME_ARG=$1
DNAME=${2:-"CN=clientele, O=Clientele"}
VALIDITY=${3:-825}
DIR=${CLIENTELE_X509_DIR:-$JBOSS_HOME_ARG/standalone/configuration/clientele-x509}
command -v keytool >/dev/null || { echo "error: keytool not found (a JDK's bin directory must be on PATH)" >&2; exit 2; }
if [ -e "$DIR/crypto.properties" ]; then
    echo "error: $DIR/crypto.properties exists; remove it first with deploy/x509-remove-server-key.sh" >&2
    exit 1
fi

umask 077
mkdir -p "$DIR"
chmod 700 "$DIR"
DIR=$(cd "$DIR" && pwd)
# Random store passwords (PKCS#12 keeps the key password equal to the store password); only crypto.properties holds them.
KS_PW=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-32)
TS_PW=$(head -c 32 /dev/urandom | base64 | tr -d '/+=\n' | cut -c1-32)
export KS_PW TS_PW

keytool -genkeypair -noprompt -alias clientele -keyalg RSA -keysize 3072 -sigalg SHA256withRSA \
    -dname "$DNAME" -validity "$VALIDITY" -ext KeyUsage=digitalSignature,keyEncipherment \
    -storetype PKCS12 -keystore "$DIR/server.p12" -storepass:env KS_PW
keytool -exportcert -rfc -alias clientele -storetype PKCS12 -keystore "$DIR/server.p12" -storepass:env KS_PW \
    -file "$DIR/server.pem"
# A trust store cannot be empty: it starts with the server's own certificate (alias "server", bound to no user).
keytool -importcert -noprompt -alias server -file "$DIR/server.pem" \
    -storetype PKCS12 -keystore "$DIR/truststore.p12" -storepass:env TS_PW

cat > "$DIR/crypto.properties" <<PROPS
# Clientele X.509 key material (WSS4J Merlin), written by deploy/x509-create-server-key.sh. Secret: mode 600.
org.apache.wss4j.crypto.provider=org.apache.wss4j.common.crypto.Merlin
org.apache.wss4j.crypto.merlin.keystore.type=PKCS12
org.apache.wss4j.crypto.merlin.keystore.file=$DIR/server.p12
org.apache.wss4j.crypto.merlin.keystore.password=$KS_PW
org.apache.wss4j.crypto.merlin.keystore.alias=clientele
org.apache.wss4j.crypto.merlin.truststore.type=PKCS12
org.apache.wss4j.crypto.merlin.truststore.file=$DIR/truststore.p12
org.apache.wss4j.crypto.merlin.truststore.password=$TS_PW
PROPS
chmod 644 "$DIR/server.pem"
unset KS_PW TS_PW
echo "server key pair created in $DIR; give $DIR/server.pem to the clients"
