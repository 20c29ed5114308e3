package org.clientele.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clientele.ws.common.ExternalKey;
import org.clientele.ws.customer.CustomerData;
import org.clientele.ws.customer.CustomerKind;
import org.clientele.ws.customer.CustomerUpsert;

/**
 * Turns CSV rows into upsert items: which column feeds which customer field (a column named like the field, or
 * {@code --map field=column}), the external key from {@code --key-column} under {@code --system}, and the errors of
 * rows that cannot be sent (bad enumeration values, an empty or repeated key, anything the contract's schema refuses).
 * Problems with the mapping itself (an unknown field, a column not in the header) are {@link CsvFormatException}s,
 * found before any row is looked at.
 */
public final class RowMapper {
    /** Columns the export writes that are not customer data: read back, they are ignored. */
    static final List<String> EXPORT_ONLY = List.of("id", "version", "deleted", "mergedInto", "createdAt", "updatedAt");

    /** Why a row cannot be sent: the CSV column (or field) concerned, an error code and a message. */
    public record RowError(String field, String code, String message) {
    }

    /** The outcome of one row: an item to send, or the errors that keep it back. */
    public record MappedRow(CsvTable.Row row, String key, CustomerUpsert item, List<RowError> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private final String system;
    private final String keyColumn;
    private final int keyIndex;
    private final CustomerKind defaultKind;
    /** field name -> column index, in field order. */
    private final Map<String, Integer> columns = new LinkedHashMap<>();
    private final Map<String, String> columnOfField = new HashMap<>();
    private final List<String> ignored = new ArrayList<>();
    private final Map<String, Long> seenKeys = new HashMap<>();
    private final RowValidator validator = new RowValidator();

    /**
     * @param mappings field -> CSV column, overriding the columns named like fields
     */
    public RowMapper(List<String> header, String system, String keyColumn, Map<String, String> mappings,
                     CustomerKind defaultKind) throws CsvFormatException {
        this.system = system;
        this.keyColumn = keyColumn;
        this.defaultKind = defaultKind;
        List<String> problems = new ArrayList<>();
        keyIndex = header.indexOf(keyColumn);
        if (keyIndex < 0) {
            problems.add("line 1: the key column '" + keyColumn + "' is not in the header " + header);
        }
        for (Map.Entry<String, String> m : mappings.entrySet()) {
            if (!CustomerFields.exists(m.getKey())) {
                problems.add("--map " + m.getKey() + "=" + m.getValue() + ": '" + m.getKey()
                        + "' is not a customer field; fields: " + String.join(", ", CustomerFields.names()));
            } else if (!header.contains(m.getValue())) {
                problems.add("line 1: the column '" + m.getValue() + "' (mapped to " + m.getKey()
                        + ") is not in the header " + header);
            }
        }
        for (String field : CustomerFields.names()) {
            String column = mappings.getOrDefault(field, header.contains(field) ? field : null);
            if (column != null && header.contains(column)) {
                columns.put(field, header.indexOf(column));
                columnOfField.put(field, column);
            }
        }
        if (!columns.containsKey("name") && problems.isEmpty()) {
            problems.add("line 1: no column for the required field 'name'; map one with --map name=COLUMN (header: "
                    + header + ")");
        }
        for (String column : header) {
            if (!column.equals(keyColumn) && !columnOfField.containsValue(column) && !EXPORT_ONLY.contains(column)) {
                ignored.add(column);
            }
        }
        if (!problems.isEmpty()) {
            throw new CsvFormatException(problems);
        }
    }

    /** The CSV column a field (as the server names it in item errors) comes from; the field itself otherwise. */
    public String columnFor(String field) {
        if ("key".equals(field) || "key.id".equals(field) || "key.system".equals(field)) {
            return keyColumn;
        }
        return columnOfField.getOrDefault(field, field);
    }

    /** Header columns that feed no field (reported to the user, not an error). */
    public List<String> ignoredColumns() {
        return List.copyOf(ignored);
    }

    /** The mapped row; call in file order (a key seen on an earlier row makes a later row an error). */
    public MappedRow map(CsvTable.Row row) {
        List<RowError> errors = new ArrayList<>();
        String key = row.fields().get(keyIndex).trim();
        CustomerData data = new CustomerData();
        data.setKind(defaultKind);
        for (Map.Entry<String, Integer> c : columns.entrySet()) {
            String value = row.fields().get(c.getValue());
            if (value.isEmpty()) {
                continue;
            }
            try {
                CustomerFields.write(data, c.getKey(), value);
            } catch (CustomerFields.BadValue e) {
                errors.add(new RowError(columnOfField.get(c.getKey()), "VALIDATION", e.getMessage()));
            }
        }
        if (key.isEmpty()) {
            errors.add(new RowError(keyColumn, "VALIDATION", "the key is empty"));
        } else {
            Long earlier = seenKeys.putIfAbsent(key, row.line());
            if (earlier != null) {
                errors.add(new RowError(keyColumn, "VALIDATION", "the key '" + key + "' is already on line " + earlier));
            }
        }
        CustomerUpsert item = new CustomerUpsert();
        item.setClientRef("line-" + row.line());
        ExternalKey k = new ExternalKey();
        k.setSystem(system);
        k.setId(key);
        item.setKey(k);
        item.setData(data);
        if (errors.isEmpty()) {
            for (RowValidator.Violation v : validator.validate(item)) {
                String column = "key".equals(v.field()) ? keyColumn
                        : v.field() == null ? null : columnOfField.getOrDefault(v.field(), v.field());
                errors.add(new RowError(column, "VALIDATION", v.message()));
            }
        }
        return new MappedRow(row, key, errors.isEmpty() ? item : null, List.copyOf(errors));
    }
}
