package org.clientele.campaign;

import jakarta.inject.Inject;
import org.clientele.customer.Page;
import org.clientele.platform.Role;
import org.clientele.platform.ws.Operation;
import org.clientele.platform.ws.SoapEdge;
import org.clientele.platform.ws.WireErrors;
import org.clientele.ws.campaign.AddCampaignMembers;
import org.clientele.ws.campaign.AddCampaignMembersResponse;
import org.clientele.ws.campaign.CampaignChange;
import org.clientele.ws.campaign.CampaignLookup;
import org.clientele.ws.campaign.CampaignPortType;
import org.clientele.ws.campaign.CreateCampaigns;
import org.clientele.ws.campaign.CreateCampaignsResponse;
import org.clientele.ws.common.CrmFault;
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
 * The SOAP adapter of CampaignService, shared by its SOAP 1.1 and SOAP 1.2 ports: each operation is one line that
 * hands the {@link SoapEdge} its entry of the operation table, the domain call and the response mapping.
 */
public abstract class CampaignEndpointSupport implements CampaignPortType {
    private static final Role[] READERS = {Role.MARKETING, Role.INTEGRATION, Role.READONLY};
    static final Operation CREATE = Operation.write("createCampaigns", Role.MARKETING);
    static final Operation UPDATE = Operation.write("updateCampaigns", Role.MARKETING);
    static final Operation GET = Operation.read("getCampaigns", READERS);
    static final Operation FIND = Operation.read("findCampaigns", READERS);
    static final Operation ADD_MEMBERS = Operation.write("addCampaignMembers", Role.MARKETING);
    static final Operation REMOVE_MEMBERS = Operation.write("removeCampaignMembers", Role.MARKETING);
    static final Operation RECORD_RESPONSES = Operation.write("recordCampaignResponses", Role.MARKETING, Role.INTEGRATION);
    static final Operation STATISTICS = Operation.read("getCampaignStatistics", READERS);

    @Inject
    SoapEdge edge;

    @Inject
    CampaignService service;

    @Override
    public CreateCampaignsResponse createCampaigns(CreateCampaigns request) throws CrmFault {
        return edge.write(CREATE, request, c -> service.create(c, request.getCampaign().stream().map(n -> CampaignMapper.draft(n.getData())).toList(),
                all(request.isAllOrNone())), o -> WireErrors.results(new CreateCampaignsResponse(), CreateCampaignsResponse::getResult, o,
                request.getCampaign(), NewCampaign::getClientRef));
    }

    @Override
    public UpdateCampaignsResponse updateCampaigns(UpdateCampaigns request) throws CrmFault {
        return edge.write(UPDATE, request, c -> service.update(c, request.getCampaign().stream().map(u -> new CampaignService.Change(u.getId(),
                u.getExpectedVersion(), CampaignMapper.draft(u.getData()))).toList(), all(request.isAllOrNone())),
                o -> WireErrors.results(new UpdateCampaignsResponse(), UpdateCampaignsResponse::getResult, o, request.getCampaign(),
                        CampaignChange::getClientRef));
    }

    @Override
    public GetCampaignsResponse getCampaigns(GetCampaigns request) throws CrmFault {
        return edge.read(GET, c -> lookups(service.get(c, request.getId())));
    }

    @Override
    public FindCampaignsResponse findCampaigns(FindCampaigns request) throws CrmFault {
        return edge.read(FIND, c -> found(service.find(c, query(request), request.getPageSize(), request.getPageToken())));
    }

    @Override
    public AddCampaignMembersResponse addCampaignMembers(AddCampaignMembers request) throws CrmFault {
        return edge.write(ADD_MEMBERS, request, c -> service.addMembers(c, request.getMember().stream().map(CampaignMapper::member).toList(),
                all(request.isAllOrNone())), o -> WireErrors.results(new AddCampaignMembersResponse(), AddCampaignMembersResponse::getResult,
                o, request.getMember(), MemberRef::getClientRef));
    }

    @Override
    public RemoveCampaignMembersResponse removeCampaignMembers(RemoveCampaignMembers request) throws CrmFault {
        return edge.write(REMOVE_MEMBERS, request, c -> service.removeMembers(c, request.getMember().stream().map(CampaignMapper::member).toList(),
                all(request.isAllOrNone())), o -> WireErrors.results(new RemoveCampaignMembersResponse(),
                RemoveCampaignMembersResponse::getResult, o, request.getMember(), MemberRef::getClientRef));
    }

    @Override
    public RecordCampaignResponsesResponse recordCampaignResponses(RecordCampaignResponses request) throws CrmFault {
        return edge.write(RECORD_RESPONSES, request, c -> service.recordResponses(c, request.getResponse().stream()
                .map(CampaignMapper::response).toList(), all(request.isAllOrNone())), o -> WireErrors.results(
                new RecordCampaignResponsesResponse(), RecordCampaignResponsesResponse::getResult, o, request.getResponse(),
                NewResponse::getClientRef));
    }

    @Override
    public GetCampaignStatisticsResponse getCampaignStatistics(GetCampaignStatistics request) throws CrmFault {
        return edge.read(STATISTICS, c -> statistics(service.statistics(c, request.getCampaignId(),
                Boolean.TRUE.equals(request.isIncludeChildren()))));
    }

    private static boolean all(Boolean allOrNone) {
        return Boolean.TRUE.equals(allOrNone);
    }

    private static CampaignQuery query(FindCampaigns request) {
        return new CampaignQuery(request.getNameContains(), CampaignMapper.status(request.getStatus()),
                CampaignMapper.channel(request.getChannel()), CampaignMapper.date(request.getActiveFrom()),
                CampaignMapper.date(request.getActiveTo()));
    }

    private static GetCampaignsResponse lookups(java.util.List<CampaignService.Lookup> lookups) {
        GetCampaignsResponse response = new GetCampaignsResponse();
        for (CampaignService.Lookup l : lookups) {
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
    }

    private static FindCampaignsResponse found(Page<Campaign> page) {
        FindCampaignsResponse response = new FindCampaignsResponse();
        page.items().forEach(c -> response.getCampaign().add(CampaignMapper.toWire(c)));
        response.setNextPageToken(page.nextPageToken());
        return response;
    }

    private static GetCampaignStatisticsResponse statistics(CampaignService.Statistics s) {
        GetCampaignStatisticsResponse response = new GetCampaignStatisticsResponse();
        response.setStatistics(CampaignMapper.toWire(s));
        return response;
    }
}
