#!/usr/bin/env bash
# Sends a SOAP 1.1 request to Clientele with a fresh WS-Security header (UsernameToken PasswordDigest with
# nonce and created, plus a Timestamp), so a body file can be tried with nothing but bash, openssl and curl.
#
#   samples/call.sh <service> <operation> <body.xml> [user] [password]
#   samples/call.sh CustomerService createCustomers samples/createCustomers.xml
#
# CLIENTELE_URL overrides the server (default http://localhost:8080). The password may also come from
# CLIENTELE_PASSWORD; the defaults are the development user of `mvn wildfly:run`.
set -euo pipefail
SERVICE=${1:?service, e.g. CustomerService}
OPERATION=${2:?operation, e.g. createCustomers}
BODY=${3:?file with the SOAP body content}
USER_NAME=${4:-clientele-dev}
PASSWORD=${5:-${CLIENTELE_PASSWORD:-clientele-dev}}
URL=${CLIENTELE_URL:-http://localhost:8080}

NONCE=$(openssl rand -base64 16)
CREATED=$(date -u +%Y-%m-%dT%H:%M:%S.000Z)
EXPIRES=$(date -u -d '+5 minutes' +%Y-%m-%dT%H:%M:%S.000Z)
# PasswordDigest = Base64(SHA-1(nonce bytes + created + password))
DIGEST=$( { printf '%s' "$NONCE" | base64 -d; printf '%s%s' "$CREATED" "$PASSWORD"; } | openssl dgst -sha1 -binary | base64)

ENVELOPE=$(cat <<XML
<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/">
  <soapenv:Header>
    <wsse:Security soapenv:mustUnderstand="1"
        xmlns:wsse="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd"
        xmlns:wsu="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd">
      <wsu:Timestamp wsu:Id="TS-1">
        <wsu:Created>${CREATED}</wsu:Created>
        <wsu:Expires>${EXPIRES}</wsu:Expires>
      </wsu:Timestamp>
      <wsse:UsernameToken wsu:Id="UT-1">
        <wsse:Username>${USER_NAME}</wsse:Username>
        <wsse:Password Type="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-username-token-profile-1.0#PasswordDigest">${DIGEST}</wsse:Password>
        <wsse:Nonce EncodingType="http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-soap-message-security-1.0#Base64Binary">${NONCE}</wsse:Nonce>
        <wsu:Created>${CREATED}</wsu:Created>
      </wsse:UsernameToken>
    </wsse:Security>
  </soapenv:Header>
  <soapenv:Body>
$(cat "$BODY")
  </soapenv:Body>
</soapenv:Envelope>
XML
)

curl -sS -H 'Content-Type: text/xml; charset=utf-8' \
     -H "SOAPAction: \"urn:clientele:${SERVICE}:${OPERATION}\"" \
     --data-binary "$ENVELOPE" "${URL}/clientele/${SERVICE}"
echo
