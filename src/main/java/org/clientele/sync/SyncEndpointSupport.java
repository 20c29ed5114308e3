package org.clientele.sync;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.xml.ws.WebServiceContext;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.clientele.platform.Failures;
import org.clientele.platform.ws.Callers;
import org.clientele.platform.ws.WireErrors;
import org.clientele.ws.sync.Change;
import org.clientele.ws.sync.CrmFault;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetChangesResponse;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.GetLatestCursorResponse;
import org.clientele.ws.sync.Operation;
import org.clientele.ws.sync.SyncPortType;

/** The SOAP adapter of SyncService, shared by its SOAP 1.1 and SOAP 1.2 ports. */
public abstract class SyncEndpointSupport implements SyncPortType {

    @Resource
    WebServiceContext context;

    @Inject
    SyncService service;

    @Override
    public GetChangesResponse getChanges(GetChanges request) throws CrmFault {
        try {
            Set<ChangeRecord.EntityType> types = EnumSet.noneOf(ChangeRecord.EntityType.class);
            for (EntityType t : request.getEntityType()) {
                types.add(ChangeRecord.EntityType.valueOf(t.name()));
            }
            SyncService.Feed feed = service.changes(Callers.of(context), request.getCursor(), types,
                    request.getMaxChanges(), Boolean.TRUE.equals(request.isIncludeSnapshots()));
            GetChangesResponse response = new GetChangesResponse();
            for (ChangeRecord r : feed.changes()) {
                response.getChange().add(toWire(r, feed));
            }
            response.setNextCursor(feed.nextCursor());
            response.setHasMore(feed.hasMore());
            return response;
        } catch (RuntimeException e) {
            var failure = Failures.classify(e);
            throw new CrmFault(failure.getMessage(), WireErrors.detail(failure));
        }
    }

    @Override
    public GetLatestCursorResponse getLatestCursor(GetLatestCursor request) throws CrmFault {
        try {
            Map.Entry<String, Long> latest = service.latestCursor(Callers.of(context));
            GetLatestCursorResponse response = new GetLatestCursorResponse();
            response.setCursor(latest.getKey());
            response.setSequence(latest.getValue());
            return response;
        } catch (RuntimeException e) {
            var failure = Failures.classify(e);
            throw new CrmFault(failure.getMessage(), WireErrors.detail(failure));
        }
    }

    private static Change toWire(ChangeRecord r, SyncService.Feed feed) {
        Change c = new Change();
        c.setSequence(r.getSequence());
        c.setEntityType(EntityType.valueOf(r.getEntityType().name()));
        c.setEntityId(r.getEntityId());
        c.setOperation(Operation.valueOf(r.getOperation().name()));
        c.setEntityVersion(r.getEntityVersion());
        c.setMergedInto(r.getMergedInto());
        c.setChangedAt(r.getChangedAt().atOffset(ZoneOffset.UTC));
        c.setPrincipal(r.getPrincipal());
        c.setClientSystem(r.getClientSystem());
        c.setCorrelationId(r.getCorrelationId());
        var snapshot = feed.snapshotOf(r);
        if (snapshot != null) {
            snapshot.accept(c);
        }
        return c;
    }
}
