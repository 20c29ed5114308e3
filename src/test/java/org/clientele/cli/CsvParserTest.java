package org.clientele.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvParserTest {
    private static final CsvParser UTF8 = new CsvParser(',', StandardCharsets.UTF_8);

    private static CsvTable parse(String text) throws CsvFormatException {
        return UTF8.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> problems(byte[] content) {
        return assertThrows(CsvFormatException.class, () -> UTF8.parse(content)).problems();
    }

    private static List<String> problems(String text) {
        return problems(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsQuotedFieldsDoubledQuotesAndLineBreaksAndNumbersTheLines() throws Exception {
        CsvTable t = parse("\uFEFFid,name,note\r\n1,\"Acme, Inc.\",\"say \"\"hi\"\"\"\r\n2,Beta,\"two\nlines\"\n\n3,Gamma,\n");
        assertEquals(List.of("id", "name", "note"), t.header());
        assertEquals(3, t.rows().size());
        assertEquals(List.of("1", "Acme, Inc.", "say \"hi\""), t.rows().get(0).fields());
        assertEquals(2, t.rows().get(0).line());
        assertEquals(List.of("2", "Beta", "two\nlines"), t.rows().get(1).fields());
        assertEquals(3, t.rows().get(1).line());
        // the quoted line break and the blank line both count: Gamma starts on line 6
        assertEquals(List.of("3", "Gamma", ""), t.rows().get(2).fields());
        assertEquals(6, t.rows().get(2).line());
        assertEquals(3, t.rows().get(2).number());
    }

    @Test
    void raggedRowsAreReportedWithTheirLines() {
        List<String> p = problems("id,name\n1,A\n2\n3,C,extra\n4,D\n");
        assertEquals(List.of("line 3: 1 fields, but the header (line 1) has 2",
                "line 4: 3 fields, but the header (line 1) has 2"), p);
    }

    @Test
    void invalidUtf8IsReportedWithItsLine() {
        byte[] latin1 = "id,name\n1,Acme\n2,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        List<String> p = problems(latin1);
        assertEquals(1, p.size());
        assertTrue(p.get(0).startsWith("line 3: byte 0xE9 (offset 20) is not valid UTF-8"), p.get(0));
    }

    @Test
    void theSameBytesReadWithTheirCharset() throws Exception {
        byte[] latin1 = "id,name\n2,Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1);
        CsvTable t = new CsvParser(',', Charset.forName("ISO-8859-1")).parse(latin1);
        assertEquals("Caf\u00e9", t.rows().get(0).fields().get(1));
    }

    @Test
    void quotesOutOfPlaceAndUnclosedQuotesNameTheirLines() {
        assertEquals(List.of("line 2: a quote inside an unquoted field (quote the whole field and double the quote)"),
                problems("id,name\n1,Ac\"me\n"));
        assertEquals(List.of("line 3: unexpected character 'x' after a closing quote (a quote inside a quoted field is written as two quotes)"),
                problems("id,name\n1,A\n2,\"B\"x\n"));
        assertEquals(List.of("line 3: a quoted field is not closed before the end of the file"),
                problems("id,name\n1,A\n2,\"B\n3,C\n"));
    }

    @Test
    void headerNeedsDistinctNonBlankNames() {
        assertEquals(List.of("line 1: column 2 of the header has no name", "line 1: column 'id' appears twice in the header"),
                problems("id,,id\n1,2,3\n"));
        assertEquals(List.of("line 1: the file is empty; the first line must name the columns"), problems(""));
    }

    @Test
    void stopsCollectingAfterTwentyProblems() {
        StringBuilder b = new StringBuilder("id,name\n");
        for (int i = 0; i < 50; i++) {
            b.append("x\n");
        }
        assertEquals(CsvParser.MAX_PROBLEMS, problems(b.toString()).size());
    }
}
