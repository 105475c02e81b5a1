package org.polenta.storage.cassandra.points;

import java.nio.ByteBuffer;
import org.polenta.core.aggregates.Points;
import org.polenta.storage.cassandra.codec.SeriesCodec;

/** Between SeriesCodec blobs and the driver's ByteBuffers. */
final class Blobs {

    private Blobs() {
    }

    static Points decode(ByteBuffer blob) {
        if (blob == null) {
            return Points.EMPTY;
        }
        return SeriesCodec.decode(bytes(blob));
    }

    /** The buffer's bytes; null for a null buffer (no row, or no value). */
    static byte[] bytes(ByteBuffer blob) {
        if (blob == null) {
            return null;
        }
        byte[] bytes = new byte[blob.remaining()];
        blob.duplicate().get(bytes);
        return bytes;
    }

    static ByteBuffer encode(Points points, long unit) {
        return ByteBuffer.wrap(SeriesCodec.encode(points, unit));
    }
}
