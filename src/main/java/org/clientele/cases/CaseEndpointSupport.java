package org.clientele.cases;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.clientele.customer.Page;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.Role;
import org.clientele.platform.ws.Operation;
import org.clientele.platform.ws.SoapEdge;
import org.clientele.platform.ws.WireErrors;
import org.clientele.ws.cases.AddCaseAttachment;
import org.clientele.ws.cases.AddCaseAttachmentResponse;
import org.clientele.ws.cases.AddCaseComment;
import org.clientele.ws.cases.AddCaseCommentResponse;
import org.clientele.ws.cases.AssignCase;
import org.clientele.ws.cases.AssignCaseResponse;
import org.clientele.ws.cases.CaseChange;
import org.clientele.ws.cases.CaseLookup;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.cases.ChangeCaseStatus;
import org.clientele.ws.cases.ChangeCaseStatusResponse;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.cases.FindCases;
import org.clientele.ws.cases.FindCasesResponse;
import org.clientele.ws.cases.GetCaseAttachment;
import org.clientele.ws.cases.GetCaseAttachmentResponse;
import org.clientele.ws.cases.GetCases;
import org.clientele.ws.cases.GetCasesResponse;
import org.clientele.ws.cases.ListCaseComments;
import org.clientele.ws.cases.ListCaseCommentsResponse;
import org.clientele.ws.cases.NewCase;
import org.clientele.ws.cases.OpenCaseResult;
import org.clientele.ws.cases.OpenCases;
import org.clientele.ws.cases.OpenCasesResponse;
import org.clientele.ws.cases.UpdateCases;
import org.clientele.ws.cases.UpdateCasesResponse;
import org.clientele.ws.common.ItemResult;

/**
 * The SOAP adapter of CaseService, shared by its SOAP 1.1 and SOAP 1.2 ports: each operation is one line that hands
 * the {@link SoapEdge} its entry of the operation table, the domain call and the response mapping.
 */
public abstract class CaseEndpointSupport implements CasePortType {
    private static final Role[] READERS = {Role.AGENT, Role.INTEGRATION, Role.READONLY};
    static final Operation OPEN = Operation.write("openCases", Role.AGENT, Role.INTEGRATION);
    static final Operation GET = Operation.read("getCases", READERS);
    static final Operation FIND = Operation.read("findCases", READERS);
    static final Operation UPDATE = Operation.write("updateCases", Role.AGENT);
    static final Operation CHANGE_STATUS = Operation.write("changeCaseStatus", Role.AGENT);
    static final Operation ASSIGN = Operation.write("assignCase", Role.AGENT);
    static final Operation ADD_COMMENT = Operation.write("addCaseComment", Role.AGENT);
    static final Operation LIST_COMMENTS = Operation.read("listCaseComments", READERS);
    static final Operation ADD_ATTACHMENT = Operation.write("addCaseAttachment", Role.AGENT);
    static final Operation GET_ATTACHMENT = Operation.read("getCaseAttachment", READERS);

    @Inject
    SoapEdge edge;

    @Inject
    CaseService service;

    @Override
    public OpenCasesResponse openCases(OpenCases request) throws CrmFault {
        return edge.write(OPEN, request, c -> service.open(c, request.getCase().stream().map(n -> CaseMapper.draft(n.getData())).toList(),
                all(request.isAllOrNone())), o -> opened(request, o));
    }

    @Override
    public GetCasesResponse getCases(GetCases request) throws CrmFault {
        return edge.read(GET, c -> lookups(service.get(c, request.getId(), request.getNumber())));
    }

    @Override
    public FindCasesResponse findCases(FindCases request) throws CrmFault {
        return edge.read(FIND, c -> found(service.find(c, CaseMapper.query(request), request.getPageSize(), request.getPageToken())));
    }

    @Override
    public UpdateCasesResponse updateCases(UpdateCases request) throws CrmFault {
        return edge.write(UPDATE, request, c -> service.update(c, request.getCase().stream().map(CaseMapper::change).toList(),
                all(request.isAllOrNone())), o -> WireErrors.results(new UpdateCasesResponse(), UpdateCasesResponse::getResult, o,
                request.getCase(), CaseChange::getClientRef));
    }

