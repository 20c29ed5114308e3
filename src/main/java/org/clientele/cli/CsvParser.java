package org.clientele.cli;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a whole CSV file (RFC 4180: quoted fields, doubled quotes, line breaks inside quotes, CRLF or LF) strictly:
 * bytes that are not valid in the charset, a quote out of place, an unclosed quote, a blank or repeated column name and
 * rows whose field count differs from the header's are errors that name their line. Blank lines are skipped.
 */
public final class CsvParser {
    /** At most this many problems are collected before parsing stops. */
    static final int MAX_PROBLEMS = 20;

    private final char delimiter;
    private final Charset charset;

    public CsvParser(char delimiter, Charset charset) {
        this.delimiter = delimiter;
        this.charset = charset;
    }

    public CsvTable parse(byte[] content) throws CsvFormatException {
        String text = decode(content);
        List<String> problems = new ArrayList<>();
        List<CsvTable.Row> rows = new ArrayList<>();
        List<String> header = null;
        int pos = text.startsWith("\uFEFF") ? 1 : 0;
        long line = 1;
        int number = 0;
        while (pos < text.length() && problems.size() < MAX_PROBLEMS) {
            long start = line;
            List<String> fields = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            boolean afterQuote = false;
            boolean recordDone = false;
            boolean broken = false;
            long quoteOpened = 0;
            while (pos < text.length() && !recordDone) {
                char c = text.charAt(pos++);
                if (quoted) {
                    if (c == '"') {
                        if (pos < text.length() && text.charAt(pos) == '"') {
                            field.append('"');
                            pos++;
                        } else {
                            quoted = false;
                            afterQuote = true;
                        }
                    } else {
                        if (c == '\n' || (c == '\r' && (pos >= text.length() || text.charAt(pos) != '\n'))) {
                            line++;
                        }
                        field.append(c);
                    }
                } else if (c == delimiter) {
                    fields.add(field.toString());
                    field.setLength(0);
                    afterQuote = false;
                } else if (c == '\r' || c == '\n') {
                    if (c == '\r' && pos < text.length() && text.charAt(pos) == '\n') {
                        pos++;
                    }
                    line++;
                    recordDone = true;
                } else if (afterQuote) {
                    if (!broken) {
                        problems.add("line " + line + ": unexpected character '" + c + "' after a closing quote"
                                + " (a quote inside a quoted field is written as two quotes)");
                    }
                    broken = true;
                } else if (c == '"') {
                    if (field.length() == 0) {
                        quoted = true;
                        quoteOpened = line;
                    } else {
                        if (!broken) {
                            problems.add("line " + line + ": a quote inside an unquoted field"
                                    + " (quote the whole field and double the quote)");
                        }
                        broken = true;
                    }
                } else {
                    field.append(c);
                }
            }
            if (quoted) {
                problems.add("line " + quoteOpened + ": a quoted field is not closed before the end of the file");
                break;
            }
            fields.add(field.toString());
            if (broken) {
                continue;
            }
            if (fields.size() == 1 && fields.get(0).isEmpty()) {
                continue;
            }
            if (header == null) {
                header = header(fields, start, problems);
            } else if (fields.size() != header.size()) {
                problems.add("line " + start + ": " + fields.size() + " fields, but the header (line 1) has "
                        + header.size());
            } else {
                rows.add(new CsvTable.Row(++number, start, fields));
            }
        }
        if (header == null && problems.isEmpty()) {
            problems.add("line 1: the file is empty; the first line must name the columns");
        }
        if (!problems.isEmpty()) {
            throw new CsvFormatException(problems);
        }
        return new CsvTable(header, rows);
    }

    private static List<String> header(List<String> fields, long line, List<String> problems) {
        List<String> names = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            String name = fields.get(i).trim();
            if (name.isEmpty()) {
                problems.add("line " + line + ": column " + (i + 1) + " of the header has no name");
            } else if (!seen.add(name)) {
                problems.add("line " + line + ": column '" + name + "' appears twice in the header");
            }
            names.add(name);
        }
        return names;
    }

    /** Decodes strictly; the first invalid byte is reported with its line. */
    private String decode(byte[] content) throws CsvFormatException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(content);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(content.length * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            long line = 1;
            for (int i = 0; i < at; i++) {
                if (content[i] == '\n') {
                    line++;
                }
            }
            throw CsvFormatException.at(line, String.format("byte 0x%02X (offset %d) is not valid %s; save the file as"
                    + " %s or name its encoding with --charset", content[at] & 0xFF, at, charset.name(), charset.name()));
        }
        out.flip();
        return out.toString();
    }
}
