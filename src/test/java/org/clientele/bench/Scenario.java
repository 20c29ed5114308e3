package org.clientele.bench;

/** One kind of call the benchmark repeats; each worker thread gets its own {@link Call} with its own client and state. */
record Scenario(String name, String description, Factory factory) {

    /** A worker's call: performs one request and returns the number of records it carried, or throws when it failed. */
    interface Call {
        int call() throws Exception;

        /** Releases what the call holds (a JDBC connection); called once the step has ended. */
        default void close() throws Exception {
        }
    }

    /** Creates the call of worker {@code worker} of {@code workers}. */
    interface Factory {
        Call create(int worker, int workers) throws Exception;
    }
}
