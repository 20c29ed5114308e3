package org.clientele.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Shows how far a long run is: on a terminal one bar redrawn in place (rows, per cent, rate, ETA), otherwise a plain
 * log line every few seconds, so that logs of scheduled runs stay readable.
 */
public final class Progress implements AutoCloseable {
    private static final int BAR = 30;

    private final String label;
    private final long total;
    private final PrintStream out;
    private final boolean terminal;
    private final AtomicLong done = new AtomicLong();
    private final long started = System.nanoTime();
    private final ScheduledExecutorService ticker;
    private long lastLogged = -1;
    private int lastLength;

    /** @param logSeconds seconds between log lines when not on a terminal */
    public Progress(String label, long total, PrintStream out, boolean terminal, int logSeconds) {
        this.label = label;
        this.total = total;
        this.out = out;
        this.terminal = terminal;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        long period = terminal ? 200 : logSeconds * 1000L;
        ticker.scheduleAtFixedRate(this::draw, period, period, TimeUnit.MILLISECONDS);
    }

    public void advance(long rows) {
        done.addAndGet(rows);
    }

    public long done() {
        return done.get();
    }

    /** The progress line for the given state, e.g. {@code [=====>   ] 4,000/20,000 rows  20%  1,234 rows/s  ETA 0:13}. */
    static String line(String label, long done, long total, double seconds, boolean bar) {
        double rate = seconds > 0 ? done / seconds : 0;
        int percent = total == 0 ? 100 : (int) (done * 100 / total);
        String eta = rate > 0 && done < total ? clock(Math.round((total - done) / rate)) : "-";
        StringBuilder b = new StringBuilder();
        if (bar) {
            int filled = total == 0 ? BAR : (int) (done * BAR / total);
            b.append('[').append("=".repeat(filled));
            if (filled < BAR) {
                b.append('>').append(" ".repeat(BAR - filled - 1));
            }
            b.append("] ");
        }
        b.append(String.format(Locale.ROOT, "%s %,d/%,d rows %3d%%  %,.0f rows/s  ETA %s  elapsed %s", label, done, total,
                percent, rate, eta, clock(Math.round(seconds))));
        return b.toString();
    }

    private static String clock(long seconds) {
        Duration d = Duration.ofSeconds(seconds);
        return d.toHours() > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart())
                : String.format(Locale.ROOT, "%d:%02d", d.toMinutesPart(), d.toSecondsPart());
    }

    private synchronized void draw() {
        long now = done.get();
        String text = line(label, now, total, (System.nanoTime() - started) / 1e9, terminal);
        if (terminal) {
            // pad over the end of a longer earlier line
            out.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
            lastLength = text.length();
            out.flush();
        } else if (now != lastLogged) {
            out.println(text);
            lastLogged = now;
        }
    }

    /** Draws the final state (and ends the terminal line). */
    @Override
    public synchronized void close() {
        ticker.shutdownNow();
        lastLogged = -1;
        draw();
        if (terminal) {
            out.println();
        }
    }
}
