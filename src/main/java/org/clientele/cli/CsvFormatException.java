package org.clientele.cli;

import java.util.List;

/** A CSV file that cannot be imported as a whole (encoding, header, ragged rows); each problem names its line. */
public class CsvFormatException extends Exception {
    private final List<String> problems;

    public CsvFormatException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public static CsvFormatException at(long line, String problem) {
        return new CsvFormatException(List.of("line " + line + ": " + problem));
    }

    /** One entry per problem, each starting with "line N: ". */
    public List<String> problems() {
        return problems;
    }
}
