package org.clientele.campaign;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.clientele.platform.CrmException;
import org.clientele.platform.ErrorCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The field rules of campaign data: dates, currency, money. */
class CampaignRulesTest {

    static CampaignDraft draft(LocalDate start, LocalDate end, String currency, BigDecimal budget) {
        return new CampaignDraft("Spring", null, Campaign.Channel.EMAIL, null, start, end, currency, budget, null, null, null, null);
    }

    @Test
    void aValidDraftPasses() {
        assertDoesNotThrow(() -> CampaignRules.validate(draft(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 1), "EUR", new BigDecimal("1000.1234"))));
    }

    @Test
    void endBeforeStartIsRefused() {
        CrmException e = assertThrows(CrmException.class,
                () -> CampaignRules.validate(draft(LocalDate.of(2026, 3, 2), LocalDate.of(2026, 3, 1), "EUR", null)));
        assertEquals(ErrorCode.VALIDATION, e.code());
        assertEquals("endDate", e.field());
    }

    @ParameterizedTest
    @CsvSource({"eur", "EURO", "XYZ", "''"})
    void currencyMustBeIso4217(String currency) {
        CrmException e = assertThrows(CrmException.class,
                () -> CampaignRules.validate(draft(LocalDate.of(2026, 3, 1), null, currency, null)));
        assertEquals("currency", e.field());
    }

    @ParameterizedTest
    @CsvSource({"-0.0001", "1.00001", "1000000000000000"})
    void moneyMustBeNonNegativeWithFourDecimalsAtMost(String amount) {
        CrmException e = assertThrows(CrmException.class,
                () -> CampaignRules.validate(draft(LocalDate.of(2026, 3, 1), null, "EUR", new BigDecimal(amount))));
        assertEquals("budget", e.field());
    }

    @Test
    void trailingZerosBeyondFourDecimalsAreFine() {
        assertDoesNotThrow(() -> CampaignRules.amount("revenue", new BigDecimal("12.340000")));
        CrmException e = assertThrows(CrmException.class, () -> CampaignRules.amount("revenue", new BigDecimal("12.340001")));
        assertEquals("revenue", e.field(), "a non-zero fifth decimal is refused");
    }
}
