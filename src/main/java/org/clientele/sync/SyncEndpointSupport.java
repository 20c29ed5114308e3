package org.clientele.sync;

import jakarta.inject.Inject;
import org.clientele.platform.Role;
import org.clientele.platform.ws.Operation;
import org.clientele.platform.ws.SoapEdge;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.sync.EntityType;
import org.clientele.ws.sync.GetChanges;
import org.clientele.ws.sync.GetChangesResponse;
import org.clientele.ws.sync.GetLatestCursor;
import org.clientele.ws.sync.GetLatestCursorResponse;
import org.clientele.ws.sync.SyncPortType;

/** The SOAP adapter of SyncService, shared by its SOAP 1.1 and SOAP 1.2 ports. */
public abstract class SyncEndpointSupport implements SyncPortType {

    static final Operation GET_CHANGES = Operation.read("getChanges", Role.INTEGRATION, Role.READONLY);
    static final Operation GET_LATEST_CURSOR = Operation.read("getLatestCursor", Role.INTEGRATION, Role.READONLY);

    @Inject
    SoapEdge edge;

    @Inject
    SyncService service;

    @Override
    public GetChangesResponse getChanges(GetChanges request) throws CrmFault {
        return edge.read(GET_CHANGES, c -> changes(service.changes(c, request.getCursor(), types(request), request.getMaxChanges(),
                Boolean.TRUE.equals(request.isIncludeSnapshots()))));
    }

    @Override
    public GetLatestCursorResponse getLatestCursor(GetLatestCursor request) throws CrmFault {
        return edge.read(GET_LATEST_CURSOR, c -> latest(service.latestCursor(c)));
    }

    private static Set<ChangeRecord.EntityType> types(GetChanges request) {
        Set<ChangeRecord.EntityType> types = EnumSet.noneOf(ChangeRecord.EntityType.class);
        for (EntityType t : request.getEntityType()) {
            types.add(ChangeRecord.EntityType.valueOf(t.name()));
        }
        return types;
    }

    private static GetChangesResponse changes(SyncService.Feed feed) {
        GetChangesResponse response = new GetChangesResponse();
        for (ChangeRecord r : feed.changes()) {
            response.getChange().add(ChangeMapper.toWire(r, feed));
        }
        response.setNextCursor(feed.nextCursor());
        response.setHasMore(feed.hasMore());
        return response;
    }

    private static GetLatestCursorResponse latest(Map.Entry<String, Long> latest) {
        GetLatestCursorResponse response = new GetLatestCursorResponse();
        response.setCursor(latest.getKey());
        response.setSequence(latest.getValue());
        return response;
    }
}
