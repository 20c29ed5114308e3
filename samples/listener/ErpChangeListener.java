package com.example.erp;

import jakarta.jws.WebService;
import org.clientele.ws.listener.ChangeListenerPortType;
import org.clientele.ws.listener.NotifyChanges;
import org.clientele.ws.listener.NotifyChangesResponse;
import org.clientele.ws.sync.Change;

/**
 * A subscriber's ChangeListener: the smallest complete implementation of wsdl/ChangeListener.wsdl, as an ERP team
 * would deploy it (any Jakarta EE server, e.g. WildFly, publishes it at /<context>/ChangeListener). The service
 * interface and the request/response classes are generated from the WSDL (Clientele's build generates them into
 * the packages imported here; `wsimport -p ...` or CXF `wsdl2java` do the same for an ERP's own build).
 *
 * <p>The two rules a listener keeps: apply the changes in order, and remember the last sequence applied, durably,
 * in the same transaction as the changes. Clientele delivers at least once: a page whose acknowledgement was lost
 * comes again, so changes at or below the remembered sequence are skipped. Answer with the last sequence applied;
 * throw (a SOAP fault) when nothing could be applied, and Clientele sends the same page again after a delay.
 */
@WebService(serviceName = "ChangeListener", portName = "ChangeListenerSoap11",
        targetNamespace = "urn:clientele:crm:listener:v1",
        wsdlLocation = "WEB-INF/wsdl/ChangeListener.wsdl",
        endpointInterface = "org.clientele.ws.listener.ChangeListenerPortType")
public class ErpChangeListener implements ChangeListenerPortType {

    /** Where the ERP keeps the last applied sequence per subscription; a table in its own database in real life. */
    private final java.util.Map<Long, Long> applied = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public NotifyChangesResponse notifyChanges(NotifyChanges page) {
        long last = applied.getOrDefault(page.getSubscriptionId(), Long.MIN_VALUE);
        for (Change change : page.getChange()) {
            if (change.getSequence() <= last) {
                continue; // a redelivery: already applied
            }
            apply(change); // e.g. re-read the customer with getCustomers and update the ERP's master record
            last = change.getSequence();
        }
        applied.put(page.getSubscriptionId(), last);
        NotifyChangesResponse ack = new NotifyChangesResponse();
        ack.setLastProcessedSequence(last);
        return ack;
    }

    private void apply(Change change) {
        System.out.printf("%d %s %s %d v%d%n", change.getSequence(), change.getOperation(), change.getEntityType(),
                change.getEntityId(), change.getEntityVersion());
    }
}
