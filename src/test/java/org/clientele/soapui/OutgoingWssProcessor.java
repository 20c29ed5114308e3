package org.clientele.soapui;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import javax.crypto.SecretKey;
import org.apache.wss4j.common.WSEncryptionPart;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.common.util.KeyUtils;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecBase;
import org.apache.wss4j.dom.message.WSSecEncrypt;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecSignature;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.message.WSSecUsernameToken;
import org.w3c.dom.Document;

/**
 * Applies a SoapUI outgoing WS-Security configuration to a request envelope with WSS4J, as SoapUI does: a fresh
 * wsse:Security header whose Username, Timestamp, Signature and Encryption entries are built in the configured
 * order (Signature and Encryption with the key stores of the project's WS-Security container, as SoapUI's
 * SignatureEntry and EncryptionEntry do). Any other entry type (SAML, ...) or setting the runner cannot honour fails
 * the request; where SoapUI would log a failed entry and send the request without it, the runner fails.
 */
public final class OutgoingWssProcessor {
    static {
        WSSConfig.init();
    }

    private OutgoingWssProcessor() {
    }

    /**
     * Adds the security header to {@code envelope} in place.
     *
     * @param expand property expansion applied to user names and passwords, as SoapUI does
     */
    public static void apply(SoapUiProject.OutgoingWss config, Document envelope, UnaryOperator<String> expand) {
        apply(config, envelope, expand, null);
    }

    /**
     * Adds the security header to {@code envelope} in place.
     *
     * @param expand property expansion applied to user names, passwords and key store paths, as SoapUI does
     * @param cryptos the project's key stores, for Signature and Encryption entries (may be null when there are none)
     */
    public static void apply(SoapUiProject.OutgoingWss config, Document envelope, UnaryOperator<String> expand, WssCryptos cryptos) {
        try {
            WSSecHeader header = new WSSecHeader(config.actor.isEmpty() ? null : config.actor, config.mustUnderstand, envelope);
            header.insertSecurityHeader();
            for (SoapUiProject.WssEntry entry : config.entries) {
                switch (entry.type) {
                    case "Username" -> username(entry, header, expand);
                    case "Timestamp" -> timestamp(entry, header);
                    case "Signature" -> signature(entry, header, expand, crypto(config, entry, cryptos, expand));
                    case "Encryption" -> encryption(entry, header, expand, crypto(config, entry, cryptos, expand));
                    default -> throw new UnsupportedSoapUiFeature("outgoing WS-Security '" + config.name + "': entry type '"
                            + entry.type + "' is not supported by the build runner (Username, Timestamp, Signature, Encryption)");
                }
            }
        } catch (WSSecurityException e) {
            throw new IllegalStateException("outgoing WS-Security '" + config.name + "' failed: " + e.getMessage(), e);
        }
    }

    private static void username(SoapUiProject.WssEntry entry, WSSecHeader header, UnaryOperator<String> expand) {
        known(entry, "passwordType", "addNonce", "addCreated");
        WSSecUsernameToken token = new WSSecUsernameToken(header);
        String type = entry.configuration.getOrDefault("passwordType", "");
        switch (type) {
            case "PasswordDigest" -> token.setPasswordType(WSConstants.PASSWORD_DIGEST);
            case "PasswordText" -> token.setPasswordType(WSConstants.PASSWORD_TEXT);
            default -> throw new UnsupportedSoapUiFeature("Username entry: passwordType '" + type
                    + "' is not supported by the build runner (PasswordDigest or PasswordText)");
        }
        token.setUserInfo(expand.apply(entry.username), expand.apply(entry.password));
        if (Boolean.parseBoolean(entry.configuration.get("addNonce"))) {
            token.addNonce();
        }
        if (Boolean.parseBoolean(entry.configuration.get("addCreated"))) {
            token.addCreated();
        }
        token.build();
    }

