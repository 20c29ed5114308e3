package org.clientele.platform;

import java.util.List;
import java.util.function.Function;

/** One page of results and the token for the next page (null on the last page). */
public record Page<T>(List<T> items, String nextPageToken) {

    /** The same page with its items turned into something else (e.g. loaded or decorated for the response). */
    public <R> Page<R> map(Function<List<T>, List<R>> items) {
        return new Page<>(items.apply(this.items), nextPageToken);
    }
}
