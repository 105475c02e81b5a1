package org.polenta.service.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import org.polenta.core.archive.ArchivePolicy;
import org.polenta.core.archive.ArchivePolicyItem;
import org.polenta.core.time.Timespans;

/** An archive policy as Gnocchi shows it; method order is not defined by Gnocchi, sorted here for stability. */
@JsonPropertyOrder({"name", "back_window", "definition", "aggregation_methods"})
public record ArchivePolicyJson(
        @JsonProperty("name") String name,
        @JsonProperty("back_window") int backWindow,
        @JsonProperty("definition") List<Item> definition,
        @JsonProperty("aggregation_methods") List<String> aggregationMethods) {

    /** One definition line; granularity and timespan rendered like Python's str(timedelta), e.g. "0:01:00". */
    @JsonPropertyOrder({"granularity", "points", "timespan"})
    public record Item(
            @JsonProperty("granularity") String granularity,
            @JsonProperty("points") Long points,
            @JsonProperty("timespan") String timespan) {

        static Item of(ArchivePolicyItem item) {
            Long timespan = item.timespanNanos();
            return new Item(Timespans.format(item.granularityNanos()), item.points(),
                    timespan == null ? null : Timespans.format(timespan));
        }
    }

    public static ArchivePolicyJson of(ArchivePolicy p) {
        return new ArchivePolicyJson(p.name(), p.backWindow(),
                p.definition().stream().map(Item::of).toList(),
                p.aggregationMethods().stream().sorted().toList());
    }
}
