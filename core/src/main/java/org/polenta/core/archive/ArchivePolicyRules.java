package org.polenta.core.archive;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.polenta.core.text.PythonStrings;

/**
 * Which rule picks the archive policy of a metric created without one. Gnocchi's indexer lists rules by
 * metric_pattern descending, then name ascending, and takes the first whose fnmatch pattern matches the metric
 * name (an unnamed metric matches as ""). Descending order puts "disk.foo.*" before "disk.*" before "*", so the
 * more specific patterns usually win. Patterns compare by code point, as a C-collation database does.
 */
public final class ArchivePolicyRules {

    /** The order in which rules are tried, which is also the order GET /v1/archive_policy_rule lists them. */
    public static final Comparator<ArchivePolicyRule> MATCHING_ORDER =
            Comparator.comparing(ArchivePolicyRule::metricPattern, PythonStrings::compareCodePoints).reversed()
                    .thenComparing(ArchivePolicyRule::name, PythonStrings::compareCodePoints);

    private ArchivePolicyRules() {
    }

    public static Optional<ArchivePolicyRule> match(Collection<ArchivePolicyRule> rules, String metricName) {
        String name = metricName == null ? "" : metricName;
        return inMatchingOrder(rules).stream()
                .filter(rule -> FnMatch.matches(rule.metricPattern(), name))
                .findFirst();
    }

    public static List<ArchivePolicyRule> inMatchingOrder(Collection<ArchivePolicyRule> rules) {
        return rules.stream().sorted(MATCHING_ORDER).toList();
    }
}
