package org.clientele.cases;

import jakarta.activation.DataHandler;
import jakarta.activation.DataSource;
import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import jakarta.xml.ws.WebServiceContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.clientele.customer.Page;
import org.clientele.platform.AuditLog;
import org.clientele.platform.Caller;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Failures;
import org.clientele.platform.ItemOutcome;
import org.clientele.platform.ws.Callers;
import org.clientele.platform.ws.IdempotentCalls;
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
import org.clientele.ws.cases.CrmFault;
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
 * The SOAP adapter of CaseService, shared by its SOAP 1.1 and SOAP 1.2 ports: it maps the request to the domain,
 * delegates to {@link CaseService}, maps the result back, audits mutating calls, runs writes under their idempotency
 * key, and turns every failure into a typed CrmFault.
 */
public abstract class CaseEndpointSupport implements CasePortType {

    @Resource
    WebServiceContext context;

    @Inject
    CaseService service;

    @Inject
    AuditLog audit;

    @Inject
    IdempotentCalls idempotent;

    @Override
    public OpenCasesResponse openCases(OpenCases request) throws CrmFault {
        return mutation("openCases", caller -> {
            List<CaseDraft> drafts = new ArrayList<>();
            for (NewCase c : request.getSupportCase()) {
                drafts.add(CaseMapper.draft(c.getData()));
            }
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "openCases", request,
                    c -> service.open(c, drafts, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "openCases", outcomes);
            List<ItemResult> results = WireErrors.results(outcomes, request.getSupportCase().stream().map(NewCase::getClientRef).toList());
            // number and due times of the opened cases (as they are now, also when the response is a replay)
            List<Long> ids = outcomes.stream().filter(ItemOutcome::success).map(ItemOutcome::id).toList();
            Map<Long, CaseService.View> views = service.viewsOf(ids);
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
        });
    }

    @Override
    public GetCasesResponse getCases(GetCases request) throws CrmFault {
        return read(caller -> {
            List<CaseService.Lookup> lookups = service.get(caller, request.getId(), request.getNumber());
            Map<Long, CaseService.View> views = service.views(lookups.stream().map(CaseService.Lookup::found)
                    .filter(f -> f != null).distinct().toList()).stream().collect(Collectors.toMap(v -> v.c().getId(), v -> v));
            GetCasesResponse response = new GetCasesResponse();
            for (CaseService.Lookup l : lookups) {
                CaseLookup wire = new CaseLookup();
                wire.setId(l.id());
                wire.setNumber(l.number());
                if (l.found() != null) {
                    wire.setSupportCase(CaseMapper.toWire(views.get(l.found().getId())));
                } else {
                    wire.setError(WireErrors.notFound(l.id() != null ? "Case " + l.id() + " does not exist"
                            : "No case has number " + l.number()));
                }
                response.getLookup().add(wire);
            }
            return response;
        });
    }

    @Override
    public FindCasesResponse findCases(FindCases request) throws CrmFault {
        return read(caller -> {
            Page<CaseService.View> page = service.find(caller, CaseMapper.query(request), request.getPageSize(), request.getPageToken());
            FindCasesResponse response = new FindCasesResponse();
            page.items().forEach(v -> response.getSupportCase().add(CaseMapper.toWire(v)));
            response.setNextPageToken(page.nextPageToken());
            return response;
        });
    }

    @Override
    public UpdateCasesResponse updateCases(UpdateCases request) throws CrmFault {
        return mutation("updateCases", caller -> {
            List<CaseService.Change> changes = request.getSupportCase().stream().map(CaseMapper::change).toList();
            List<ItemOutcome> outcomes = idempotent.run(context, caller, "updateCases", request,
                    c -> service.update(c, changes, Boolean.TRUE.equals(request.isAllOrNone())));
            audit.batch(caller, "updateCases", outcomes);
            UpdateCasesResponse response = new UpdateCasesResponse();
            response.getResult().addAll(WireErrors.results(outcomes, request.getSupportCase().stream().map(CaseChange::getClientRef).toList()));
            return response;
        });
    }

    @Override
    public ChangeCaseStatusResponse changeCaseStatus(ChangeCaseStatus request) throws CrmFault {
        return mutation("changeCaseStatus", caller -> {
            CaseStatus target = request.getStatus() == null ? null : CaseStatus.valueOf(request.getStatus().name());
            long id = single(idempotent.run(context, caller, "changeCaseStatus", request, c -> List.of(service.changeStatus(
                    c, request.getCaseId(), request.getExpectedVersion(), target, request.getResolutionNote()))));
            audit.success(caller, "changeCaseStatus", id + "->" + target);
            ChangeCaseStatusResponse response = new ChangeCaseStatusResponse();
            response.setSupportCase(CaseMapper.toWire(service.current(id)));
            return response;
        });
    }