    @Override
    public ChangeCaseStatusResponse changeCaseStatus(ChangeCaseStatus request) throws CrmFault {
        return edge.write(CHANGE_STATUS, request, c -> List.of(service.changeStatus(c, request.getCaseId(), request.getExpectedVersion(),
                status(request), request.getResolutionNote())), o -> statusChanged(id(o)), o -> id(o) + "->" + status(request));
    }

    @Override
    public AssignCaseResponse assignCase(AssignCase request) throws CrmFault {
        return edge.write(ASSIGN, request, c -> List.of(service.assign(c, request.getCaseId(), request.getExpectedVersion(),
                assigneeKind(request), request.getAssignee().getName())), o -> assigned(id(o)), o -> String.valueOf(id(o)));
    }

    @Override
    public AddCaseCommentResponse addCaseComment(AddCaseComment request) throws CrmFault {
        return edge.write(ADD_COMMENT, request, c -> List.of(service.comment(c, request.getCaseId(), visibility(request),
                request.getBody())), o -> commented(id(o)), o -> request.getCaseId() + "/" + id(o));
    }

    @Override
    public ListCaseCommentsResponse listCaseComments(ListCaseComments request) throws CrmFault {
        return edge.read(LIST_COMMENTS, c -> comments(service.comments(c, request.getCaseId(), request.getPageSize(), request.getPageToken())));
    }

    @Override
    public AddCaseAttachmentResponse addCaseAttachment(AddCaseAttachment request) throws CrmFault {
        Upload upload = new Upload(request, service.maxAttachmentBytes());
        return edge.write(ADD_ATTACHMENT, upload::fingerprint, c -> List.of(service.attach(c, request.getCaseId(),
                request.getFileName(), request.getMediaType(), upload.content())), o -> attached(id(o)),
                o -> request.getCaseId() + "/" + id(o));
    }

    @Override
    public GetCaseAttachmentResponse getCaseAttachment(GetCaseAttachment request) throws CrmFault {
        return edge.read(GET_ATTACHMENT, c -> download(service.download(c, request.getAttachmentId())));
    }

    // ----- request mapping -----

    private static boolean all(Boolean allOrNone) {
        return Boolean.TRUE.equals(allOrNone);
    }

    private static long id(List<ItemOutcome> outcomes) {
        return outcomes.get(0).id();
    }

    private static CaseStatus status(ChangeCaseStatus request) {
        return request.getStatus() == null ? null : CaseStatus.valueOf(request.getStatus().name());
    }

    private static SupportCase.AssigneeKind assigneeKind(AssignCase request) {
        if (request.getAssignee() == null) {
            throw CrmException.validation("assignee", "assignee is required");
        }
        return request.getAssignee().getKind() == null ? null : SupportCase.AssigneeKind.valueOf(request.getAssignee().getKind().name());
    }

    private static CaseComment.Visibility visibility(AddCaseComment request) {
        return request.getVisibility() == null ? null : CaseComment.Visibility.valueOf(request.getVisibility().name());
    }

    /**
     * An attachment upload: its content is read (bounded by the size limit) once, when the idempotency fingerprint or
     * the write first needs it; the fingerprint covers the content through its SHA-256, not the bytes themselves.
     */
    private static final class Upload {
        private final AddCaseAttachment request;
        private final long maxBytes;
        private BoundedContent content;

        Upload(AddCaseAttachment request, long maxBytes) {
            this.request = request;
            this.maxBytes = maxBytes;
        }

        BoundedContent content() {
            if (content == null) {
                if (request.getContent() == null) {
                    throw CrmException.validation("content", "content is required");
                }
                try (InputStream in = request.getContent().getInputStream()) {
                    content = BoundedContent.read(in, maxBytes);
                } catch (IOException e) {
                    throw new CrmException(ErrorCode.VALIDATION, "The attachment content could not be read", "content");
                }
            }
            return content;
        }

        AddCaseAttachment fingerprint() {
            AddCaseAttachment fingerprint = new AddCaseAttachment();
            fingerprint.setCaseId(request.getCaseId());
            fingerprint.setFileName(request.getFileName());
            fingerprint.setMediaType(request.getMediaType());
            fingerprint.setContent(new DataHandler(bytes(content().sha256().getBytes(StandardCharsets.US_ASCII), "text/plain")));
            return fingerprint;
        }
    }

    // ----- response mapping -----

