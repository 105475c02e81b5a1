package org.polenta.storage.cassandra.resource;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** Candidates in ascending ResourceKey order, read lazily. */
interface CandidateScan {

    /** The next candidate without consuming it; null at the end. */
    Candidate peek();

    /** The next candidate; null at the end. */
    Candidate next();

    static CandidateScan of(List<Candidate> sorted) {
        Deque<Candidate> queue = new ArrayDeque<>(sorted);
        return new CandidateScan() {
            @Override
            public Candidate peek() {
                return queue.peekFirst();
            }

            @Override
            public Candidate next() {
                return queue.pollFirst();
            }
        };
    }
}
