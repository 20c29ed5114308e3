package org.clientele.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.clientele.ws.cases.AddCaseComment;
import org.clientele.ws.cases.AssignCase;
import org.clientele.ws.cases.AssigneeKind;
import org.clientele.ws.cases.Case;
import org.clientele.ws.cases.CasePortType;
import org.clientele.ws.cases.CaseStatus;
import org.clientele.ws.cases.ChangeCaseStatus;
import org.clientele.ws.common.CrmFault;
import org.clientele.ws.cases.FindCases;
import org.clientele.ws.cases.GetCaseAttachment;
import org.clientele.ws.cases.GetCases;
import org.clientele.ws.cases.ListCaseComments;
import org.clientele.ws.cases.Priority;
import org.clientele.ws.cases.UpdateCases;
import org.clientele.ws.cases.Visibility;
import org.clientele.ws.common.ErrorCode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The role matrix of CaseService, one named case per (user, operation): crm-admin and crm-agent may do everything,
 * crm-integration may open and read, crm-readonly may read, crm-marketing nothing. Allowed calls succeed; refused
 * ones fail with CrmFault NOT_AUTHORIZED and leave the case as it was.
 */
class CaseRolesIT {
    private static final Set<String> READERS = Set.of(Clientele.ADMIN, Clientele.AGENT, Clientele.INTEGRATION, Clientele.READONLY);
    private static final Set<String> OPENERS = Set.of(Clientele.ADMIN, Clientele.AGENT, Clientele.INTEGRATION);
    private static final Set<String> WRITERS = Set.of(Clientele.ADMIN, Clientele.AGENT);
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "openCases", OPENERS, "getCases", READERS, "findCases", READERS, "updateCases", WRITERS,
            "changeCaseStatus", WRITERS, "assignCase", WRITERS, "addCaseComment", WRITERS, "listCaseComments", READERS,
            "addCaseAttachment", WRITERS, "getCaseAttachment", READERS);

    private static long customerId;
    private static long attachmentId;

    @BeforeAll
    static void fixture() throws Exception {
        customerId = CaseOperationsIT.customer("CaseRolesIT " + CaseOperationsIT.uid());
        long caseId = CaseOperationsIT.openOne(Clientele.cases(Clientele.ADMIN), CaseOperationsIT.data(customerId, Priority.LOW));
        attachmentId = Clientele.cases(Clientele.ADMIN).addCaseAttachment(CaseOperationsIT.attachment(caseId, "roles.txt", new byte[] {1}))
                .getAttachment().getId();
    }

    static Stream<Arguments> matrix() {
        List<Arguments> all = new ArrayList<>();
        for (String op : ALLOWED.keySet().stream().sorted().toList()) {
            for (String user : List.of(Clientele.ADMIN, Clientele.AGENT, Clientele.INTEGRATION, Clientele.READONLY, Clientele.MARKETING)) {
                all.add(Arguments.of(op, user, ALLOWED.get(op).contains(user)));
            }
        }
        return all.stream();
    }

    @ParameterizedTest(name = "{1} {0}: allowed={2}")
    @MethodSource("matrix")
    void eachRoleMayCallExactlyItsOperations(String operation, String user, boolean allowed) throws Exception {
        CasePortType port = Clientele.cases(user);
        // a fresh case per call, opened by crm-admin, so every allowed call is valid and every refusal can be checked
        long caseId = CaseOperationsIT.openOne(Clientele.cases(Clientele.ADMIN), CaseOperationsIT.data(customerId, Priority.MEDIUM));
        CaseOperationsIT.Call call = switch (operation) {
            case "openCases" -> () -> assertTrue(port.openCases(CaseOperationsIT.open(CaseOperationsIT.item("r",
                    CaseOperationsIT.data(customerId, Priority.LOW)))).getResult().get(0).isSuccess());
            case "getCases" -> () -> {
                GetCases get = new GetCases();
                get.getId().add(caseId);
                assertEquals(caseId, port.getCases(get).getLookup().get(0).getCase().getId());
            };
            case "findCases" -> () -> {
                FindCases find = new FindCases();
                find.setCustomerId(customerId);
                assertTrue(port.findCases(find).getCase().stream().anyMatch(c -> c.getId() == caseId));
            };
            case "updateCases" -> () -> {
                UpdateCases u = new UpdateCases();
                u.getCase().add(CaseOperationsIT.change(caseId, 0L, c -> c.setCategory("Roles")));
                assertTrue(port.updateCases(u).getResult().get(0).isSuccess());
            };
            case "changeCaseStatus" -> () -> {
                ChangeCaseStatus m = new ChangeCaseStatus();
                m.setCaseId(caseId);
                m.setStatus(CaseStatus.OPEN);
                assertEquals(CaseStatus.OPEN, port.changeCaseStatus(m).getCase().getStatus());
            };
            case "assignCase" -> () -> {
                AssignCase a = new AssignCase();
                a.setCaseId(caseId);
                a.setAssignee(CaseOperationsIT.assignee(AssigneeKind.QUEUE, "roles"));
                assertEquals("roles", port.assignCase(a).getCase().getAssignee().getName());
            };
            case "addCaseComment" -> () -> {
                AddCaseComment a = new AddCaseComment();
                a.setCaseId(caseId);
                a.setVisibility(Visibility.PUBLIC);
                a.setBody("roles");
                assertEquals(user, port.addCaseComment(a).getComment().getAuthor());
            };
            case "listCaseComments" -> () -> {
                ListCaseComments l = new ListCaseComments();
                l.setCaseId(caseId);
                assertTrue(port.listCaseComments(l).getComment().isEmpty());
            };
            case "addCaseAttachment" -> () -> assertEquals(3L, port.addCaseAttachment(
                    CaseOperationsIT.attachment(caseId, "r.txt", new byte[] {1, 2, 3})).getAttachment().getSize());
            case "getCaseAttachment" -> () -> {
                GetCaseAttachment g = new GetCaseAttachment();
                g.setAttachmentId(attachmentId);
                assertEquals(attachmentId, port.getCaseAttachment(g).getAttachment().getId());
            };
            default -> throw new AssertionError(operation);
        };
        if (allowed) {
            call.run();
            return;
        }
        int casesBefore = CaseOperationsIT.findByCustomer(customerId).getCase().size();
        CrmFault fault = assertThrows(CrmFault.class, call::run);
        assertEquals(ErrorCode.NOT_AUTHORIZED, fault.getFaultInfo().getCode());
        Case after = CaseOperationsIT.get(Clientele.cases(Clientele.ADMIN), caseId);
        assertEquals(0L, after.getVersion(), "a refused call changed nothing");
        assertEquals(casesBefore, CaseOperationsIT.findByCustomer(customerId).getCase().size(), "and opened nothing");
        assertTrue(after.getAttachment().isEmpty());
        ListCaseComments l = new ListCaseComments();
        l.setCaseId(caseId);
        assertTrue(Clientele.cases(Clientele.ADMIN).listCaseComments(l).getComment().isEmpty());
    }
}
