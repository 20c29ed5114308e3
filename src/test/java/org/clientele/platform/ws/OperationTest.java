package org.clientele.platform.ws;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Role;
import org.junit.jupiter.api.Test;

/** The operation table's role rule, as the SOAP edge applies it: crm-admin and the listed roles only. */
class OperationTest {
    private static final Operation GET_CHANGES = Operation.read("getChanges", Role.INTEGRATION, Role.READONLY);

    private static void check(Operation op, Role... roles) {
        new Caller("u", Set.of(roles), null, null).require(op.name(), op.roles().toArray(Role[]::new));
    }

    @Test
    void listedRolesAndAdminMayCall() {
        assertDoesNotThrow(() -> check(GET_CHANGES, Role.INTEGRATION));
        assertDoesNotThrow(() -> check(GET_CHANGES, Role.READONLY));
        assertDoesNotThrow(() -> check(GET_CHANGES, Role.ADMIN));
        assertDoesNotThrow(() -> check(GET_CHANGES, Role.AGENT, Role.READONLY));
    }

    @Test
    void otherRolesAndNoRoleAreRefused() {
        for (Role[] roles : new Role[][] {{Role.AGENT}, {Role.MARKETING}, {}}) {
            CrmException refused = assertThrows(CrmException.class, () -> check(GET_CHANGES, roles));
            assertEquals(ErrorCode.NOT_AUTHORIZED, refused.code());
            assertTrue(refused.getMessage().contains("getChanges"));
        }
    }

    @Test
    void readsAndWritesAreTold() {
        assertFalse(GET_CHANGES.writes());
        assertTrue(Operation.write("createCustomers", Role.INTEGRATION).writes());
    }
}
