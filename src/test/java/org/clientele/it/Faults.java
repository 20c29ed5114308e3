package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.junit.jupiter.api.function.Executable;

/**
 * Asserts the declared CrmFault of a SOAP call by its detail ({@code getFaultInfo()}), whichever generated
 * exception class carries it, so these tests do not depend on the package the fault class is generated into.
 */
final class Faults {
    private Faults() {
    }

    /** Runs the call, which must fail with a CrmFault of the given code; returns its detail. */
    static CrmFaultDetail expect(ErrorCode code, Executable call) {
        CrmFaultDetail detail = detailOf(call);
        assertEquals(code, detail.getCode(), detail.getMessage());
        return detail;
    }

    static CrmFaultDetail detailOf(Executable call) {
        try {
            call.execute();
        } catch (Throwable t) {
            if (t.getClass().getSimpleName().equals("CrmFault")) {
                try {
                    return (CrmFaultDetail) t.getClass().getMethod("getFaultInfo").invoke(t);
                } catch (ReflectiveOperationException e) {
                    throw new AssertionError("cannot read the CrmFault detail", e);
                }
            }
            throw new AssertionError("expected a CrmFault, got " + t, t);
        }
        return fail("expected a CrmFault, the call succeeded");
    }
}
