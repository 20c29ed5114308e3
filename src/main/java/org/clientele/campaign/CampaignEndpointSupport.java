package org.clientele.campaign;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.xml.ws.WebServiceContext;
import java.util.List;
import java.util.function.Function;
import org.clientele.platform.Page;
import org.clientele.platform.AuditLog;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Failures;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.ws.Callers;
import org.clientele.platform.ws.IdempotentCalls;
import org.clientele.platform.ws.WireErrors;
import org.clientele.ws.campaign.AddCampaignMembers;
import org.clientele.ws.campaign.AddCampaignMembersResponse;
import org.clientele.ws.campaign.CampaignChange;
import org.clientele.ws.campaign.CampaignLookup;
import org.clientele.ws.campaign.CampaignPortType;
import org.clientele.ws.campaign.CreateCampaigns;
import org.clientele.ws.campaign.CreateCampaignsResponse;
import org.clientele.ws.campaign.CrmFault;
import org.clientele.ws.campaign.FindCampaigns;
import org.clientele.ws.campaign.FindCampaignsResponse;
import org.clientele.ws.campaign.GetCampaignStatistics;
import org.clientele.ws.campaign.GetCampaignStatisticsResponse;
import org.clientele.ws.campaign.GetCampaigns;
import org.clientele.ws.campaign.GetCampaignsResponse;
import org.clientele.ws.campaign.MemberRef;
import org.clientele.ws.campaign.NewCampaign;
import org.clientele.ws.campaign.NewResponse;
import org.clientele.ws.campaign.RecordCampaignResponses;
import org.clientele.ws.campaign.RecordCampaignResponsesResponse;
import org.clientele.ws.campaign.RemoveCampaignMembers;
import org.clientele.ws.campaign.RemoveCampaignMembersResponse;
import org.clientele.ws.campaign.UpdateCampaigns;
import org.clientele.ws.campaign.UpdateCampaignsResponse;

/**
 * The SOAP adapter of CampaignService, shared by its SOAP 1.1 and SOAP 1.2 ports: it maps the request to the
 * domain, delegates to the campaign services ({@link CampaignWrites}, {@link CampaignReads}, {@link CampaignMembers}) under the request's idempotency key, maps the result back, audits
 * mutating calls, and turns every failure into a typed CrmFault.
 */
public abstract class CampaignEndpointSupport implements CampaignPortType {

    @Resource
    WebServiceContext context;

    @Inject
    CampaignWrites writes;

    @Inject
    CampaignReads reads;

    @Inject
    CampaignMembers members;

    @Inject
    AuditLog audit;

    @Inject
    IdempotentCalls idempotent;

