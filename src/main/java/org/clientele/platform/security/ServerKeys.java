package org.clientele.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import javax.security.auth.callback.UnsupportedCallbackException;
import org.apache.wss4j.common.crypto.Crypto;
import org.apache.wss4j.common.crypto.CryptoFactory;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;

/**
 * The server's X.509 key material as WSS4J uses it, read from the server's configuration directory, never from the
 * WAR: a WSS4J crypto properties file (default {@code ${jboss.server.config.dir}/clientele-x509/crypto.properties},
 * or the path in system property {@value #CONFIG_PROPERTY}) naming the server's key store (its key pair, used to
 * decrypt requests and sign responses), the trust store (the client certificates bound to API users, under aliases
 * {@code user:<name>}, and the certificate authorities that issued them) and optionally a CRL file. The files are
 * written by deploy/x509-*.sh. A change to any of them (a newly trusted or removed client, a new CRL) applies to the
 * next request: the key material is reloaded when a file's modification time or size changed.
 */
public final class ServerKeys {
    /** System property naming the crypto properties file. */
    public static final String CONFIG_PROPERTY = "clientele.x509.config";
    /** Trust-store alias prefix of a client certificate bound to an API user. */
    public static final String USER_ALIAS_PREFIX = "user:";
    static final String MERLIN = "org.apache.wss4j.crypto.merlin.";
    private static final String[] FILES = {"keystore.file", "truststore.file", "x509crl.file"};

    private static Snapshot current;

    /** One loaded state of the key material. */
    public record Snapshot(String stamp, Crypto crypto, KeyStore trustStore, String alias, CallbackHandler passwords,
                           boolean revocation) {
    }

    private ServerKeys() {
    }

    /** The current key material, reloaded if any of its files changed since the last request. */
    public static synchronized Snapshot current() throws WSSecurityException {
        Path config = config();
        try {
            Properties props = new Properties();
            try (InputStream in = Files.newInputStream(config)) {
                props.load(in);
            }
            String stamp = stamp(config, props);
            if (current != null && current.stamp().equals(stamp)) {
                return current;
            }
            Crypto crypto = CryptoFactory.getInstance(props, ServerKeys.class.getClassLoader(), null);
            if (!(crypto instanceof Merlin merlin) || merlin.getKeyStore() == null || merlin.getTrustStore() == null) {
                throw new IOException(config + " must name a key store and a trust store (Merlin)");
            }
            String alias = props.getProperty(MERLIN + "keystore.alias");
            String keyPassword = props.getProperty(MERLIN + "keystore.private.password",
                    props.getProperty(MERLIN + "keystore.password"));
            if (alias == null || keyPassword == null) {
                throw new IOException(config + " must name keystore.alias and keystore.password");
            }
            current = new Snapshot(stamp, crypto, merlin.getTrustStore(), alias, new KeyPasswords(keyPassword),
                    props.getProperty(MERLIN + "x509crl.file") != null);
            return current;
        } catch (IOException e) {
            throw new WSSecurityException(WSSecurityException.ErrorCode.FAILURE, e, "empty",
                    new Object[] {"X.509 key material unavailable: " + e.getMessage()});
        }
    }

    static Path config() {
        String explicit = System.getProperty(CONFIG_PROPERTY);
        if (explicit != null && !explicit.isBlank()) {
            return Paths.get(explicit);
        }
        return Paths.get(System.getProperty("jboss.server.config.dir", "."), "clientele-x509", "crypto.properties");
    }

    private static String stamp(Path config, Properties props) throws IOException {
        List<Path> files = new ArrayList<>();
        files.add(config);
        for (String key : FILES) {
            String file = props.getProperty(MERLIN + key);
            if (file != null) {
                files.add(Paths.get(file));
            }
        }
        StringBuilder stamp = new StringBuilder();
        for (Path p : files) {
            stamp.append(p).append('@').append(Files.getLastModifiedTime(p).toMillis()).append('/')
                    .append(Files.size(p)).append(';');
        }
        return stamp.toString();
    }

    /** Supplies the private key's password to WSS4J for decrypting requests and signing responses. */
    private static final class KeyPasswords implements CallbackHandler {
        private final String password;

        KeyPasswords(String password) {
            this.password = password;
        }

        @Override
        public void handle(Callback[] callbacks) throws UnsupportedCallbackException {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc && (pc.getUsage() == WSPasswordCallback.SIGNATURE
                        || pc.getUsage() == WSPasswordCallback.DECRYPT)) {
                    pc.setPassword(password);
                } else {
                    throw new UnsupportedCallbackException(c, "only the server key's password is supplied");
                }
            }
        }
    }
}
