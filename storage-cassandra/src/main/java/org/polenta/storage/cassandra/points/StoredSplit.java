package org.polenta.storage.cassandra.points;

import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SeriesCodec;
import org.polenta.storage.cassandra.codec.SplitAlias;

/** A split as its row holds it: its points, or the method whose split at the same index it is an alias of. */
record StoredSplit(long index, Points points, String aliasOf) {

    static StoredSplit of(long index, byte[] blob) {
        if (SplitAlias.isAlias(blob)) {
            return new StoredSplit(index, null, SplitAlias.targetOf(blob));
        }
        return new StoredSplit(index, pointsOf(blob), null);
    }

    boolean aliased() {
        return aliasOf != null;
    }

    /**
     * The points of a blob that must not be an alias (null: no row). Aliases always point at a full split written
     * in the same run, so an alias of an alias means the rows were written some other way.
     */
    static Points pointsOf(byte[] blob) {
        if (blob == null) {
            return Points.EMPTY;
        }
        if (SplitAlias.isAlias(blob)) {
            throw new IllegalStateException("a split alias points at another alias, of "
                + SplitAlias.targetOf(blob));
        }
        return SeriesCodec.decode(blob);
    }
}
