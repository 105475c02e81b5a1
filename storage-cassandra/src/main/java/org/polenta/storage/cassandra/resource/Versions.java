package org.polenta.storage.cassandra.resource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.polenta.core.resource.Resource;

/** A resource's history from its current version and its stored past rows. */
final class Versions {

    private Versions() {
    }

    /**
     * Oldest first, current last. Past rows not below the current revision are leftovers of a lost race; each
     * past version ends where the next begins and shows the current metrics.
     */
    static List<Resource> assemble(Resource current, List<Resource> pastRows) {
        List<Resource> past = new ArrayList<>(pastRows.stream()
            .filter(row -> row.revision() < current.revision())
            .sorted(Comparator.comparingLong(Resource::revision))
            .toList());
        List<Resource> versions = new ArrayList<>(past.size() + 1);
        for (int i = 0; i < past.size(); i++) {
            Resource successor = i + 1 < past.size() ? past.get(i + 1) : current;
            Resource version = past.get(i);
            versions.add(version.withRevision(version.revision(), version.revisionStart(), successor.revisionStart())
                .withMetrics(current.metrics()));
        }
        versions.add(current);
        return versions;
    }
}
