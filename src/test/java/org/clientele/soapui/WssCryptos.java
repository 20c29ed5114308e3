package org.clientele.soapui;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.CallbackHandler;
import org.apache.wss4j.common.crypto.Merlin;
import org.apache.wss4j.common.ext.WSPasswordCallback;
import org.apache.wss4j.common.ext.WSSecurityException;
import org.apache.wss4j.dom.engine.WSSConfig;
import org.apache.wss4j.dom.engine.WSSecurityEngine;
import org.apache.wss4j.dom.handler.RequestData;
import org.apache.wss4j.dom.handler.WSHandlerResult;
import org.apache.wss4j.dom.util.WSSecurityUtil;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The key stores of a SoapUI project's WS-Security container ({@code con:crypto}) as WSS4J cryptos, loaded the way
 * SoapUI's KeyMaterialWssCrypto loads them: the source path is property-expanded and, when relative, resolved against
 * the project's resource root; a KEYSTORE becomes a Merlin key store, a TRUSTSTORE a Merlin trust store. Also applies
 * incoming WS-Security configurations ({@code con:incoming}) to responses, as SoapUI's IncomingWss does. Settings the
 * runner cannot honour fail with {@link UnsupportedSoapUiFeature}.
 */
public final class WssCryptos {
    static {
        WSSConfig.init();
    }

    private final SoapUiProject project;
    private final Map<String, Merlin> loaded = new HashMap<>();

    public WssCryptos(SoapUiProject project) {
        this.project = project;
    }

    /**
     * The crypto SoapUI labels {@code label} (the file name of its source).
     *
     * @param expand property expansion applied to the source path, as SoapUI does
     */
    public synchronized Merlin get(String label, UnaryOperator<String> expand) {
        SoapUiProject.Crypto c = project.cryptos.get(label);
        if (c == null) {
            throw new IllegalArgumentException("no key store '" + label + "' in the project's WS-Security container (known: "
                    + project.cryptos.keySet() + ")");
        }
        if (!c.cryptoProvider().isEmpty()) {
            throw new UnsupportedSoapUiFeature("key store " + label + ": a crypto provider ('" + c.cryptoProvider()
                    + "') is not supported by the build runner");
        }
        if (!c.defaultAlias().isEmpty() || !c.aliasPassword().isEmpty()) {
            throw new UnsupportedSoapUiFeature("key store " + label + ": defaultAlias/aliasPassword are not supported by the "
                    + "build runner; name the alias and its password on the Signature or Encryption entry");
        }
        String type = c.type().isEmpty() ? "KEYSTORE" : c.type();
        if (!type.equals("KEYSTORE") && !type.equals("TRUSTSTORE")) {
            throw new UnsupportedSoapUiFeature("key store " + label + ": type '" + type + "' (KEYSTORE or TRUSTSTORE)");
        }
        Path file = resolve(expand.apply(c.source()));
        String key = type + " " + file;
        Merlin merlin = loaded.get(key);
        if (merlin == null) {
            KeyStore store = load(label, file, c.password());
            merlin = new Merlin();
            if (type.equals("KEYSTORE")) {
                merlin.setKeyStore(store);
            } else {
                merlin.setTrustStore(store);
            }
            loaded.put(key, merlin);
        }
        return merlin;
    }

    /** SoapUI's PathUtils.resolveResourcePath: absolute paths as they are, relative ones against the resource root. */
    Path resolve(String source) {
        String path = source.startsWith("file:") ? source.substring(5) : source;
        Path p = Path.of(path);
        if (p.isAbsolute()) {
            return p;
        }
        String root = project.resourceRoot;
        Path base;
        if (root.isEmpty()) {
            base = Path.of("").toAbsolutePath(); // SoapUI: the working directory
        } else if (root.equals("${projectDir}")) {
            if (project.projectDir == null) {
                throw new IllegalStateException("resourceRoot ${projectDir}: the project was not read from a file");
            }
            base = project.projectDir;
        } else {
            throw new UnsupportedSoapUiFeature("resourceRoot '" + root + "' is not supported by the build runner (empty or ${projectDir})");
        }
        return base.resolve(p).normalize();
    }

    private static KeyStore load(String label, Path file, String password) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1) : "";
        String type = switch (ext) {
            case "jks" -> "JKS";
            case "p12", "pk12", "pfx" -> "PKCS12";
            case "jceks", "jck" -> "JCEKS";
            default -> throw new UnsupportedSoapUiFeature("key store " + label + ": file type '." + ext
                    + "' is not supported by the build runner (.jks, .p12, .pfx, .pk12, .jceks)");
        };
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("key store " + label + ": no file " + file
                    + " (the X.509 test key stores are generated by mvn verify into target/x509-test)");
        }
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore ks = KeyStore.getInstance(type);
            ks.load(in, password.isEmpty() ? null : password.toCharArray());
            return ks;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("key store " + label + " (" + file + ") unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * Applies an incoming WS-Security configuration to a response in place, as SoapUI does: a response without a
     * wsse:Security header is left as it is (returns false); otherwise the header is processed with WSS4J (decryption
     * with the decrypt key store and password, signature and timestamp verification with the signature key store; a
     * missing one of the two stands in for the other), and any failure fails the step.
     */
    public boolean processIncoming(SoapUiProject.IncomingWss config, Document response, UnaryOperator<String> expand) {
        Element header;
        try {
            header = WSSecurityUtil.getSecurityHeader(response, null);
        } catch (WSSecurityException e) {
            throw new IllegalStateException("incoming WS-Security '" + config.name() + "': " + e.getMessage(), e);
        }
        if (header == null) {
            return false;
        }
        Merlin dec = config.decryptCrypto().isEmpty() ? null : get(config.decryptCrypto(), expand);
        Merlin sig = config.signatureCrypto().isEmpty() ? null : get(config.signatureCrypto(), expand);
        if (dec == null && sig == null) {
            throw new IllegalArgumentException("incoming WS-Security '" + config.name() + "' names no key store");
        }
        RequestData data = new RequestData();
        data.setWssConfig(WSSConfig.getNewInstance());
        data.setDecCrypto(dec == null ? sig : dec);
        data.setSigVerCrypto(sig == null ? dec : sig);
        data.setCallbackHandler(passwords(config.decryptPassword()));
        try {
            WSHandlerResult result = new WSSecurityEngine().processSecurityHeader(response, data);
            return result != null && !result.getResults().isEmpty();
        } catch (WSSecurityException e) {
            throw new IllegalStateException("incoming WS-Security '" + config.name() + "' refused the response: " + e.getMessage(), e);
        }
    }

    static CallbackHandler passwords(String password) {
        return callbacks -> {
            for (Callback c : callbacks) {
                if (c instanceof WSPasswordCallback pc) {
                    pc.setPassword(password);
                }
            }
        };
    }
}
