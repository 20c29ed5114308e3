package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.clientele.platform.Role;

/** What the campaign services share: the campaign roles and loading a campaign that must exist. */
@ApplicationScoped
public class Campaigns {
    /** Roles that may change campaigns and their members (crm-admin may do everything). */
    static final Role[] WRITERS = {Role.MARKETING};
    /** Roles that may record responses: marketing and the integrations that deliver responses (mailers, shops). */
    static final Role[] RESPONSE_WRITERS = {Role.MARKETING, Role.INTEGRATION};
    /** Roles that may read campaigns; crm-agent works on cases and has no business with campaigns. */
    static final Role[] READERS = {Role.MARKETING, Role.INTEGRATION, Role.READONLY};

    @Inject
    CampaignRepository repository;

    /** The campaign; NOT_FOUND on the field when it does not exist. */
    Campaign existing(long id, String field) {
        Campaign c = repository.find(id);
        if (c == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Campaign " + id + " does not exist", field);
        }
        return c;
    }
}
