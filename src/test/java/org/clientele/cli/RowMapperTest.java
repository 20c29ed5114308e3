package org.clientele.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.clientele.ws.customer.AddressType;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerStatus;
import org.junit.jupiter.api.Test;

class RowMapperTest {
    private static final String HEADER = "id,company_name,email,status,street,address.city,address.countryCode,contact.lastName,notes";

    private static CsvTable table(String rows) throws CsvFormatException {
        return new CsvParser(',', StandardCharsets.UTF_8).parse((HEADER + "\n" + rows).getBytes(StandardCharsets.UTF_8));
    }

    private static List<RowMapper.MappedRow> map(String rows) throws CsvFormatException {
        CsvTable t = table(rows);
        RowMapper mapper = new RowMapper(t.header(), "ERP", "id", Map.of("name", "company_name", "address.line1", "street"), CustomerKind.ORGANIZATION);
        return t.rows().stream().map(mapper::map).toList();
    }

    @Test
    void mapsColumnsByNameAndByMapping() throws Exception {
        RowMapper.MappedRow r = map("c-1,Acme,info@acme.example,active,Main St 1,Berlin,DE,Doe,ignored\n").get(0);
        assertTrue(r.valid(), r.errors().toString());
        assertEquals("ERP", r.item().getKey().getSystem());
        assertEquals("c-1", r.item().getKey().getId());
        assertEquals("line-2", r.item().getClientRef());
        CustomerData d = r.item().getData();
        assertEquals(CustomerKind.ORGANIZATION, d.getKind());
        assertEquals("Acme", d.getName());
        assertEquals("info@acme.example", d.getEmail());
        assertEquals(CustomerStatus.ACTIVE, d.getStatus());
        assertEquals(AddressType.MAIN, d.getAddress().get(0).getType());
        assertEquals("Berlin", d.getAddress().get(0).getCity());
        assertEquals("Main St 1", d.getAddress().get(0).getLine1());
        assertEquals("DE", d.getAddress().get(0).getCountryCode());
        assertEquals("Doe", d.getContact().get(0).getLastName());
        assertEquals(Boolean.TRUE, d.getContact().get(0).isPrimary());
    }

    @Test
    void emptyCellsLeaveFieldsOutAndNoAddressOrContactIsInvented() throws Exception {
        RowMapper.MappedRow r = map("c-1,Acme,,,,,,,\n").get(0);
        assertTrue(r.valid(), r.errors().toString());
        assertNull(r.item().getData().getEmail());
        assertTrue(r.item().getData().getAddress().isEmpty());
        assertTrue(r.item().getData().getContact().isEmpty());
    }

    @Test
    void rowErrorsNameTheColumnAndTheCode() throws Exception {
        List<RowMapper.MappedRow> rows = map("""
                c-1,Acme,not-an-email,,,,,,
                c-2,Beta,,sleeping,,,,,
                c-3,,,,,,,,
                c-4,Delta,,,Rue 1,Paris,france,,
                ,Epsilon,,,,,,,
                c-1,Zeta,,,,,,,
                c-7,Eta,,,,,,Doe,
                c-8,Theta,,,,Paris,FR,,
                c-9,Iota,,,,,,,"x"
                """);
        assertError(rows.get(0), 2, "email", "not-an-email");
        assertError(rows.get(1), 3, "status", "'sleeping' is not one of [PROSPECT, ACTIVE, INACTIVE]");
        assertError(rows.get(2), 4, "company_name", "required, but empty");
        assertError(rows.get(3), 5, "address.countryCode", "france");
        assertError(rows.get(4), 6, "id", "the key is empty");
        assertError(rows.get(5), 7, "id", "the key 'c-1' is already on line 2");
        assertTrue(rows.get(6).valid(), rows.get(6).errors().toString());
        // a city without a first address line: the schema requires line1, named by its field (no column feeds it)
        assertError(rows.get(7), 9, "street", "required, but empty");
        assertTrue(rows.get(8).valid(), rows.get(8).errors().toString());
    }

    private static void assertError(RowMapper.MappedRow row, long line, String column, String messagePart) {
        assertFalse(row.valid(), "line " + line + " should be rejected");
        assertEquals(line, row.row().line());
        assertNull(row.item());
        RowMapper.RowError e = row.errors().get(0);
        assertEquals(column, e.field(), e.toString());
        assertEquals("VALIDATION", e.code());
        assertTrue(e.message().contains(messagePart), e.message());
    }

    @Test
    void mappingProblemsAreFoundBeforeAnyRow() throws Exception {
        List<String> header = table("").header();
        assertEquals(List.of("line 1: the key column 'erp_id' is not in the header " + header),
                assertThrows(CsvFormatException.class, () -> new RowMapper(header, "ERP", "erp_id",
                        Map.of("name", "company_name"), CustomerKind.PERSON)).problems());
        assertEquals(List.of("line 1: the column 'firm' (mapped to name) is not in the header " + header),
                assertThrows(CsvFormatException.class, () -> new RowMapper(header, "ERP", "id",
                        Map.of("name", "firm"), CustomerKind.PERSON)).problems());
        assertTrue(assertThrows(CsvFormatException.class, () -> new RowMapper(header, "ERP", "id",
                Map.of("nmae", "company_name"), CustomerKind.PERSON)).problems().get(0)
                .startsWith("--map nmae=company_name: 'nmae' is not a customer field; fields: kind, name,"));
        assertTrue(assertThrows(CsvFormatException.class, () -> new RowMapper(header, "ERP", "id",
                Map.of(), CustomerKind.PERSON)).problems().get(0)
                .startsWith("line 1: no column for the required field 'name'"));
    }

    @Test
    void reportsColumnsThatFeedNothing() throws Exception {
        RowMapper mapper = new RowMapper(table("").header(), "ERP", "id", Map.of("name", "company_name"),
                CustomerKind.ORGANIZATION);
        assertEquals(List.of("street", "notes"), mapper.ignoredColumns());
        assertEquals("company_name", mapper.columnFor("name"));
        assertEquals("id", mapper.columnFor("key"));
    }

    @Test
    void externalKeysColumnRoundTrips() throws Exception {
        CustomerData d = new CustomerData();
        CustomerFields.write(d, "externalKeys", "ERP:c-1;SHOP:77");
        assertEquals(2, d.getExternalKey().size());
        assertEquals("SHOP", d.getExternalKey().get(1).getSystem());
        assertEquals("ERP:c-1;SHOP:77", CustomerFields.read(d, "externalKeys"));
        assertThrows(CustomerFields.BadValue.class, () -> CustomerFields.write(new CustomerData(), "externalKeys", "nokey"));
    }
}
