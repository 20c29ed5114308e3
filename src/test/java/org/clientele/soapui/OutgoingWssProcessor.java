package org.clientele.soapui;

import java.util.function.UnaryOperator;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.WSConstants;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.message.WSSecHeader;
import org.apache.wss4j.dom.message.WSSecTimestamp;
import org.apache.wss4j.dom.message.WSSecUsernameToken;
import org.w3c.dom.Document;

/**
 * Applies a SoapUI outgoing WS-Security configuration to a request envelope with WSS4J, as SoapUI does: a fresh
 * wsse:Security header whose Username and Timestamp entries are built in the configured order. Any other entry
 * type (Signature, Encryption, SAML, ...) or setting the runner cannot honour fails the request.
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
        try {
            WSSecHeader header = new WSSecHeader(config.actor.isEmpty() ? null : config.actor, config.mustUnderstand, envelope);
            header.insertSecurityHeader();
            for (SoapUiProject.WssEntry entry : config.entries) {
                switch (entry.type) {
                    case "Username" -> username(entry, header, expand);
                    case "Timestamp" -> timestamp(entry, header);
                    default -> throw new UnsupportedSoapUiFeature("outgoing WS-Security '" + config.name + "': entry type '"
                            + entry.type + "' is not supported by the build runner (only Username and Timestamp)");
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

    private static void known(SoapUiProject.WssEntry entry, String... settings) {
        for (String key : entry.configuration.keySet()) {
            if (!java.util.List.of(settings).contains(key)) {
                throw new UnsupportedSoapUiFeature(entry.type + " entry: setting '" + key + "' is not supported by the build runner");
            }
        }
    }
}
