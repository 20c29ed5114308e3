package org.clientele.platform.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Fault texts lose class and package names; Clientele's own texts pass unchanged. */
class FaultScrubbingOutInterceptorTest {

    @Test
    void theParsersLazyExceptionLosesItsClassName() {
        assertEquals("Illegal character entity: expansion character (code 0x0) at [row,col {unknown-source}]: [1,523]",
                FaultScrubbingOutInterceptor.scrub("com.ctc.wstx.exc.WstxLazyException: Illegal character entity: "
                        + "expansion character (code 0x0) at [row,col {unknown-source}]: [1,523]"));
    }

    @Test
    void aStackTraceIsCutToItsFirstLine() {
        assertEquals("Unexpected EOF in prolog",
                FaultScrubbingOutInterceptor.scrub("java.io.IOException: Unexpected EOF in prolog\n\tat org.apache.cxf.X.y(X.java:12)"));
    }

    @Test
    void whatStaysInternalBecomesTheGenericText() {
        assertEquals(FaultScrubbingOutInterceptor.GENERIC, FaultScrubbingOutInterceptor.scrub("java.lang.NullPointerException"));
        assertEquals(FaultScrubbingOutInterceptor.GENERIC,
                FaultScrubbingOutInterceptor.scrub("could not execute statement: insert into customer (id) values (?)"));
        assertEquals(FaultScrubbingOutInterceptor.GENERIC, FaultScrubbingOutInterceptor.scrub(null));
    }

    @Test
    void clienteleTextsAreUnchanged() {
        for (String text : new String[] {"Customer 12 does not exist", "A batch holds at most 200 items",
                "Unmarshalling Error: cvc-pattern-valid: Value 'xx' is not facet-valid with respect to pattern '[A-Z]{2}'",
                "JBWS024057: Failed Authentication : Subject has not been created"}) {
            assertEquals(text, FaultScrubbingOutInterceptor.scrub(text));
        }
    }
}
