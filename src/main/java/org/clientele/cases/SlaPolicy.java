package org.clientele.cases;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The SLA targets per priority: how long after opening a case its first response and its resolution are due.
 * Defaults: URGENT 1 h / 4 h, HIGH 4 h / 1 d, MEDIUM 1 d / 3 d, LOW 2 d / 5 d; each can be changed with a system
 * property {@code clientele.sla.<PRIORITY>=<first response>/<resolution>} in ISO-8601 durations, e.g.
 * {@code clientele.sla.URGENT=PT30M/PT2H}.
 */
public final class SlaPolicy {
    public static final String PROPERTY_PREFIX = "clientele.sla.";

    /** The two targets of one priority. */
    public record Targets(Duration firstResponse, Duration resolution) {
    }

    private static final Map<SupportCase.Priority, Targets> DEFAULTS = Map.of(
            SupportCase.Priority.URGENT, new Targets(Duration.ofHours(1), Duration.ofHours(4)),
            SupportCase.Priority.HIGH, new Targets(Duration.ofHours(4), Duration.ofDays(1)),
            SupportCase.Priority.MEDIUM, new Targets(Duration.ofDays(1), Duration.ofDays(3)),
            SupportCase.Priority.LOW, new Targets(Duration.ofDays(2), Duration.ofDays(5)));

    private final Map<SupportCase.Priority, Targets> targets;

    private SlaPolicy(Map<SupportCase.Priority, Targets> targets) {
        this.targets = new EnumMap<>(targets);
    }

    /** The default targets. */
    public static SlaPolicy defaults() {
        return new SlaPolicy(DEFAULTS);
    }

    /** The targets from {@code clientele.sla.*} properties over the defaults; IllegalArgumentException names a bad one. */
    public static SlaPolicy from(Properties properties) {
        Map<SupportCase.Priority, Targets> t = new EnumMap<>(DEFAULTS);
        for (String name : properties.stringPropertyNames()) {
            if (!name.startsWith(PROPERTY_PREFIX)) {
                continue;
            }
            String p = name.substring(PROPERTY_PREFIX.length());
            SupportCase.Priority priority;
            try {
                priority = SupportCase.Priority.valueOf(p);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("System property " + name + ": unknown priority " + p
                        + "; use clientele.sla.LOW, MEDIUM, HIGH or URGENT");
            }
            t.put(priority, parse(name, properties.getProperty(name)));
        }
        return new SlaPolicy(t);
    }

    /** The targets from the JVM's system properties. */
    public static SlaPolicy fromSystemProperties() {
        return from(System.getProperties());
    }

    static Targets parse(String name, String value) {
        String hint = "System property " + name + "=" + value + " is not valid: expected <first response>/<resolution>"
                + " as positive ISO-8601 durations with the first response not after the resolution, e.g. PT1H/PT4H";
        String[] parts = value == null ? new String[0] : value.trim().split("/", -1);
        if (parts.length != 2) {
            throw new IllegalArgumentException(hint);
        }
        try {
            Duration first = Duration.parse(parts[0].trim());
            Duration resolution = Duration.parse(parts[1].trim());
            if (first.isNegative() || first.isZero() || resolution.isNegative() || resolution.isZero()
                    || first.compareTo(resolution) > 0) {
                throw new IllegalArgumentException(hint);
            }
            return new Targets(first, resolution);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(hint);
        }
    }

    public Targets targets(SupportCase.Priority priority) {
        return targets.get(priority);
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (SupportCase.Priority p : SupportCase.Priority.values()) {
            Targets t = targets.get(p);
            b.append(b.length() == 0 ? "" : ", ").append(p).append(' ').append(t.firstResponse()).append('/').append(t.resolution());
        }
        return b.toString();
    }
}