    /** Results with the number and due times of the opened cases (as they are now, also when the response is a replay). */
    private OpenCasesResponse opened(OpenCases request, List<ItemOutcome> outcomes) {
        List<ItemResult> results = WireErrors.results(outcomes, request.getCase().stream().map(NewCase::getClientRef).toList());
        Map<Long, CaseService.View> views = service.viewsOf(outcomes.stream().filter(ItemOutcome::success).map(ItemOutcome::id).toList());
        OpenCasesResponse response = new OpenCasesResponse();
        for (ItemResult r : results) {
            OpenCaseResult o = new OpenCaseResult();
            o.setClientRef(r.getClientRef());
            o.setSuccess(r.isSuccess());
            o.setId(r.getId());
            o.setVersion(r.getVersion());
            o.getError().addAll(r.getError());
            CaseService.View v = r.getId() == null ? null : views.get(r.getId());
            if (v != null) {
                o.setNumber(v.c().getNumber());
                o.setFirstResponseDueAt(CaseMapper.time(v.c().getFirstResponseDueAt()));
                o.setResolutionDueAt(CaseMapper.time(v.c().getResolutionDueAt()));
            }
            response.getResult().add(o);
        }
        return response;
    }

    private GetCasesResponse lookups(List<CaseService.Lookup> lookups) {
        Map<Long, CaseService.View> views = service.views(lookups.stream().map(CaseService.Lookup::found)
                .filter(f -> f != null).distinct().toList()).stream().collect(Collectors.toMap(v -> v.c().getId(), v -> v));
        GetCasesResponse response = new GetCasesResponse();
        for (CaseService.Lookup l : lookups) {
            CaseLookup wire = new CaseLookup();
            wire.setId(l.id());
            wire.setNumber(l.number());
            if (l.found() != null) {
                wire.setCase(CaseMapper.toWire(views.get(l.found().getId())));
            } else {
                wire.setError(WireErrors.notFound(l.id() != null ? "Case " + l.id() + " does not exist"
                        : "No case has number " + l.number()));
            }
            response.getLookup().add(wire);
        }
        return response;
    }

    private static FindCasesResponse found(Page<CaseService.View> page) {
        FindCasesResponse response = new FindCasesResponse();
        page.items().forEach(v -> response.getCase().add(CaseMapper.toWire(v)));
        response.setNextPageToken(page.nextPageToken());
        return response;
    }

    private ChangeCaseStatusResponse statusChanged(long id) {
        ChangeCaseStatusResponse response = new ChangeCaseStatusResponse();
        response.setCase(CaseMapper.toWire(service.current(id)));
        return response;
    }

    private AssignCaseResponse assigned(long id) {
        AssignCaseResponse response = new AssignCaseResponse();
        response.setCase(CaseMapper.toWire(service.current(id)));
        return response;
    }

    private AddCaseCommentResponse commented(long id) {
        AddCaseCommentResponse response = new AddCaseCommentResponse();
        response.setComment(CaseMapper.toWire(service.currentComment(id)));
        return response;
    }

    private static ListCaseCommentsResponse comments(Page<CaseComment> page) {
        ListCaseCommentsResponse response = new ListCaseCommentsResponse();
        page.items().forEach(m -> response.getComment().add(CaseMapper.toWire(m)));
        response.setNextPageToken(page.nextPageToken());
        return response;
    }

    private AddCaseAttachmentResponse attached(long id) {
        AddCaseAttachmentResponse response = new AddCaseAttachmentResponse();
        response.setAttachment(CaseMapper.toWire(service.currentAttachment(id)));
        return response;
    }

    private static GetCaseAttachmentResponse download(CaseService.Download d) {
        GetCaseAttachmentResponse response = new GetCaseAttachmentResponse();
        response.setAttachment(CaseMapper.toWire(d.attachment()));
        response.setContent(new DataHandler(bytes(d.content(), "application/octet-stream")));
        return response;
    }

    /** A read-only data source over bytes. */
    private static DataSource bytes(byte[] content, String type) {
        return new DataSource() {
            @Override
            public InputStream getInputStream() {
                return new ByteArrayInputStream(content);
            }

            @Override
            public OutputStream getOutputStream() throws IOException {
                throw new IOException("read-only");
            }

            @Override
            public String getContentType() {
                return type;
            }

            @Override
            public String getName() {
                return "content";
            }
        };
    }
}
