package org.clientele.campaign;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;

/** What the campaign services share: loading a campaign that must exist (roles are checked by the SOAP edge, see CampaignEndpointSupport). */
@ApplicationScoped
public class Campaigns {

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
