package org.polenta.storage.cassandra.resource;

import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/** The ordered union of ordered scans (k-way merge); equal keys come out one after the other. */
final class MergedScan implements CandidateScan {

    private final PriorityQueue<CandidateScan> heads =
        new PriorityQueue<>(Comparator.comparing((CandidateScan scan) -> scan.peek().key()));
    private final List<CandidateScan> unopened;
    private boolean opened;

    MergedScan(List<? extends CandidateScan> scans) {
        this.unopened = List.copyOf(scans);
    }

    @Override
    public Candidate peek() {
        open();
        CandidateScan first = heads.peek();
        return first == null ? null : first.peek();
    }

    @Override
    public Candidate next() {
        open();
        CandidateScan first = heads.poll();
        if (first == null) {
            return null;
        }
        Candidate next = first.next();
        if (first.peek() != null) {
            heads.add(first);
        }
        return next;
    }

    /** Waits for every first page only when the first candidate is wanted. */
    private void open() {
        if (!opened) {
            opened = true;
            for (CandidateScan scan : unopened) {
                if (scan.peek() != null) {
                    heads.add(scan);
                }
            }
        }
    }
}
