package org.clientele.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/** Runs work in a transaction of its own, so a batch can commit or roll back per item or as a whole. */
@ApplicationScoped
public class Transactions {

    /** Runs the work in a new transaction; it commits when the work returns and rolls back when it throws. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
