package org.clientele.testhooks;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import org.clientele.sync.SequencerWork;

/**
 * Test deployment only (never in the production WAR): {@code /clientele/it-hooks/...} lets integration tests
 * release a {@link Barriers barrier}, ask how many requests reached one, run the change-feed purge now
 * (the server runs it once an hour) with the cutoff the test gives, as a tiny retention would, and read what the
 * {@link RecordingChangeListener} received.
 */
@WebServlet("/it-hooks/*")
public class HookServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Inject
    transient SequencerWork sequencer;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = String.valueOf(request.getPathInfo());
        String token = request.getParameter("token");
        String answer;
        switch (path) {
            case "/release" -> {
                Barriers.release(token);
                answer = "released";
            }
            case "/arrived" -> answer = Integer.toString(Barriers.arrived(token));
            case "/listener-log" -> answer = RecordingChangeListener.read(safe(request.getParameter("key")) + ".log");
            case "/listener-auth" -> answer = RecordingChangeListener.read(safe(request.getParameter("key")) + ".auth");
            case "/listener-calls" -> answer = Integer.toString(RecordingChangeListener.calls(safe(request.getParameter("key"))));
            case "/purge-changes" -> answer = Long.toString(sequencer.purgeBefore(Instant.parse(request.getParameter("before"))));
            default -> {
                response.sendError(HttpServletResponse.SC_NOT_FOUND, path);
                return;
            }
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }

    private static String safe(String key) {
        if (key == null || !key.matches("[A-Za-z0-9-]{1,64}")) {
            throw new IllegalArgumentException("key must be letters, digits and dashes");
        }
        return key;
    }
}
