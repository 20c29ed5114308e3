package org.clientele.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** Keyset paging: page sizes, the next-page token only when more rows follow, and tokens bound to their query. */
class PagingTest {
    private final PageTokens tokens = new PageTokens(new byte[32]);

    private static List<Long> rows(long from, long to) {
        return LongStream.rangeClosed(from, to).boxed().toList();
    }

    @Test
    void readsOneRowMoreThanThePageAndTokensThePositionOfItsLastRow() {
        Paging paging = Paging.of(tokens, "things", "q", 3);
        assertEquals(4, paging.rowsToRead());
        assertEquals(0, paging.afterId(null), "the first page starts at the beginning");
        Page<Long> first = paging.pageById(rows(1, 4), id -> id);
        assertEquals(List.of(1L, 2L, 3L), first.items());
        assertNotNull(first.nextPageToken());
        assertEquals(3, paging.afterId(first.nextPageToken()));
        Page<Long> last = paging.pageById(rows(4, 6), id -> id);
        assertEquals(List.of(4L, 5L, 6L), last.items());
        assertNull(last.nextPageToken(), "no row beyond the page: no next page");
    }

    @Test
    void theDefaultAndTheLimitsOfThePageSize() {
        assertEquals(Limits.DEFAULT_PAGE_SIZE + 1, Paging.of(tokens, "things", "q", null).rowsToRead());
        CrmException tooBig = assertThrows(CrmException.class, () -> Paging.of(tokens, "things", "q", Limits.MAX_PAGE_SIZE + 1));
        assertEquals("pageSize", tooBig.field());
        assertThrows(CrmException.class, () -> Paging.of(tokens, "things", "q", 0));
    }

    @Test
    void aTokenOfAnotherQueryOrScopeIsRefused() {
        String token = Paging.of(tokens, "things", "q", 1).pageById(rows(1, 2), id -> id).nextPageToken();
        CrmException otherQuery = assertThrows(CrmException.class, () -> Paging.of(tokens, "things", "other", 1).afterId(token));
        assertEquals(ErrorCode.VALIDATION, otherQuery.code());
        assertThrows(CrmException.class, () -> Paging.of(tokens, "others", "q", 1).afterId(token));
    }

    @Test
    void positionsOfSeveralPartsAndMappedPages() {
        Paging paging = Paging.of(tokens, "events", "c1", 2);
        Page<String> page = paging.page(List.of("a", "b", "c"), s -> List.of(s + "-at", s + "-id"));
        assertEquals(List.of("b-at", "b-id"), paging.after(page.nextPageToken(), 2));
        assertEquals(List.of("A", "B"), page.map(items -> items.stream().map(String::toUpperCase).toList()).items());
        assertEquals(page.nextPageToken(), page.map(items -> items).nextPageToken());
        assertNull(paging.after(null, 2));
        CrmException notANumber = assertThrows(CrmException.class, () -> Paging.parseLong("x"));
        assertEquals("pageToken", notANumber.field());
    }
}
