package org.clientele.campaign;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;

/**
 * The rules of campaign data, status moves and responses. The schema enforces most field rules on the wire; they
 * are checked again here so the service is safe whatever the caller, and name the field that breaks a rule.
 */
public final class CampaignRules {
    static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");
    private static final Set<String> CURRENCIES = Currency.getAvailableCurrencies().stream()
            .map(Currency::getCurrencyCode).collect(Collectors.toSet());
    /** Largest amount NUMERIC(19,4) holds. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("999999999999999.9999");

    private CampaignRules() {
    }

    /** Checks a draft; throws VALIDATION naming the first field that breaks a rule. */
    public static void validate(CampaignDraft d) {
        text("name", d.name(), 1, 200);
        if (d.name().isBlank()) {
            throw CrmException.validation("name", "name must not be blank");
        }
        text("description", d.description(), 0, 2000);
        required("channel", d.channel());
        required("startDate", d.startDate());
        if (d.endDate() != null && d.endDate().isBefore(d.startDate())) {
            throw CrmException.validation("endDate", "endDate " + d.endDate() + " is before startDate " + d.startDate());
        }
        if (d.currency() == null || !CURRENCY.matcher(d.currency()).matches() || !CURRENCIES.contains(d.currency())) {
            throw CrmException.validation("currency", "currency " + d.currency() + " is not an ISO 4217 currency code");
        }
        amount("budget", d.budget());
        amount("actualCost", d.actualCost());
        amount("expectedRevenue", d.expectedRevenue());
        text("owner", d.owner(), 0, 100);
    }

    /** A non-negative amount with at most 4 decimals that fits NUMERIC(19,4), or null. */
    public static void amount(String field, BigDecimal value) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0) {
            throw CrmException.validation(field, field + " must not be negative");
        }
        if (value.stripTrailingZeros().scale() > 4) {
            throw CrmException.validation(field, field + " has more than 4 decimals");
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            throw CrmException.validation(field, field + " is too large");
        }
    }

    /** The status of a new campaign: PLANNED when left out; only PLANNED or ACTIVE are allowed. */
    public static CampaignStatus initialStatus(CampaignStatus requested) {
        CampaignStatus s = requested == null ? CampaignStatus.PLANNED : requested;
        if (!s.initial()) {
            throw new CrmException(ErrorCode.INVALID_STATE,
                    "A new campaign starts PLANNED or ACTIVE, not " + s, "status");
        }
        return s;
    }

    /** Checks a status move; INVALID_STATE names the moves allowed from the current status. */
    public static void move(long campaignId, CampaignStatus from, CampaignStatus to) {
        if (!from.mayMoveTo(to)) {
            String allowed = from.next().isEmpty() ? "none, " + from + " is final"
                    : from.next().stream().map(Enum::name).sorted().collect(Collectors.joining(" or "));
            throw new CrmException(ErrorCode.INVALID_STATE, "Campaign " + campaignId + " cannot move from " + from
                    + " to " + to + "; allowed: " + allowed, "status");
        }
    }

    private static void required(String field, Object value) {
        if (value == null) {
            throw CrmException.validation(field, field + " is required");
        }
    }

    private static void text(String field, String value, int min, int max) {
        if (value == null) {
            if (min > 0) {
                throw CrmException.validation(field, field + " is required");
            }
            return;
        }
        if (value.length() < min || value.length() > max) {
            throw CrmException.validation(field, field + " must have " + min + " to " + max + " characters");
        }
    }
}
