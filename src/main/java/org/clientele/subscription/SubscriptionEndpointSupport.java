package org.clientele.subscription;

import jakarta.inject.Inject;
import java.util.List;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Role;
import org.clientele.platform.ws.Operation;
import org.clientele.platform.ws.SoapEdge;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.subscription.CreateSubscription;
import org.clientele.ws.subscription.CreateSubscriptionResponse;
import org.clientele.ws.subscription.DeleteSubscriptionResponse;
import org.clientele.ws.subscription.ListSubscriptions;
import org.clientele.ws.subscription.ListSubscriptionsResponse;
import org.clientele.ws.subscription.PauseSubscriptionResponse;
import org.clientele.ws.subscription.ResumeSubscriptionResponse;
import org.clientele.ws.subscription.SubscriptionPortType;
import org.clientele.ws.subscription.SubscriptionRef;

/** The SOAP adapter of SubscriptionService, shared by its SOAP 1.1 and SOAP 1.2 ports; every operation is crm-admin's. */
public abstract class SubscriptionEndpointSupport implements SubscriptionPortType {
    static final Operation CREATE = Operation.write("createSubscription", Role.ADMIN);
    static final Operation LIST = Operation.read("listSubscriptions", Role.ADMIN);
    static final Operation PAUSE = Operation.write("pauseSubscription", Role.ADMIN);
    static final Operation RESUME = Operation.write("resumeSubscription", Role.ADMIN);
    static final Operation DELETE = Operation.write("deleteSubscription", Role.ADMIN);

    @Inject
    SoapEdge edge;

    @Inject
    Subscriptions subscriptions;

    @Override
    public CreateSubscriptionResponse createSubscription(CreateSubscription request) throws CrmFault {
        return edge.write(CREATE, request, c -> List.of(subscriptions.create(c, SubscriptionMapper.draft(request.getSubscription()),
                request.getStartCursor())), o -> created(view(o)), SubscriptionEndpointSupport::id);
    }

    @Override
    public ListSubscriptionsResponse listSubscriptions(ListSubscriptions request) throws CrmFault {
        return edge.read(LIST, c -> listed(subscriptions.list(), subscriptions.latestSequence()));
    }

    @Override
    public PauseSubscriptionResponse pauseSubscription(SubscriptionRef request) throws CrmFault {
        return edge.write(PAUSE, request, c -> List.of(subscriptions.pause(request.getId(), request.getExpectedVersion())),
                o -> paused(view(o)), SubscriptionEndpointSupport::id);
    }

    @Override
    public ResumeSubscriptionResponse resumeSubscription(SubscriptionRef request) throws CrmFault {
        return edge.write(RESUME, request, c -> List.of(subscriptions.resume(request.getId(), request.getExpectedVersion())),
                o -> resumed(view(o)), SubscriptionEndpointSupport::id);
    }

    @Override
    public DeleteSubscriptionResponse deleteSubscription(SubscriptionRef request) throws CrmFault {
        return edge.write(DELETE, request, c -> List.of(subscriptions.delete(request.getId(), request.getExpectedVersion())),
                o -> deleted(o.get(0).id()), SubscriptionEndpointSupport::id);
    }

    private static String id(List<ItemOutcome> outcomes) {
        return String.valueOf(outcomes.get(0).id());
    }

    private org.clientele.ws.subscription.Subscription view(List<ItemOutcome> outcomes) {
        return SubscriptionMapper.toWire(subscriptions.get(outcomes.get(0).id()), subscriptions.latestSequence());
    }

    private static CreateSubscriptionResponse created(org.clientele.ws.subscription.Subscription s) {
        CreateSubscriptionResponse r = new CreateSubscriptionResponse();
        r.setSubscription(s);
        return r;
    }

    private static ListSubscriptionsResponse listed(List<Subscription> all, long latestSequence) {
        ListSubscriptionsResponse r = new ListSubscriptionsResponse();
        all.forEach(s -> r.getSubscription().add(SubscriptionMapper.toWire(s, latestSequence)));
        return r;
    }

    private static PauseSubscriptionResponse paused(org.clientele.ws.subscription.Subscription s) {
        PauseSubscriptionResponse r = new PauseSubscriptionResponse();
        r.setSubscription(s);
        return r;
    }

    private static ResumeSubscriptionResponse resumed(org.clientele.ws.subscription.Subscription s) {
        ResumeSubscriptionResponse r = new ResumeSubscriptionResponse();
        r.setSubscription(s);
        return r;
    }

    private static DeleteSubscriptionResponse deleted(Long id) {
        DeleteSubscriptionResponse r = new DeleteSubscriptionResponse();
        r.setId(id);
        return r;
    }
}
