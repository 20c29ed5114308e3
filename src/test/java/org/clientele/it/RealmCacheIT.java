package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.xml.ws.soap.SOAPFaultException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.customer.CreateCustomers;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerPortType;
import org.clientele.ws.customer.GetCustomers;
import org.clientele.ws.customer.NewCustomer;
import org.junit.jupiter.api.Test;

/**
 * Identities are served from Elytron's caching realm (deploy/configure-security.cli); this proves that a password
 * or role change made with the operators' script, deploy/add-api-user.sh, applies to the very next request although
 * the old password and roles were cached a moment before.
 */
class RealmCacheIT {
    private static final String JBOSS_HOME = System.getProperty("clientele.jboss.home", "");
    private static final String CONTROLLER = System.getProperty("clientele.management", "127.0.0.1:9990");

    @Test
    void passwordAndRoleChangesApplyToTheNextRequest() throws Exception {
        String user = "it-rotate-" + UUID.randomUUID().toString().substring(0, 8);
        String first = "first-" + UUID.randomUUID();
        String second = "second-" + UUID.randomUUID();
        addApiUser(user, first, "crm-readonly");

        CustomerPortType withFirst = Clientele.customers(user, first, "/clientele/CustomerService");
        for (int i = 0; i < 3; i++) { // the identity is in the cache now
            assertEquals(1, withFirst.getCustomers(lookup()).getLookup().size());
        }
        CrmFault refused = assertThrows(CrmFault.class, () -> withFirst.createCustomers(create(user)));
        assertEquals(ErrorCode.NOT_AUTHORIZED, refused.getFaultInfo().getCode());

        addApiUser(user, second, "crm-integration");

        assertThrows(SOAPFaultException.class, () -> withFirst.getCustomers(lookup()),
                "the old password must stop working at once");
        CustomerPortType withSecond = Clientele.customers(user, second, "/clientele/CustomerService");
        assertEquals(1, withSecond.getCustomers(lookup()).getLookup().size());
        assertTrue(withSecond.createCustomers(create(user)).getResult().get(0).isSuccess(),
                "the new role must apply at once");
    }

    private static void addApiUser(String user, String password, String roles) throws IOException, InterruptedException {
        Path script = Path.of("deploy/add-api-user.sh").toAbsolutePath();
        assertTrue(Files.isDirectory(Path.of(JBOSS_HOME)), "clientele.jboss.home must name the test server: " + JBOSS_HOME);
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString(), JBOSS_HOME, user, "-", roles).redirectErrorStream(true);
        builder.environment().put("CONTROLLER", CONTROLLER);
        Process p = builder.start();
        p.getOutputStream().write((password + "\n").getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "add-api-user.sh did not finish");
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), out);
    }

    private static GetCustomers lookup() {
        GetCustomers request = new GetCustomers();
        request.getId().add(Long.MAX_VALUE);
        return request;
    }

    private static CreateCustomers create(String user) {
        CustomerData data = new CustomerData();
        data.setKind(CustomerKind.PERSON);
        data.setName("RealmCacheIT " + user);
        NewCustomer item = new NewCustomer();
        item.setData(data);
        CreateCustomers request = new CreateCustomers();
        request.getCustomer().add(item);
        return request;
    }
}