    @Override
    public CreateCampaignsResponse createCampaigns(CreateCampaigns request) throws CrmFault {
        return mutation("createCampaigns", caller -> {
            List<CampaignDraft> drafts = request.getCampaign().stream().map(c -> CampaignMapper.draft(c.getData())).toList();
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "createCampaigns", request,
                    c -> writes.create(c, drafts, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "createCampaigns", outcomes);
            CreateCampaignsResponse response = new CreateCampaignsResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getCampaign().stream().map(NewCampaign::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public UpdateCampaignsResponse updateCampaigns(UpdateCampaigns request) throws CrmFault {
        return mutation("updateCampaigns", caller -> {
            List<CampaignWrites.Change> changes = request.getCampaign().stream()
                    .map(c -> new CampaignWrites.Change(c.getId(), c.getExpectedVersion(), CampaignMapper.draft(c.getData()))).toList();
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "updateCampaigns", request,
                    c -> writes.update(c, changes, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "updateCampaigns", outcomes);
            UpdateCampaignsResponse response = new UpdateCampaignsResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getCampaign().stream().map(CampaignChange::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public GetCampaignsResponse getCampaigns(GetCampaigns request) throws CrmFault {
        return read(caller -> {
            GetCampaignsResponse response = new GetCampaignsResponse();
            for (CampaignReads.Lookup l : reads.get(caller, request.getId())) {
                CampaignLookup wire = new CampaignLookup();
                wire.setId(l.id());
                if (l.campaign() != null) {
                    wire.setCampaign(CampaignMapper.toWire(l.campaign()));
                } else {
                    wire.setError(WireErrors.notFound("Campaign " + l.id() + " does not exist"));
                }
                response.getLookup().add(wire);
            }
            return response;
        });
    }

    @Override
    public FindCampaignsResponse findCampaigns(FindCampaigns request) throws CrmFault {
        return read(caller -> {
            CampaignQuery query = new CampaignQuery(request.getNameContains(), CampaignMapper.status(request.getStatus()),
                    CampaignMapper.channel(request.getChannel()), CampaignMapper.date(request.getActiveFrom()),
                    CampaignMapper.date(request.getActiveTo()));
            Page<Campaign> page = reads.find(caller, query, request.getPageSize(), request.getPageToken());
            FindCampaignsResponse response = new FindCampaignsResponse();
            page.items().forEach(c -> response.getCampaign().add(CampaignMapper.toWire(c)));
            response.setNextPageToken(page.nextPageToken());
            return response;
        });
    }

    @Override
    public AddCampaignMembersResponse addCampaignMembers(AddCampaignMembers request) throws CrmFault {
        return mutation("addCampaignMembers", caller -> {
            List<CampaignMembers.MemberKey> members = request.getMember().stream().map(CampaignMapper::member).toList();
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "addCampaignMembers", request,
                    c -> this.members.add(c, members, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "addCampaignMembers", outcomes);
            AddCampaignMembersResponse response = new AddCampaignMembersResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getMember().stream().map(MemberRef::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public RemoveCampaignMembersResponse removeCampaignMembers(RemoveCampaignMembers request) throws CrmFault {
        return mutation("removeCampaignMembers", caller -> {
            List<CampaignMembers.MemberKey> members = request.getMember().stream().map(CampaignMapper::member).toList();
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "removeCampaignMembers", request,
                    c -> this.members.remove(c, members, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "removeCampaignMembers", outcomes);
            RemoveCampaignMembersResponse response = new RemoveCampaignMembersResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getMember().stream().map(MemberRef::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public RecordCampaignResponsesResponse recordCampaignResponses(RecordCampaignResponses request) throws CrmFault {
        return mutation("recordCampaignResponses", caller -> {
            List<CampaignMembers.ResponseDraft> drafts = request.getResponse().stream().map(CampaignMapper::response).toList();
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "recordCampaignResponses", request,
                    c -> this.members.recordResponses(c, drafts, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "recordCampaignResponses", outcomes);
            RecordCampaignResponsesResponse response = new RecordCampaignResponsesResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getResponse().stream().map(NewResponse::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public GetCampaignStatisticsResponse getCampaignStatistics(GetCampaignStatistics request) throws CrmFault {
        return read(caller -> {
            CampaignReads.Statistics s = reads.statistics(caller, request.getCampaignId(),
                    Boolean.TRUE.equals(request.isIncludeChildren()));
            GetCampaignStatisticsResponse response = new GetCampaignStatisticsResponse();
            response.setStatistics(CampaignMapper.toWire(s));
            return response;
        });
    }

    private <T> T read(Function<Caller, T> body) throws CrmFault {
        try {
            return body.apply(Callers.of(context));
        } catch (RuntimeException e) {
            throw fault(Failures.classify(e));
        }
    }

    private <T> T mutation(String operation, Function<Caller, T> body) throws CrmFault {
        Caller caller;
        try {
            caller = Callers.of(context);
        } catch (RuntimeException e) {
            throw fault(Failures.classify(e));
        }
        try {
            return body.apply(caller);
        } catch (RuntimeException e) {
            CrmException failure = Failures.classify(e);
            if (failure.code() != ErrorCode.UNAVAILABLE) {
                try {
                    audit.refused(caller, operation, failure);
                } catch (RuntimeException auditFailure) {
                    // the client must still get the original fault; the audit failure is logged by the container
                }
            }
            throw fault(failure);
        }
    }

    private static CrmFault fault(CrmException e) {
        return new CrmFault(e.getMessage(), WireErrors.detail(e));
    }
}
