package org.clientele.platform.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.clientele.platform.CrmException;
import org.clientele.platform.ItemOutcome;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.common.CrmFaultDetail;
import org.clientele.ws.common.ErrorCode;
import org.clientele.ws.common.ItemError;
import org.clientele.ws.common.ItemResult;

/** Maps domain errors and batch outcomes to the common wire types (CrmFault detail, ItemResult). */
public final class WireErrors {

    private WireErrors() {
    }

    /** The CrmFault detail for a domain failure. */
    public static CrmFaultDetail detail(CrmException e) {
        CrmFaultDetail d = new CrmFaultDetail();
        d.setCode(ErrorCode.fromValue(e.code().name()));
        d.setMessage(e.getMessage());
        d.setField(e.field());
        d.setRetryable(e.code().retryable());
        d.setRetryAfterSeconds(e.retryAfterSeconds());
        return d;
    }

    /** The typed SOAP fault for a domain failure: the one place where CrmFault exceptions are made. */
    public static CrmFault fault(CrmException e) {
        return new CrmFault(e.getMessage(), detail(e));
    }

    /** One ItemResult per outcome, in order, echoing the clientRef of the request item at the same position. */
    public static List<ItemResult> results(List<ItemOutcome> outcomes, List<String> clientRefs) {
        List<ItemResult> results = new ArrayList<>(outcomes.size());
        for (int i = 0; i < outcomes.size(); i++) {
            ItemOutcome o = outcomes.get(i);
            ItemResult r = new ItemResult();
            r.setClientRef(clientRefs.get(i));
            r.setSuccess(o.success());
            r.setId(o.id());
            r.setVersion(o.version());
            r.setCreated(o.created());
            if (!o.success()) {
                ItemError e = new ItemError();
                e.setCode(ErrorCode.fromValue(o.errorCode().name()));
                e.setMessage(o.message());
                e.setField(o.field());
                r.getError().add(e);
            }
            results.add(r);
        }
        return results;
    }

    /**
     * Fills a batch response with one ItemResult per outcome, echoing the clientRef of the request item at the same
     * position, and returns it.
     */
    public static <R, I> R results(R response, Function<R, List<ItemResult>> results, List<ItemOutcome> outcomes,
                                   List<I> items, Function<I, String> clientRef) {
        results.apply(response).addAll(results(outcomes, items.stream().map(clientRef).toList()));
        return response;
    }

    /** The ItemError for a lookup that found nothing. */
    public static ItemError notFound(String message) {
        ItemError e = new ItemError();
        e.setCode(ErrorCode.NOT_FOUND);
        e.setMessage(message);
        return e;
    }
}
