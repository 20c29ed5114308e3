package org.clientele.customer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;

/**
 * The customer feature's published API for the other features: checks a reference to a customer (and optionally one
 * of its contacts) that another feature is about to record, so every feature refuses the same references the same way.
 */
@ApplicationScoped
public class CustomerDirectory {

    @Inject
    CustomerRepository repository;

    /**
     * Passes when the customer exists, is neither merged nor in the recycle bin, and owns the contact (when one is
     * given). NOT_FOUND or INVALID_STATE on field customerId, VALIDATION on field contactId otherwise.
     */
    public void requireLive(long customerId, Long contactId) {
        Customer customer = repository.find(customerId);
        if (customer == null) {
            throw new CrmException(ErrorCode.NOT_FOUND, "Customer " + customerId + " does not exist", "customerId");
        }
        if (customer.getMergedInto() != null) {
            throw new CrmException(ErrorCode.INVALID_STATE, "Customer " + customerId + " was merged into "
                    + customer.getMergedInto() + "; use the master " + customer.getMergedInto() + " instead", "customerId");
        }
        if (customer.isDeleted()) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "Customer " + customerId + " is in the recycle bin; undelete it first", "customerId");
        }
        if (contactId != null) {
            Contact contact = repository.findContact(contactId);
            if (contact == null || !customer.owns(contact)) {
                throw CrmException.validation("contactId",
                        "Contact " + contactId + " is not a contact of customer " + customerId);
            }
        }
    }
}
