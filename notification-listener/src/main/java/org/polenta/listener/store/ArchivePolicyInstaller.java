package org.polenta.listener.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.polenta.core.archive.ArchivePolicyParser;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.errors.AlreadyExistsException;
import org.polenta.listener.mapping.ArchivePolicyDefinition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the archive policies the mapping files metrics under (ceilometer-low, -low-rate, -high, -high-rate) when
 * they are missing, as Ceilometer's publisher does before its first batch. An existing policy is left as it is,
 * even if an operator changed it. The definitions go through the API's own parser, so they obey the same rules.
 */
public final class ArchivePolicyInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(ArchivePolicyInstaller.class);

    private final ArchivePolicyRepository policies;

    public ArchivePolicyInstaller(ArchivePolicyRepository policies) {
        this.policies = policies;
    }

    /** @return the names of the policies this call created */
    public List<String> install(Map<String, ArchivePolicyDefinition> definitions) {
        List<String> created = new ArrayList<>();
        for (ArchivePolicyDefinition definition : definitions.values()) {
            if (policies.get(definition.name()).isPresent()) {
                continue;
            }
            try {
                policies.create(ArchivePolicyParser.parse(body(definition)));
                created.add(definition.name());
            } catch (AlreadyExistsException e) {
                // Another instance starting at the same time created it.
            }
        }
        if (!created.isEmpty()) {
            LOG.info("created archive policies {}", created);
        }
        return created;
    }

    /** The POST /v1/archive_policy body Ceilometer sends. */
    static Map<String, Object> body(ArchivePolicyDefinition definition) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", definition.name());
        body.put("aggregation_methods", definition.aggregationMethods());
        body.put("back_window", definition.backWindow());
        List<Map<String, Object>> items = new ArrayList<>();
        for (ArchivePolicyDefinition.Item item : definition.definition()) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("granularity", item.granularity());
            json.put("timespan", item.timespan());
            items.add(json);
        }
        body.put("definition", items);
        return body;
    }
}
