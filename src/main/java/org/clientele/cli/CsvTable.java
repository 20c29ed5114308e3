package org.clientele.cli;

import java.util.List;

/** A parsed CSV file: its header and its data rows, each with the line it starts on. */
public record CsvTable(List<String> header, List<Row> rows) {

    /** One data row: {@code number} counts data rows from 1, {@code line} is the file line it starts on (header = 1). */
    public record Row(int number, long line, List<String> fields) {
    }

    public CsvTable {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    public int column(String name) {
        return header.indexOf(name);
    }
}
