package org.clientele.status;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /clientele/ready}: the load balancer's readiness check. Answers 200 "ready" once Clientele is deployed
 * (WildFly serves the context only after every endpoint of the WAR has started) and 503 while the server is suspended
 * or shutting down (WildFly answers that itself). It touches no database on purpose: during a database outage the
 * nodes stay in rotation and answer CrmFault UNAVAILABLE, retryable, which SOAP clients understand. The answer is six
 * bytes, written before a balancer that stops reading after the status line closes the connection; a WSDL as the
 * check was cut off mid-write under load and logged a stack trace per check.
 */
public class ReadinessServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final byte[] READY = "ready\n".getBytes(StandardCharsets.US_ASCII);

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("text/plain;charset=US-ASCII");
        response.setHeader("Cache-Control", "no-store");
        response.setContentLength(READY.length);
        response.getOutputStream().write(READY);
    }
}