    private static void timestamp(SoapUiProject.WssEntry entry, WSSecHeader header) {
        known(entry, "timeToLive", "strictTimestamp");
        WSSecTimestamp ts = new WSSecTimestamp(header);
        String ttl = entry.configuration.getOrDefault("timeToLive", "");
        if (!ttl.isEmpty()) {
            ts.setTimeToLive(Integer.parseInt(ttl));
        }
        // SoapUI's "strictTimestamp" means millisecond precision in Created/Expires.
        ts.setPrecisionInMilliSeconds(!"false".equals(entry.configuration.get("strictTimestamp")));
        ts.build();
    }

    private static Merlin crypto(SoapUiProject.OutgoingWss config, SoapUiProject.WssEntry entry, WssCryptos cryptos,
                                 UnaryOperator<String> expand) {
        String label = entry.configuration.getOrDefault("crypto", "");
        if (label.isEmpty()) {
            throw new IllegalArgumentException("outgoing WS-Security '" + config.name + "': " + entry.type + " entry without a key store");
        }
        if (cryptos == null) {
            throw new IllegalStateException("outgoing WS-Security '" + config.name + "': no key stores at hand for the " + entry.type + " entry");
        }
        return cryptos.get(label, expand);
    }

    /** SoapUI's SignatureEntry: signs the configured parts (default: the Body) with the alias's key. */
    private static void signature(SoapUiProject.WssEntry entry, WSSecHeader header, UnaryOperator<String> expand, Merlin crypto)
            throws WSSecurityException {
        known(entry, "crypto", "keyIdentifierType", "signatureAlgorithm", "signatureCanonicalization", "useSingleCert",
                "digestAlgorithm", "signaturePart", "customTokenValueType", "customTokenId", "prependSignature");
        unset(entry, "customTokenValueType", "customTokenId");
        if (Boolean.parseBoolean(entry.configuration.get("prependSignature"))) {
            throw new UnsupportedSoapUiFeature("Signature entry: prependSignature is not supported by the build runner");
        }
        WSSecSignature sign = new WSSecSignature(header);
        sign.setUserInfo(alias(entry, expand), expand.apply(entry.password));
        sign.setKeyIdentifierType(keyIdentifierType(entry, Set.of(WSConstants.BST_DIRECT_REFERENCE, WSConstants.ISSUER_SERIAL,
                WSConstants.X509_KEY_IDENTIFIER, WSConstants.SKI_KEY_IDENTIFIER, WSConstants.THUMBPRINT_IDENTIFIER)));
        String algorithm = chosen(entry, "signatureAlgorithm");
        if (algorithm != null) {
            sign.setSignatureAlgorithm(algorithm);
        }
        String c14n = chosen(entry, "signatureCanonicalization");
        if (c14n != null) {
            sign.setSigCanonicalization(c14n);
        }
        String digest = chosen(entry, "digestAlgorithm");
        if (digest != null) {
            sign.setDigestAlgo(digest);
        }
        sign.setUseSingleCertificate(Boolean.parseBoolean(entry.configuration.get("useSingleCert")));
        parts(entry, sign);
        sign.build(crypto);
    }

    /** SoapUI's EncryptionEntry: encrypts the configured parts (default: the Body's content) for the alias's certificate. */
    private static void encryption(SoapUiProject.WssEntry entry, WSSecHeader header, UnaryOperator<String> expand, Merlin crypto)
            throws WSSecurityException {
        known(entry, "crypto", "keyIdentifierType", "symmetricEncAlgorithm", "encKeyTransport", "embeddedKeyName",
                "embeddedKeyPassword", "encryptionCanonicalization", "encryptSymmetricKey", "encryptionPart");
        unset(entry, "embeddedKeyName", "embeddedKeyPassword", "encryptionCanonicalization");
        if ("false".equals(entry.configuration.get("encryptSymmetricKey"))) {
            throw new UnsupportedSoapUiFeature("Encryption entry: encryptSymmetricKey=false (no EncryptedKey) is not supported by the build runner");
        }
        WSSecEncrypt encrypt = new WSSecEncrypt(header);
        encrypt.setUserInfo(alias(entry, expand));
        encrypt.setKeyIdentifierType(keyIdentifierType(entry, Set.of(WSConstants.BST_DIRECT_REFERENCE, WSConstants.ISSUER_SERIAL,
                WSConstants.X509_KEY_IDENTIFIER, WSConstants.SKI_KEY_IDENTIFIER, WSConstants.THUMBPRINT_IDENTIFIER)));
        String symmetric = chosen(entry, "symmetricEncAlgorithm");
        if (symmetric != null) {
            encrypt.setSymmetricEncAlgorithm(symmetric);
        }
        String transport = chosen(entry, "encKeyTransport");
        if (transport != null) {
            encrypt.setKeyEncAlgo(transport);
        }
        encrypt.setEncryptSymmKey(true);
        parts(entry, encrypt);
        SecretKey key = KeyUtils.getKeyGenerator(encrypt.getSymmetricEncAlgorithm()).generateKey();
        encrypt.build(crypto, key);
    }

