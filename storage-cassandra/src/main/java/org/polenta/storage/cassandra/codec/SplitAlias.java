package org.polenta.storage.cassandra.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The on-disk form of a split that holds exactly what another method's split at the same metric, granularity and
 * index holds: at the finest granularity every bucket has one point, and mean, min, max, sum (also first, last,
 * median...) are the same series, so all but one of them are stored as this instead of a SeriesCodec blob.
 *
 * <pre>
 * byte    marker (0xA1): never a SeriesCodec format version, so the first byte tells the two apart
 * ...     the target method's name, UTF-8, to the end of the blob
 * </pre>
 */
public final class SplitAlias {

    static final byte MARKER = (byte) 0xA1;

    private SplitAlias() {
    }

    public static byte[] encode(String targetMethod) {
        byte[] name = targetMethod.getBytes(StandardCharsets.UTF_8);
        if (name.length == 0) {
            throw new IllegalArgumentException("an alias needs a target method");
        }
        byte[] blob = new byte[1 + name.length];
        blob[0] = MARKER;
        System.arraycopy(name, 0, blob, 1, name.length);
        return blob;
    }

    public static boolean isAlias(byte[] blob) {
        return blob != null && blob.length > 1 && blob[0] == MARKER;
    }

    /** The method whose split this alias stands for; the blob must be an alias. */
    public static String targetOf(byte[] blob) {
        if (!isAlias(blob)) {
            throw new IllegalArgumentException("not a split alias: " + Arrays.toString(
                blob == null ? null : Arrays.copyOf(blob, Math.min(blob.length, 4))));
        }
        return new String(blob, 1, blob.length - 1, StandardCharsets.UTF_8);
    }
}
