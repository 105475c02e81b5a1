package org.polenta.service.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An HTTP Accept header, matched against offered media types the way webob's acceptable_offers does it:
 * each offer takes the quality of the most specific range that matches it (type/subtype, then type/*, then
 * *&#47;*), offers with quality 0 or no match are left out, and ties keep the order of the offers.
 */
public final class AcceptHeader {

    private record Range(String type, String subtype, double q) {
        int specificity(String offerType, String offerSubtype) {
            if (type.equals("*")) {
                return subtype.equals("*") ? 1 : -1;
            }
            if (!type.equals(offerType)) {
                return -1;
            }
            if (subtype.equals("*")) {
                return 2;
            }
            return subtype.equals(offerSubtype) ? 3 : -1;
        }
    }

    private final List<Range> ranges;

    private AcceptHeader(List<Range> ranges) {
        this.ranges = ranges;
    }

    /** Null or empty accepts nothing; a header that is not a list of media ranges accepts anything (webob's rules). */
    public static AcceptHeader parse(String header) {
        List<Range> ranges = new ArrayList<>();
        if (header == null) {
            return new AcceptHeader(ranges);
        }
        for (String part : header.split(",")) {
            String[] params = part.trim().split(";");
            String[] mediaType = params[0].trim().toLowerCase(Locale.ROOT).split("/", 2);
            if (mediaType.length != 2 || mediaType[0].isEmpty() || mediaType[1].isEmpty()) {
                continue;
            }
            double q = 1.0;
            for (int i = 1; i < params.length; i++) {
                String[] kv = params[i].trim().split("=", 2);
                if (kv.length == 2 && kv[0].trim().equalsIgnoreCase("q")) {
                    try {
                        q = Double.parseDouble(kv[1].trim());
                    } catch (NumberFormatException e) {
                        q = 0;
                    }
                }
            }
            ranges.add(new Range(mediaType[0], mediaType[1], q));
        }
        if (ranges.isEmpty() && !header.isBlank()) {
            ranges.add(new Range("*", "*", 1.0));
        }
        return new AcceptHeader(ranges);
    }

    /** The acceptable offers, best first. */
    public List<String> acceptableOffers(List<String> offers) {
        record Scored(String offer, double q, int order) {
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < offers.size(); i++) {
            String[] t = offers.get(i).split("/", 2);
            int best = -1;
            double q = 0;
            for (Range r : ranges) {
                int s = r.specificity(t[0], t[1]);
                if (s > best) {
                    best = s;
                    q = r.q();
                }
            }
            if (best > 0 && q > 0) {
                scored.add(new Scored(offers.get(i), q, i));
            }
        }
        scored.sort(Comparator.comparingDouble(Scored::q).reversed().thenComparingInt(Scored::order));
        return scored.stream().map(Scored::offer).toList();
    }
}
