package org.clientele.platform.xml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

/** Proves xs:dateTime values are read with and without an offset (then as UTC) and written with their offset. */
class OffsetDateTimeAdapterTest {
    private final OffsetDateTimeAdapter adapter = new OffsetDateTimeAdapter();

    @Test
    void readsAValueWithAnOffset() {
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2)),
                adapter.unmarshal("2026-01-02T03:04:05+02:00"));
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHoursMinutes(-5, -30)),
                adapter.unmarshal("2026-01-02T03:04:05-05:30"));
    }

    @Test
    void readsZuluAsUtc() {
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_000_000, ZoneOffset.UTC),
                adapter.unmarshal("2026-01-02T03:04:05.123Z"));
    }

    @Test
    void readsAValueWithoutOffsetAsUtc() {
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), adapter.unmarshal("2026-01-02T03:04:05"));
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_789, ZoneOffset.UTC),
                adapter.unmarshal("2026-01-02T03:04:05.123456789"));
    }

    @Test
    void toleratesSurroundingWhitespace() {
        // xs:dateTime is whitespace-collapsed, so a pretty-printed element may carry blanks and line breaks
        assertEquals(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC), adapter.unmarshal("\n  2026-01-02T03:04:05Z  \n"));
    }

    @Test
    void nullStaysNull() {
        assertNull(adapter.unmarshal(null));
        assertNull(adapter.marshal(null));
    }

    @Test
    void refusesWhatIsNoDateTime() {
        assertThrows(DateTimeParseException.class, () -> adapter.unmarshal("yesterday"));
        assertThrows(DateTimeParseException.class, () -> adapter.unmarshal("2026-01-02"));
        assertThrows(DateTimeParseException.class, () -> adapter.unmarshal("2026-13-02T03:04:05Z"));
    }

    @Test
    void writesTheOffset() {
        assertEquals("2026-01-02T03:04:05+02:00",
                adapter.marshal(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.ofHours(2))));
        assertEquals("2026-01-02T03:04:05Z", adapter.marshal(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 0, ZoneOffset.UTC)));
    }

    @Test
    void writesSecondsAndFractionsAsXsDateTime() {
        assertEquals("2026-01-02T03:04:00Z", adapter.marshal(OffsetDateTime.of(2026, 1, 2, 3, 4, 0, 0, ZoneOffset.UTC)));
        assertEquals("2026-01-02T03:04:05.5Z",
                adapter.marshal(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 500_000_000, ZoneOffset.UTC)));
        assertEquals("2026-01-02T03:04:05.123456Z",
                adapter.marshal(OffsetDateTime.of(2026, 1, 2, 3, 4, 5, 123_456_000, ZoneOffset.UTC)));
    }

    @Test
    void roundTrips() {
        OffsetDateTime t = OffsetDateTime.of(2026, 7, 8, 9, 10, 11, 120_000_000, ZoneOffset.ofHours(-7));
        assertEquals(t, adapter.unmarshal(adapter.marshal(t)));
    }
}
