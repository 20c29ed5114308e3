package org.clientele.platform;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Keyset paging of one query: the effective page size, the position a page token carries, and the page of the rows
 * read (one more than the page size, so the presence of a next page is known without counting).
 */
public final class Paging {
    private final PageTokens tokens;
    private final String scope;
    private final String query;
    private final int size;

    private Paging(PageTokens tokens, String scope, String query, int size) {
        this.tokens = tokens;
        this.scope = scope;
        this.query = query;
        this.size = size;
    }

    /** Paging of the query (scope and canonical filters); VALIDATION when the requested page size is out of range. */
    public static Paging of(PageTokens tokens, String scope, String query, Integer requestedSize) {
        return new Paging(tokens, scope, query, Limits.pageSize(requestedSize));
    }

    /** How many rows to read: the page size plus one. */
    public int rowsToRead() {
        return size + 1;
    }

    /** The position a token carries (null for the first page); VALIDATION when the token is not one of this query's. */
    public List<String> after(String pageToken, int positionParts) {
        return pageToken == null ? null : tokens.decode(pageToken, scope, query, positionParts);
    }

    /** The id a token carries for queries ordered by id alone (0 for the first page). */
    public long afterId(String pageToken) {
        List<String> position = after(pageToken, 1);
        return position == null ? 0 : parseLong(position.get(0));
    }

    /** The page of the rows read, with a token for the position of its last row when more rows follow. */
    public <T> Page<T> page(List<T> rows, Function<T, List<String>> position) {
        if (rows.size() <= size) {
            return new Page<>(new ArrayList<>(rows), null);
        }
        List<T> items = new ArrayList<>(rows.subList(0, size));
        return new Page<>(items, tokens.encode(scope, query, position.apply(items.get(size - 1))));
    }

    /** The page of rows ordered by id alone. */
    public <T> Page<T> pageById(List<T> rows, Function<T, Long> id) {
        return page(rows, r -> List.of(String.valueOf(id.apply(r))));
    }

    /** A number from a page token; VALIDATION when it is not one. */
    public static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw CrmException.validation("pageToken", "The page token is not valid");
        }
    }
}
