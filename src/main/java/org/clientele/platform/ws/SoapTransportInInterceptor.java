package org.clientele.platform.ws;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.cxf.binding.soap.SoapBinding;
import org.apache.cxf.binding.soap.Soap12;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;
import org.apache.cxf.transport.http.AbstractHTTPDestination;

/**
 * Refuses, before any XML is read, requests that are not SOAP over HTTP at all: a method other than POST (GET is
 * left to the WSDL and schema queries, which the servlet answers) gets 405, and a POST whose media type is not the
 * endpoint's SOAP version (text/xml for SOAP 1.1, application/soap+xml for SOAP 1.2, multipart/related for MTOM)
 * gets 415, and a body announced larger than {@code clientele.http.max-request-bytes} (default 32 MiB, Undertow's
 * max-post-size in deploy/configure-http.cli) gets 413 unread. The answer is a short plain-text HTTP error; nothing is dispatched.
 */
public class SoapTransportInInterceptor extends AbstractPhaseInterceptor<Message> {

    /** Requests announcing a larger body are refused unread; keep it equal to Undertow's max-post-size. */
    static final long MAX_REQUEST_BYTES = Long.getLong("clientele.http.max-request-bytes", 32L * 1024 * 1024);

    public SoapTransportInInterceptor() {
        super(Phase.RECEIVE);
    }

    @Override
    public void handleMessage(Message message) {
        if (!(message.get(AbstractHTTPDestination.HTTP_RESPONSE) instanceof HttpServletResponse response)) {
            return; // not over HTTP
        }
        String method = (String) message.get(Message.HTTP_REQUEST_METHOD);
        if ("GET".equals(method)) {
            String query = (String) message.get(Message.QUERY_STRING);
            if (query != null && (query.toLowerCase(Locale.ROOT).startsWith("wsdl")
                    || query.toLowerCase(Locale.ROOT).startsWith("xsd="))) {
                return; // the WSDL and its schemas
            }
            refuse(message, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "GET serves ?wsdl and ?xsd= only; operations take a POST.");
            return;
        }
        if (!"POST".equals(method)) {
            refuse(message, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                    "Only POST is accepted here (GET ?wsdl for the WSDL).");
            return;
        }
        if (message.get(AbstractHTTPDestination.HTTP_REQUEST) instanceof HttpServletRequest request
                && request.getContentLengthLong() > MAX_REQUEST_BYTES) {
            refuse(message, response, 413, "The request is larger than " + MAX_REQUEST_BYTES + " bytes.");
            return;
        }
        String expected = soap12(message) ? "application/soap+xml" : "text/xml";
        String type = mediaType((String) message.get(Message.CONTENT_TYPE));
        if (!expected.equals(type) && !"multipart/related".equals(type)) {
            refuse(message, response, HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE,
                    "This endpoint accepts Content-Type " + expected + " (or multipart/related for MTOM).");
        }
    }

    static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }

    private static boolean soap12(Message message) {
        return message.getExchange() != null && message.getExchange().getBinding() instanceof SoapBinding b
                && b.getSoapVersion() instanceof Soap12;
    }

    private static void refuse(Message message, HttpServletResponse response, int status, String text) {
        message.getInterceptorChain().abort();
        try {
            response.setStatus(status);
            if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
                response.setHeader("Allow", "GET, POST");
            }
            response.setContentType("text/plain;charset=UTF-8");
            byte[] body = (text + "\n").getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.flushBuffer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
