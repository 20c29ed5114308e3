package org.clientele.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ProgressTest {
    @Test
    void barShowsRowsPercentRateAndEta() {
        assertEquals("[======>                       ] imported 4,000/20,000 rows  20%  2,000 rows/s  ETA 0:08  elapsed 0:02",
                Progress.line("imported", 4_000, 20_000, 2.0, true));
    }

    @Test
    void logLineHasNoBarAndNoEtaWhenDone() {
        assertEquals("imported 20,000/20,000 rows 100%  1,000 rows/s  ETA -  elapsed 0:20",
                Progress.line("imported", 20_000, 20_000, 20.0, false));
    }
}
