package org.polenta.listener.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.polenta.listener.Fixtures;
import org.polenta.listener.sample.OsloEnvelopeDecoder;
import org.polenta.listener.sample.OsloMessage;
import org.polenta.listener.sample.Sample;
import org.polenta.listener.sample.SampleParser;
import org.polenta.listener.sample.WireJson;

class MeterMappingTest {

    private final MeterMapping mapping = Fixtures.shippedMapping();

    private static Sample sample(Map<String, Object> wire) throws Exception {
        OsloMessage message = new OsloMessage("m", "p", SampleParser.METERING, "SAMPLE", List.of(wire),
                "2024-01-01 00:00:00", 0, "u", Map.of());
        return new SampleParser().samples(message).get(0);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> publisherExpectations() throws IOException {
        return (List<Map<String, Object>>) WireJson.read(Fixtures.resource("mapping/publisher-expectations.json"));
    }

    /** Each case: a sample and what the real GnocchiPublisher computes for it (src/test/python/make_fixtures.py). */
    @Test
    @SuppressWarnings("unchecked")
    void mapsEveryMeterAsCeilometersPublisherDoes() throws Exception {
        List<Map<String, Object>> cases = publisherExpectations();
        assertThat(cases).hasSize(155);
        List<String> fromIds = new java.util.ArrayList<>();
        for (Map<String, Object> c : cases) {
            Map<String, Object> expected = (Map<String, Object>) c.get("expected");
            Sample sample = sample((Map<String, Object>) c.get("sample"));
            SampleMapping outcome = mapping.map(sample);
            String meter = sample.counterName();
            assertThat(outcome.isMapped()).as(meter).isTrue();
            MappedSample mapped = outcome.mapped();
            assertThat(mapped.resourceType()).as(meter).isEqualTo(expected.get("resource_type"));
            assertThat(mapped.resourceId()).as(meter).isEqualTo(expected.get("resource_id"));
            assertThat(mapped.originalResourceId()).as(meter).isEqualTo(sample.resourceId());
            assertThat(mapped.metricName()).as(meter).isEqualTo(expected.get("metric"));
            assertThat(mapped.archivePolicy()).as(meter).isEqualTo(expected.get("archive_policy"));
            assertThat(mapped.unit()).as(meter).isEqualTo(expected.get("unit"));
            Map<String, Object> attributes = (Map<String, Object>) expected.get("attributes");
            assertThat(mapped.attributes()).as(meter).containsAllEntriesOf(attributes);
            // Only deliberate addition: a required attribute the metadata lacks, read from the pollster's id shape.
            ResourceTypeMapping type = mapping.resourceTypes().get(mapped.resourceType());
            mapped.attributes().keySet().stream().filter(name -> !attributes.containsKey(name)).forEach(name -> {
                assertThat(type.attributes().get(name).idGroup()).as(meter + " " + name).isNotNull();
                assertThat(type.attributes().get(name).from()).allSatisfy(path -> assertThat(path.find(sample.resourceMetadata())).isNull());
                fromIds.add(meter + "." + name);
            });
            assertThat(mapped.value()).isEqualTo(sample.value());
            assertThat(mapped.messageId()).isEqualTo(sample.messageId());
            assertThat(mapped.timestampNanos()).isEqualTo(sample.timestampNanos());
            assertThat(mapped.userId()).isEqualTo("u1");
            assertThat(mapped.projectId()).isEqualTo("p1");
        }
        // Ceilometer would have sent these without a required attribute, and Gnocchi refused the resource.
        assertThat(fromIds).hasSizeLessThan(10);
    }

    @Test
    @SuppressWarnings("unchecked")
    void claimsExactlyTheMetersOfCeilometer19() throws Exception {
        Set<String> ceilometer = new TreeSet<>();
        for (Map<String, Object> c : publisherExpectations()) {
            ceilometer.add((String) ((Map<String, Object>) c.get("expected")).get("metric"));
        }
        assertThat(new TreeSet<>(mapping.meters())).isEqualTo(ceilometer);
    }

    @Test
    void archivePoliciesAreCeilometers() {
        assertThat(mapping.archivePolicies()).containsOnlyKeys("ceilometer-low", "ceilometer-low-rate", "ceilometer-high",
                "ceilometer-high-rate");
        ArchivePolicyDefinition lowRate = mapping.archivePolicies().get("ceilometer-low-rate");
        assertThat(lowRate.aggregationMethods()).containsExactly("mean", "rate:mean");
        assertThat(lowRate.backWindow()).isZero();
        assertThat(lowRate.definition()).containsExactly(new ArchivePolicyDefinition.Item("5 minutes", "30 days"));
        assertThat(mapping.archivePolicies().get("ceilometer-high").definition()).containsExactly(
                new ArchivePolicyDefinition.Item("1 second", "1 hour"), new ArchivePolicyDefinition.Item("1 minute", "1 day"),
                new ArchivePolicyDefinition.Item("1 hour", "365 days"));
        assertThat(mapping.archivePolicies().get("ceilometer-high-rate").aggregationMethods()).containsExactly("mean", "rate:mean");
    }

    /**
     * The resource types as ceilometer-upgrade left them in a real Gnocchi: replay its POST /v1/resource_type and
     * PATCH (add attribute) calls from the recorded call log and compare every schema.
     */
    @Test
    @SuppressWarnings("unchecked")
    void resourceTypeSchemasAreWhatCeilometerUpgradeCreates() throws Exception {
        Map<String, Map<String, Object>> created = new LinkedHashMap<>();
        for (String line : Files.readAllLines(callLog())) {
            Map<String, Object> call = (Map<String, Object>) WireJson.read(line);
            String url = String.valueOf(call.get("url"));
            if ("POST".equals(call.get("method")) && url.equals("v1/resource_type/")) {
                Map<String, Object> body = (Map<String, Object>) call.get("request_body");
                created.put((String) body.get("name"), new LinkedHashMap<>((Map<String, Object>) body.get("attributes")));
            } else if ("PATCH".equals(call.get("method")) && url.startsWith("v1/resource_type/")) {
                String type = url.substring("v1/resource_type/".length());
                for (Map<String, Object> op : (List<Map<String, Object>>) call.get("request_body")) {
                    created.get(type).put(((String) op.get("path")).substring("/attributes/".length()), op.get("value"));
                }
            }
        }
        assertThat(created).hasSize(23);
        assertThat(mapping.resourceTypes().keySet()).containsExactlyInAnyOrderElementsOf(created.keySet());
        created.forEach((type, attributes) -> {
            Map<String, Object> ours = new HashMap<>();
            mapping.resourceTypes().get(type).attributes().forEach((name, attribute) -> ours.put(name, attribute.schema()));
            assertThat(ours).as(type).isEqualTo(normalise(attributes));
        });
    }

    /** YAML reads 4294967295 as a Long, JSON as a Long too; ints compare by value either way. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> normalise(Map<String, Object> attributes) {
        return (Map<String, Object>) (Map<?, ?>) attributes;
    }

    private static java.nio.file.Path callLog() {
        return java.nio.file.Path.of("src", "test", "resources", "mapping", "gnocchi-publisher-calls.first-run.jsonl");
    }

    /**
     * The real publisher's batches (recorded HTTP calls): for every measure it sent, the same metric, archive
     * policy and unit; for every resource it created, the same type, id and attributes from the same kind of sample.
     */
    @Test
    @SuppressWarnings("unchecked")
    void agreesWithTheRecordedPublisherCalls() throws Exception {
        Map<String, String> typeOfResource = new HashMap<>();
        int measures = 0;
        for (String line : Files.readAllLines(callLog())) {
            Map<String, Object> call = (Map<String, Object>) WireJson.read(line);
            String url = String.valueOf(call.get("url"));
            if ("POST".equals(call.get("method")) && url.startsWith("v1/resource/")) {
                typeOfResource.put((String) ((Map<String, Object>) call.get("request_body")).get("id"),
                        url.substring("v1/resource/".length()));
            }
        }
        for (String line : Files.readAllLines(callLog())) {
            Map<String, Object> call = (Map<String, Object>) WireJson.read(line);
            if (!String.valueOf(call.get("url")).startsWith("v1/batch/resources/metrics/measures")) {
                continue;
            }
            Map<String, Map<String, Map<String, Object>>> body = (Map<String, Map<String, Map<String, Object>>>) call.get("request_body");
            for (var resource : body.entrySet()) {
                for (var metric : resource.getValue().entrySet()) {
                    Map<String, Object> wire = new HashMap<>();
                    wire.put("counter_name", metric.getKey());
                    wire.put("counter_type", "gauge");
                    wire.put("counter_unit", metric.getValue().get("unit"));
                    wire.put("counter_volume", 1);
                    wire.put("user_id", null);
                    wire.put("project_id", null);
                    wire.put("resource_id", resource.getKey());
                    wire.put("timestamp", "2024-01-01T00:00:31.294303");
                    wire.put("message_id", "x");
                    MappedSample mapped = mapping.map(sample(wire)).mapped();
                    assertThat(mapped.archivePolicy()).as(metric.getKey()).isEqualTo(metric.getValue().get("archive_policy_name"));
                    assertThat(mapped.unit()).isEqualTo(metric.getValue().get("unit"));
                    assertThat(mapped.resourceId()).isEqualTo(resource.getKey());
                    if (typeOfResource.containsKey(resource.getKey())) {
                        assertThat(mapped.resourceType()).as(resource.getKey()).isEqualTo(typeOfResource.get(resource.getKey()));
                    }
                    measures++;
                }
            }
        }
        assertThat(measures).isGreaterThan(40);
    }

    @Test
    void capturedPolledCpuSamplesBecomeInstancesLikeThePublisherMadeThem() throws Exception {
        Sample cpu = new SampleParser().samples(new OsloEnvelopeDecoder().decode(Fixtures.bus("notifier-publisher.metering.sample"))).get(0);
        MappedSample mapped = mapping.map(cpu).mapped();
        assertThat(mapped.resourceType()).isEqualTo("instance");
        assertThat(mapped.archivePolicy()).isEqualTo("ceilometer-low-rate");
        // As in the recorded POST /v1/resource/instance: host is instance_host, flavor from the flavor dict.
        assertThat(mapped.attributes()).containsExactly(
                Map.entry("host", "anchor-ceilometer"),
                Map.entry("image_ref", "b22923de-6947-4b58-ac0a-6cf1e4b74e3d"),
                Map.entry("display_name", "anchor-vm-0"),
                Map.entry("flavor_id", "1"),
                Map.entry("flavor_name", "m1.tiny"));
    }

    @Test
    void slashesInResourceIdsBecomeUnderscores() throws Exception {
        Map<String, Object> wire = wire("storage.objects", "AUTH_abc/container/x");
        MappedSample mapped = mapping.map(sample(wire)).mapped();
        assertThat(mapped.resourceId()).isEqualTo("AUTH_abc_container_x");
        assertThat(mapped.originalResourceId()).isEqualTo("AUTH_abc/container/x");
        assertThat(mapped.resourceType()).isEqualTo("swift_account");
    }

    @Test
    void diskAndVnicIdsFillRequiredAttributesTheMetadataLacks() throws Exception {
        MappedSample disk = mapping.map(sample(wire("disk.device.read.bytes", "4e898369-f47c-4e50-bfe5-c244b962c768-vdb"))).mapped();
        assertThat(disk.attributes()).containsExactly(Map.entry("name", "vdb"),
                Map.entry("instance_id", "4e898369-f47c-4e50-bfe5-c244b962c768"));
        MappedSample vnic = mapping.map(sample(wire("network.incoming.bytes",
                "instance-00000001-4e898369-f47c-4e50-bfe5-c244b962c768-tapf47cee50-bf"))).mapped();
        assertThat(vnic.attributes()).containsExactly(Map.entry("name", "tapf47cee50-bf"),
                Map.entry("instance_id", "4e898369-f47c-4e50-bfe5-c244b962c768"));
        // Metadata wins over the id, as Ceilometer only knows the metadata.
        Map<String, Object> withMetadata = wire("disk.device.read.bytes", "4e898369-f47c-4e50-bfe5-c244b962c768-vdb");
        withMetadata.put("resource_metadata", Map.of("disk_name", "sdz"));
        assertThat(mapping.map(sample(withMetadata)).mapped().attributes()).containsEntry("name", "sdz");
        // A filterref-style id does not have the shape: no guess.
        assertThat(mapping.map(sample(wire("network.incoming.bytes", "nova-instance-x-fa163e"))).mapped().attributes()).isEmpty();
    }

    @Test
    void unknownMetersAreSkippedByDefaultOrFiledWhenConfigured() throws Exception {
        Sample unknown = sample(wire("cpu_util", "4e898369-f47c-4e50-bfe5-c244b962c768"));
        assertThat(mapping.map(unknown).skipped()).isEqualTo(SkipReason.UNKNOWN_METER);
        MeterMapping mapAll = edited(text -> text.replace("  action: skip\n", "  action: map\n"));
        MappedSample mapped = mapAll.map(unknown).mapped();
        assertThat(mapped.resourceType()).isEqualTo("generic");
        assertThat(mapped.metricName()).isEqualTo("cpu_util");
        assertThat(mapped.archivePolicy()).isEqualTo("ceilometer-low");
        assertThat(mapped.attributes()).isEmpty();
    }

    @Test
    void samplesOfTheServiceProjectAreSkipped() throws Exception {
        MeterMapping filtering = edited(text -> text.replace("  project_ids: []", "  project_ids: [svc]"));
        Map<String, Object> ofService = wire("cpu", "4e898369-f47c-4e50-bfe5-c244b962c768");
        ofService.put("project_id", "svc");
        assertThat(filtering.map(sample(ofService)).skipped()).isEqualTo(SkipReason.FILTERED_PROJECT);
        assertThat(mapping.map(sample(ofService)).isMapped()).isTrue();
        // The swift account that is the service project itself, whoever reports it.
        Map<String, Object> serviceAccount = wire("storage.objects", "svc");
        assertThat(filtering.map(sample(serviceAccount)).skipped()).isEqualTo(SkipReason.FILTERED_PROJECT);
        assertThat(filtering.map(sample(wire("image.size", "svc"))).isMapped()).isTrue();
        assertThat(mapping.withFilteredProjects(Set.of("svc")).map(sample(ofService)).skipped()).isEqualTo(SkipReason.FILTERED_PROJECT);
    }

    @Test
    void endingRulesFollowCeilometersEventDefinitions() {
        assertThat(ending("compute.instance.delete.start", Map.of("instance_id", "i-1"))).satisfies(e -> {
            assertThat(e.resourceType()).isEqualTo("instance");
            assertThat(e.resourceId()).isEqualTo("i-1");
            assertThat(e.endedAtNanos()).isEqualTo(42);
        });
        assertThat(ending("image.delete", Map.of("id", "img")).resourceType()).isEqualTo("image");
        assertThat(ending("volume.delete.end", Map.of("volume_id", "v", "snapshot_id", "s")).resourceId()).isEqualTo("v");
        assertThat(ending("snapshot.delete.end", Map.of("volume_id", "v", "snapshot_id", "s")).resourceId()).isEqualTo("s");
        assertThat(ending("floatingip.delete.end", Map.of("floatingip", Map.of("id", "f1"))).resourceId()).isEqualTo("f1");
        assertThat(ending("floatingip.delete.end", Map.of("id", "f2")).resourceId()).isEqualTo("f2");
    }

    @Test
    void otherEventsEndNothing() throws Exception {
        for (String type : List.of("compute.instance.delete.end", "compute.instance.create.end", "volume.delete.start", "image.update")) {
            assertThat(mapping.ending(event(type, Map.of("instance_id", "i", "id", "x", "volume_id", "v")))).as(type).isEmpty();
        }
    }

    @Test
    void refusesAMappingItDoesNotUnderstand() {
        assertThatThrownBy(() -> edited(text -> text.replace("cpu: {archive_policy: ceilometer-low-rate}",
                "cpu: {archive_policy: ceilometer-lo}"))).hasMessageContaining("ceilometer-lo");
        assertThatThrownBy(() -> edited(text -> text.replace("      memory.usage:\n", "      memory.usage:\n      image.size:\n")))
                .hasMessageContaining("image.size");
        assertThatThrownBy(() -> edited(text -> text.replace("        from: [disk_name]", "        form: [disk_name]")))
                .hasMessageContaining("form");
    }

    private static Map<String, Object> wire(String meter, String resourceId) {
        Map<String, Object> wire = new HashMap<>();
        wire.put("counter_name", meter);
        wire.put("counter_type", "gauge");
        wire.put("counter_unit", "B");
        wire.put("counter_volume", 3);
        wire.put("user_id", "u");
        wire.put("project_id", "p");
        wire.put("resource_id", resourceId);
        wire.put("timestamp", "2024-01-01T00:00:00");
        wire.put("message_id", "m-" + meter);
        return wire;
    }

    private ResourceEnding ending(String eventType, Map<String, Object> payload) {
        try {
            return mapping.ending(event(eventType, payload)).orElseThrow();
        } catch (MeterMapping.MissingResourceIdException e) {
            throw new AssertionError(e);
        }
    }

    private static OsloMessage event(String eventType, Map<String, Object> payload) {
        return new OsloMessage("id", "compute.host", eventType, "INFO", payload, "x", 42, "u", Map.of());
    }

    private static MeterMapping edited(java.util.function.UnaryOperator<String> edit) throws IOException {
        String text = Files.readString(Fixtures.shippedMappingFile());
        String changed = edit.apply(text);
        assertThat(changed).isNotEqualTo(text);
        return MeterMappingReader.read(new ByteArrayInputStream(changed.getBytes(StandardCharsets.UTF_8)), "edited");
    }
}