    @Override
    public AssignCaseResponse assignCase(AssignCase request) throws CrmFault {
        return mutation("assignCase", caller -> {
            if (request.getAssignee() == null) {
                throw CrmException.validation("assignee", "assignee is required");
            }
            SupportCase.AssigneeKind kind = request.getAssignee().getKind() == null ? null
                    : SupportCase.AssigneeKind.valueOf(request.getAssignee().getKind().name());
            long id = single(idempotent.run(context, caller, "assignCase", request, c -> List.of(service.assign(
                    c, request.getCaseId(), request.getExpectedVersion(), kind, request.getAssignee().getName()))));
            audit.success(caller, "assignCase", String.valueOf(id));
            AssignCaseResponse response = new AssignCaseResponse();
            response.setSupportCase(CaseMapper.toWire(service.current(id)));
            return response;
        });
    }

    @Override
    public AddCaseCommentResponse addCaseComment(AddCaseComment request) throws CrmFault {
        return mutation("addCaseComment", caller -> {
            CaseComment.Visibility visibility = request.getVisibility() == null ? null
                    : CaseComment.Visibility.valueOf(request.getVisibility().name());
            long id = single(idempotent.run(context, caller, "addCaseComment", request,
                    c -> List.of(service.comment(c, request.getCaseId(), visibility, request.getBody()))));
            audit.success(caller, "addCaseComment", request.getCaseId() + "/" + id);
            AddCaseCommentResponse response = new AddCaseCommentResponse();
            response.setComment(CaseMapper.toWire(service.currentComment(id)));
            return response;
        });
    }

    @Override
    public ListCaseCommentsResponse listCaseComments(ListCaseComments request) throws CrmFault {
        return read(caller -> {
            Page<CaseComment> page = service.comments(caller, request.getCaseId(), request.getPageSize(), request.getPageToken());
            ListCaseCommentsResponse response = new ListCaseCommentsResponse();
            page.items().forEach(m -> response.getComment().add(CaseMapper.toWire(m)));
            response.setNextPageToken(page.nextPageToken());
            return response;
        });
    }

    @Override
    public AddCaseAttachmentResponse addCaseAttachment(AddCaseAttachment request) throws CrmFault {
        return mutation("addCaseAttachment", caller -> {
            service.mayAttach(caller);
            if (request.getContent() == null) {
                throw CrmException.validation("content", "content is required");
            }
            BoundedContent content;
            try (InputStream in = request.getContent().getInputStream()) {
                content = BoundedContent.read(in, service.maxAttachmentBytes());
            } catch (IOException e) {
                throw new CrmException(ErrorCode.VALIDATION, "The attachment content could not be read", "content");
            }
            // the idempotency fingerprint covers the content through its digest, not the bytes themselves
            AddCaseAttachment fingerprint = new AddCaseAttachment();
            fingerprint.setCaseId(request.getCaseId());
            fingerprint.setFileName(request.getFileName());
            fingerprint.setMediaType(request.getMediaType());
            fingerprint.setContent(new DataHandler(bytes(content.sha256().getBytes(StandardCharsets.US_ASCII), "text/plain")));
            long id = single(idempotent.run(context, caller, "addCaseAttachment", fingerprint, c -> List.of(service.attach(
                    c, request.getCaseId(), request.getFileName(), request.getMediaType(), content))));
            audit.success(caller, "addCaseAttachment", request.getCaseId() + "/" + id);
            AddCaseAttachmentResponse response = new AddCaseAttachmentResponse();
            response.setAttachment(CaseMapper.toWire(service.currentAttachment(id)));
            return response;
        });
    }

    @Override
    public GetCaseAttachmentResponse getCaseAttachment(GetCaseAttachment request) throws CrmFault {
        return read(caller -> {
            CaseService.Download d = service.download(caller, request.getAttachmentId());
            GetCaseAttachmentResponse response = new GetCaseAttachmentResponse();
            response.setAttachment(CaseMapper.toWire(d.attachment()));
            response.setContent(new DataHandler(bytes(d.content(), "application/octet-stream")));
            return response;
        });
    }

    private static long single(List<ItemOutcome> outcomes) {
        return outcomes.get(0).id();
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
