package org.clientele.soapui;

/** Thrown when a project uses a SoapUI feature the build runner does not implement, so nothing is skipped silently. */
public class UnsupportedSoapUiFeature extends RuntimeException {
    public UnsupportedSoapUiFeature(String message) {
        super(message);
    }
}
