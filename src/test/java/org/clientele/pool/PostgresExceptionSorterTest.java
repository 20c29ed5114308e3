package org.clientele.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class PostgresExceptionSorterTest {

    private final PostgresExceptionSorter sorter = new PostgresExceptionSorter();

    @ParameterizedTest(name = "SQLSTATE {0} ends the connection: {1}")
    @CsvSource({
        // what the driver says after PostgreSQL ended the backend (restart, failover, pg_terminate_backend)
        "57P01, true", "57P02, true", "57P03, true", "08003, true", "08006, true", "08001, true", "08P01, true",
        // refusals of a statement on a healthy connection: the connection goes back to the pool
        "23505, false", "40001, false", "40P01, false", "55P03, false", "57014, false", "53300, false", "42P01, false"})
    void onlyConnectionLossIsFatal(String state, boolean fatal) {
        assertEquals(fatal, sorter.isExceptionFatal(new SQLException("server said so", state)));
    }

    @Test
    void aStatelessExceptionIsNotFatal() {
        assertEquals(false, sorter.isExceptionFatal(new SQLException("no state")));
    }

    @Test
    void aFatalStateFurtherDownTheChainCounts() {
        // a batch reports the statement's failure first and the connection's in the next exception
        SQLException batch = new SQLException("Batch entry 0 was aborted", "25P02");
        batch.setNextException(new SQLException("terminating connection due to administrator command", "57P01"));
        assertTrue(sorter.isExceptionFatal(batch));
    }
}