    private static String alias(SoapUiProject.WssEntry entry, UnaryOperator<String> expand) {
        String alias = expand.apply(entry.username);
        if (alias == null || alias.isEmpty()) {
            throw new IllegalArgumentException(entry.type + " entry without an alias (username)");
        }
        return alias;
    }

    /** SoapUI's readKeyIdentifierType: absent or 0 means Issuer Name and Serial Number. */
    private static int keyIdentifierType(SoapUiProject.WssEntry entry, Set<Integer> supported) {
        String value = entry.configuration.getOrDefault("keyIdentifierType", "");
        int type = value.isEmpty() ? WSConstants.ISSUER_SERIAL : Integer.parseInt(value);
        if (type == 0) {
            type = WSConstants.ISSUER_SERIAL;
        }
        if (!supported.contains(type)) {
            throw new UnsupportedSoapUiFeature(entry.type + " entry: keyIdentifierType " + type + " is not supported by the build runner "
                    + supported);
        }
        return type;
    }

    /** A chosen algorithm; null for SoapUI's "&lt;default&gt;" (an empty element). */
    private static String chosen(SoapUiProject.WssEntry entry, String setting) {
        String value = entry.configuration.getOrDefault(setting, "");
        return value.isEmpty() || value.equals("<default>") ? null : value;
    }

    /** SoapUI's createWSParts: a row with an id names that element, otherwise name and namespace; enc is Element or Content. */
    private static void parts(SoapUiProject.WssEntry entry, WSSecBase target) {
        for (Map<String, String> row : entry.parts) {
            for (String column : row.keySet()) {
                if (!List.of("id", "name", "namespace", "enc").contains(column)) {
                    throw new UnsupportedSoapUiFeature(entry.type + " entry: parts column '" + column + "' is not supported by the build runner");
                }
            }
            String enc = row.getOrDefault("enc", "");
            if (!enc.isEmpty() && !enc.equals("Element") && !enc.equals("Content")) {
                throw new UnsupportedSoapUiFeature(entry.type + " entry: part modifier '" + enc + "' is not supported by the build runner (Element, Content)");
            }
            String id = row.getOrDefault("id", "");
            String name = row.getOrDefault("name", "");
            if (!id.isEmpty()) {
                target.getParts().add(new WSEncryptionPart(id, enc.isEmpty() ? "Element" : enc));
            } else if (!name.isEmpty()) {
                target.getParts().add(new WSEncryptionPart(name, row.getOrDefault("namespace", ""), enc.isEmpty() ? "Element" : enc));
            }
        }
    }

    /** Settings the runner accepts only when they are empty (SoapUI writes them empty when nothing was chosen). */
    private static void unset(SoapUiProject.WssEntry entry, String... settings) {
        for (String key : settings) {
            if (!entry.configuration.getOrDefault(key, "").isEmpty()) {
                throw new UnsupportedSoapUiFeature(entry.type + " entry: setting '" + key + "' is not supported by the build runner");
            }
        }
    }

    private static void known(SoapUiProject.WssEntry entry, String... settings) {
        for (String key : entry.configuration.keySet()) {
            if (!java.util.List.of(settings).contains(key)) {
                throw new UnsupportedSoapUiFeature(entry.type + " entry: setting '" + key + "' is not supported by the build runner");
            }
        }
    }
}
