package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Proves what a {@link Redo} carries to the SOAP edge: the decided outcomes, unchangeable, or none for a precise run. */
class RedoTest {

    @Test
    void theDecidedOutcomesAreACopyNothingCanChangeAfterwards() {
        ItemOutcome failed = ItemOutcome.failed(CrmException.notFound("Customer", 7));
        List<ItemOutcome> outcomes = new ArrayList<>(List.of(ItemOutcome.rolledBack(2), failed));

        Redo redo = Redo.withOutcomes(outcomes);
        outcomes.set(1, ItemOutcome.applied(7, 1));

        assertEquals(List.of(ItemOutcome.rolledBack(2), failed), redo.outcomes());
        assertThrows(UnsupportedOperationException.class, () -> redo.outcomes().add(ItemOutcome.applied(8, 1)));
    }

    @Test
    void aPreciseRedoCarriesNoOutcomes() {
        assertNull(Redo.precisely().outcomes());
    }

    @Test
    void aRedoIsASignalWithoutMessageCauseOrStackTrace() {
        Redo redo = Redo.precisely();

        assertNull(redo.getMessage());
        assertNull(redo.getCause());
        assertEquals(0, redo.getStackTrace().length);
    }
}
