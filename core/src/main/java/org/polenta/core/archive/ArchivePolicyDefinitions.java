package org.polenta.core.archive;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.polenta.core.errors.InvalidInputException;
import org.polenta.core.time.Timespans;
import org.polenta.core.validation.IntCoercion;
import org.polenta.core.validation.SchemaViolation;
import org.polenta.core.validation.SchemaViolationException;

/**
 * The "definition" list of an archive policy body: first checked against Gnocchi's schema (every item a mapping
 * of granularity/points/timespan, timespans positive, points at least 1, at least one item), then each item
 * completed from any two of its three fields as archive_policy.ArchivePolicyItem does it.
 */
final class ArchivePolicyDefinitions {

    private static final Set<String> ITEM_KEYS = Set.of("granularity", "points", "timespan");
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ArchivePolicyDefinitions() {
    }

    /** One item as the schema leaves it: each field absent (null) or converted. */
    record ItemFields(Long granularityNanos, BigInteger points, Long timespanNanos) {
    }

    /** @throws SchemaViolationException worded and placed as Gnocchi's schema reports it */
    static List<ItemFields> validate(Object definition, List<Object> path) {
        if (!(definition instanceof List<?> items)) {
            throw new SchemaViolationException(SchemaViolation.dictionaryValue(path, "expected a list"));
        }
        List<ItemFields> fields = new ArrayList<>(items.size());
        SchemaViolation notAMapping = null;
        for (int i = 0; i < items.size(); i++) {
            List<Object> itemPath = SchemaViolation.append(path, i);
            if (items.get(i) instanceof Map<?, ?> item) {
                // voluptuous stops at the first error inside an item, but only notes an item that is not a
                // mapping and goes on, so a later item's inner error wins over an earlier non-mapping.
                fields.add(validateItem(item, itemPath));
            } else if (notAMapping == null) {
                notAMapping = SchemaViolation.at(itemPath, "expected a dictionary");
            }
        }
        if (notAMapping != null) {
            throw new SchemaViolationException(notAMapping);
        }
        if (fields.isEmpty()) {
            throw new SchemaViolationException(SchemaViolation.dictionaryValue(path, "length of value must be at least 1"));
        }
        return fields;
    }

    /**
     * Completes every item, in order.
     *
     * @throws InvalidInputException with archive_policy.py's message for the first item that does not add up
     */
    static List<ArchivePolicyItem> complete(List<ItemFields> items) {
        List<ArchivePolicyItem> completed = new ArrayList<>(items.size());
        for (ItemFields item : items) {
            completed.add(complete(item));
        }
        return completed;
    }

    /** @throws InvalidInputException "More than one archive policy uses granularity `1.0'" */
    static void requireDistinctGranularities(List<ArchivePolicyItem> items) {
        Map<Long, Integer> counts = new HashMap<>();
        items.forEach(item -> counts.merge(item.granularityNanos(), 1, Integer::sum));
        for (ArchivePolicyItem item : items) {
            if (counts.get(item.granularityNanos()) > 1) {
                throw new InvalidInputException("More than one archive policy uses granularity `"
                        + Timespans.secondsText(item.granularityNanos()) + "'");
            }
        }
    }

    private static ItemFields validateItem(Map<?, ?> item, List<Object> path) {
        Long granularity = null;
        BigInteger points = null;
        Long timespan = null;
        for (var entry : item.entrySet()) {
            Object key = entry.getKey();
            List<Object> keyPath = SchemaViolation.append(path, key);
            if (!ITEM_KEYS.contains(key)) {
                throw new SchemaViolationException(SchemaViolation.at(keyPath, "extra keys not allowed"));
            }
            switch ((String) key) {
                case "granularity" -> granularity = timespan(entry.getValue(), keyPath);
                case "timespan" -> timespan = timespan(entry.getValue(), keyPath);
                default -> points = points(entry.getValue(), keyPath);
            }
        }
        return new ItemFields(granularity, points, timespan);
    }

    private static long timespan(Object raw, List<Object> keyPath) {
        try {
            return Timespans.parse(raw);
        } catch (InvalidInputException e) {
            throw new SchemaViolationException(SchemaViolation.dictionaryValue(keyPath, e.getMessage()));
        }
    }

    private static BigInteger points(Object raw, List<Object> keyPath) {
        BigInteger points = IntCoercion.coerce(raw).orElseThrow(
                () -> new SchemaViolationException(SchemaViolation.dictionaryValue(keyPath, "expected int")));
        if (points.signum() < 1) {
            throw new SchemaViolationException(SchemaViolation.dictionaryValue(keyPath, "value must be at least 1"));
        }
        return points;
    }

    private static ArchivePolicyItem complete(ItemFields item) {
        Long granularity = item.granularityNanos();
        BigInteger points = item.points();
        Long timespan = item.timespanNanos();
        if (granularity != null && points != null && timespan != null
                && !BigInteger.valueOf(granularity).multiply(points).equals(BigInteger.valueOf(timespan))) {
            throw new InvalidInputException("timespan ≠ granularity × points");
        }
        if (granularity == null) {
            if (points == null || timespan == null) {
                throw new InvalidInputException("At least two of granularity/points/timespan must be provided");
            }
            // numpy: timedelta64 / float, truncated back to whole nanoseconds.
            granularity = (long) (timespan / points.doubleValue());
            if (granularity <= 0) {
                // Gnocchi would store a zero granularity here; nothing could ever be aggregated with it.
                throw new InvalidInputException("Granularity should be > 0");
            }
        }
        if (points == null) {
            if (timespan == null) {
                return new ArchivePolicyItem(granularity, null);
            }
            long computed = (long) ((double) timespan / (double) granularity);
            if (computed <= 0) {
                throw new InvalidInputException("Calculated number of points is < 0");
            }
            return new ArchivePolicyItem(granularity, computed);
        }
        if (BigInteger.valueOf(granularity).multiply(points).compareTo(LONG_MAX) > 0) {
            throw new InvalidInputException("Timespan out of range");
        }
        return new ArchivePolicyItem(granularity, points.longValueExact());
    }
}
