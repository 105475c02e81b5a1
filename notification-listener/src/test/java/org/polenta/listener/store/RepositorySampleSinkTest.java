package org.polenta.listener.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.polenta.core.metric.Metric;
import org.polenta.core.resource.Resource;
import org.polenta.core.resource.ResourceIds;
import org.polenta.core.resource.type.ResourceType;
import org.polenta.core.testing.InMemoryArchivePolicyRuleRepository;
import org.polenta.core.testing.InMemoryArchivePolicyRepository;
import org.polenta.core.testing.InMemoryIncomingMeasures;
import org.polenta.core.testing.InMemoryMetricRepository;
import org.polenta.core.testing.InMemoryResourceRepository;
import org.polenta.core.testing.InMemoryResourceTypeRepository;
import org.polenta.listener.Fixtures;
import org.polenta.listener.TestMessages;
import org.polenta.listener.amqp.HandledMessage;
import org.polenta.listener.amqp.MessageHandler;
import org.polenta.listener.mapping.MappedSample;
import org.polenta.listener.mapping.MeterMapping;
import org.polenta.listener.mapping.ResourceEnding;
import org.polenta.listener.signature.TelemetrySignature;
import org.polenta.listener.sink.StoreOutcome;

/** The sink's filing rules over the in-memory twins of the storage contracts (checked by the contract suites). */
class RepositorySampleSinkTest {

    private static final String CREATOR = "admin";
    private final MeterMapping mapping = Fixtures.shippedMapping();
    private final MessageHandler handler = new MessageHandler(mapping, new TelemetrySignature(""));
    private final AtomicLong now = new AtomicLong(Instant.parse("2026-11-26T10:00:00Z").toEpochMilli());
    private InMemoryResourceRepository resources;
    private InMemoryResourceTypeRepository types;
    private InMemoryMetricRepository metrics;
    private InMemoryIncomingMeasures incoming;
    private InMemoryArchivePolicyRepository policies;
    private final List<Integer> wokenSacks = java.util.Collections.synchronizedList(new ArrayList<>());
    private RepositorySampleSink sink;

    @BeforeEach
    void setUp() {
        resources = new InMemoryResourceRepository();
        types = new InMemoryResourceTypeRepository(resources);
        metrics = new InMemoryMetricRepository();
        incoming = new InMemoryIncomingMeasures(8);
        policies = new InMemoryArchivePolicyRepository(metrics, new InMemoryArchivePolicyRuleRepository());
        new ArchivePolicyInstaller(policies).install(mapping.archivePolicies());
        new ResourceTypeInstaller(types).install(mapping.resourceTypes());
        sink = newSink();
    }

    private RepositorySampleSink newSink() {
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now.get());
            }
        };
        return new RepositorySampleSink(resources, types, metrics, incoming, CREATOR, clock, wokenSacks::add, 4);
    }

    private List<MappedSample> samples(byte[] body) {
        HandledMessage handled = handler.handle(body);
        assertThat(handled.isPoison()).as("poison: %s", handled.poison()).isFalse();
        return handled.samples();
    }

    private long pendingMeasures() {
        return incoming.summary().measures();
    }

    @Test
    void theFirstSampleOfAnInstanceCreatesItWithItsAttributesAndItsMetric() {
        List<MappedSample> batch = samples(Fixtures.bus("notifier-publisher.metering.sample"));
        StoreOutcome outcome = sink.store(batch);

        assertThat(outcome).isEqualTo(new StoreOutcome(3, 0));
        MappedSample first = batch.get(0);
        Resource instance = resources.get("instance", UUID.fromString(first.resourceId())).orElseThrow();
        assertThat(instance.creator()).isEqualTo(CREATOR);
        assertThat(instance.userId()).isEqualTo(first.userId());
        assertThat(instance.projectId()).isEqualTo(first.projectId());
        assertThat(instance.attributes()).containsEntry("host", first.attributes().get("host"))
                .containsEntry("flavor_name", first.attributes().get("flavor_name"));
        Metric cpu = metrics.get(instance.metrics().get("cpu")).orElseThrow();
        assertThat(cpu.archivePolicyName()).isEqualTo("ceilometer-low-rate");
        assertThat(cpu.unit()).isEqualTo(first.unit());
        assertThat(cpu.resourceId()).isEqualTo(instance.id());
        assertThat(incoming.pending(cpu.id()).batches()).hasSize(1);
        assertThat(incoming.pending(cpu.id()).batches().get(0).get(0).value()).isEqualTo(first.value());
        assertThat(wokenSacks).contains(incoming.sackOf(cpu.id()));
    }

    @Test
    void aRedeliveredBatchChangesNothing() {
        List<MappedSample> batch = samples(Fixtures.bus("polling-agent.notifications.sample"));
        sink.store(batch);
        long pending = pendingMeasures();
        UUID id = UUID.fromString(batch.get(0).resourceId());
        Resource before = resources.get("generic", id).orElseThrow();

        // A second listener (fresh caches) gets the same messages again.
        newSink().store(batch);
        sink.store(batch);

        assertThat(pendingMeasures()).isEqualTo(pending).isEqualTo(batch.size());
        assertThat(resources.history(id)).hasSize(1);
        assertThat(resources.get("generic", id).orElseThrow()).isEqualTo(before);
        assertThat(metrics.find(Map.of("resource_id", id.toString()))).hasSize(1);
    }

    @Test
    void anAttributeChangeMakesOneNewRevisionAndTheSameValuesNone() {
        byte[] body = Fixtures.bus("notifier-publisher.metering.sample");
        sink.store(samples(body));
        UUID id = UUID.fromString(samples(body).get(0).resourceId());
        byte[] resized = TestMessages.editedFirstSample(body, sample -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> metadata = (Map<String, Object>) sample.get("resource_metadata");
            metadata.put("instance_type", "m1.huge");
            sample.put("message_id", UUID.randomUUID().toString());
        });
        now.addAndGet(60_000);
        sink.store(samples(resized));
        sink.store(samples(resized));
        newSink().store(samples(resized));

        assertThat(resources.history(id)).hasSize(2);
        assertThat(resources.get("instance", id).orElseThrow().attributes()).containsEntry("flavor_name", "m1.huge");
    }

    @Test
    void aNonUuidResourceIdBecomesGnocchisUuid5WithTheCreator() {
        byte[] body = TestMessages.editedFirstSample(Fixtures.bus("notifier-publisher.metering.sample"), sample -> {
            sample.put("counter_name", "disk.device.read.bytes");
            sample.put("resource_id", "4e898369-f47c-4e50-bfe5-c244b962c768-vda");
        });
        sink.store(samples(body));
        UUID expected = ResourceIds.transform("4e898369-f47c-4e50-bfe5-c244b962c768-vda", CREATOR);
        Resource disk = resources.get("instance_disk", expected).orElseThrow();
        assertThat(disk.originalResourceId()).isEqualTo("4e898369-f47c-4e50-bfe5-c244b962c768-vda");
        assertThat(disk.attributes()).containsEntry("instance_id", UUID.fromString("4e898369-f47c-4e50-bfe5-c244b962c768"));
        assertThat(disk.metrics()).containsKey("disk.device.read.bytes");
    }

    @Test
    void aResourceWithoutARequiredAttributeIsRefusedAndNothingIsWritten() {
        byte[] body = TestMessages.editedFirstSample(Fixtures.bus("notifier-publisher.metering.sample"), sample -> {
            sample.put("counter_name", "image.size");
            sample.put("resource_id", "d2ba37c1-0c43-4630-b95b-ea861aa2f31b");
            sample.put("resource_metadata", Map.of("name", "only-a-name"));
        });
        List<MappedSample> batch = samples(body);
        StoreOutcome outcome = sink.store(batch);

        assertThat(outcome).isEqualTo(new StoreOutcome(2, 1));
        assertThat(resources.get("generic", UUID.fromString("d2ba37c1-0c43-4630-b95b-ea861aa2f31b"))).isEmpty();
        assertThat(pendingMeasures()).isEqualTo(2);
    }

    @Test
    void aTypeBeingUpdatedMakesTheBatchWaitAndABrokenTypeRefusesItsSamples() {
        List<MappedSample> batch = samples(Fixtures.bus("notifier-publisher.metering.sample"));
        types.forceState("instance", org.polenta.core.resource.type.ResourceTypeState.UPDATING);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> sink.store(batch))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("updating");
        assertThat(pendingMeasures()).isZero();

        types.forceState("instance", org.polenta.core.resource.type.ResourceTypeState.UPDATING_ERROR);
        assertThat(newSink().store(batch)).isEqualTo(new StoreOutcome(0, 3));
        assertThat(pendingMeasures()).isZero();
    }

    @Test
    void anInvalidOptionalAttributeIsLeftOutAndTheSampleKept() {
        byte[] body = TestMessages.editedFirstSample(Fixtures.bus("notifier-publisher.metering.sample"), sample -> {
            sample.put("counter_name", "volume.size");
            sample.put("resource_id", "5f0fd0a7-5d10-4d8d-a2a3-b1a1bbe0e6a2");
            sample.put("resource_metadata", Map.of("display_name", "v1", "image_id", "not-a-uuid"));
        });
        assertThat(sink.store(samples(body)).refused()).isZero();
        Resource volume = resources.get("volume", UUID.fromString("5f0fd0a7-5d10-4d8d-a2a3-b1a1bbe0e6a2")).orElseThrow();
        assertThat(volume.attributes()).containsEntry("display_name", "v1").containsEntry("image_id", null);
    }

    @Test
    void anUnknownMeterMappedToTheDefaultLandsOnAGenericResource() throws Exception {
        String text = java.nio.file.Files.readString(Fixtures.shippedMappingFile())
                .replace("  action: skip\n", "  action: map\n");
        MeterMapping mapAll = org.polenta.listener.mapping.MeterMappingReader.read(
                new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "edited");
        byte[] body = TestMessages.editedFirstSample(Fixtures.bus("notifier-publisher.metering.sample"), sample -> {
            sample.put("counter_name", "cpu_util");
            sample.put("resource_id", "host-17");
        });
        List<MappedSample> batch = new MessageHandler(mapAll, new TelemetrySignature("")).handle(body).samples();
        assertThat(sink.store(batch)).isEqualTo(new StoreOutcome(3, 0));
        Resource generic = resources.get("generic", ResourceIds.transform("host-17", CREATOR)).orElseThrow();
        assertThat(generic.type()).isEqualTo("generic");
        assertThat(metrics.get(generic.metrics().get("cpu_util")).orElseThrow().archivePolicyName())
                .isEqualTo("ceilometer-low");
    }

    @Test
    void anInstanceDeleteEndsTheInstanceAndItsDisksOnceEvenWhenRedelivered() {
        String instanceId = "4e898369-f47c-4e50-bfe5-c244b962c768";
        byte[] cpu = Fixtures.bus("notifier-publisher.metering.sample");
        byte[] disk = TestMessages.editedFirstSample(cpu, sample -> {
            sample.put("counter_name", "disk.device.read.bytes");
            sample.put("resource_id", instanceId + "-vda");
        });
        sink.store(samples(cpu));
        sink.store(samples(disk));
        byte[] delete = TestMessages.edited(Fixtures.bus("nova.compute.instance.create.end"), inner -> {
            inner.put("event_type", "compute.instance.delete.start");
            @SuppressWarnings("unchecked")
            Map<String, Object> payload = (Map<String, Object>) inner.get("payload");
            payload.put("instance_id", instanceId);
        });
        HandledMessage handled = handler.handle(delete);
        assertThat(handled.endings()).hasSize(1);
        ResourceEnding ending = handled.endings().get(0);

        now.addAndGet(3_600_000);
        sink.end(handled.endings());
        sink.end(handled.endings());

        Resource instance = resources.get("instance", UUID.fromString(instanceId)).orElseThrow();
        Resource vda = resources.get("instance_disk", ResourceIds.transform(instanceId + "-vda", CREATOR)).orElseThrow();
        assertThat(instance.endedAt()).isEqualTo(Math.max(ending.endedAtNanos(), instance.startedAt()));
        assertThat(vda.endedAt()).isNotNull();
        assertThat(resources.history(instance.id())).hasSize(2);
        assertThat(resources.history(vda.id())).hasSize(2);
    }

    @Test
    void endingAResourceNeverSeenDoesNothing() {
        byte[] delete = TestMessages.edited(Fixtures.bus("nova.compute.instance.create.end"),
                inner -> inner.put("event_type", "compute.instance.delete.start"));
        sink.end(handler.handle(delete).endings());
        assertThat(resources.search(
                org.polenta.core.resource.search.ResourceQueryPlanner.plan(
                        org.polenta.core.resource.search.ResourceFilterBinder.bind(
                                new org.polenta.core.resource.search.ResourceFilter.Empty(), ResourceType.GENERIC, false),
                        "generic", false),
                org.polenta.core.resource.search.ResourceSorting.keys(List.of(), false), 10, null)).isEmpty();
    }

    @Test
    void installersCreateTheCeilometerPoliciesAndTypesOnceAndCompleteAnOlderType() {
        assertThat(policies.get("ceilometer-low")).isPresent();
        assertThat(policies.get("ceilometer-high-rate").orElseThrow().aggregationMethods()).contains("rate:mean", "mean");
        assertThat(types.list()).hasSize(mapping.resourceTypes().size() + 1);
        assertThat(new ArchivePolicyInstaller(policies).install(mapping.archivePolicies())).isEmpty();
        assertThat(new ResourceTypeInstaller(types).install(mapping.resourceTypes())).isEmpty();

        types.update("instance", new org.polenta.core.resource.type.ResourceTypeUpdate(List.of(), List.of("availability_zone")));
        assertThat(new ResourceTypeInstaller(types).install(mapping.resourceTypes())).containsExactly("instance");
        assertThat(types.get("instance").orElseThrow().attribute("availability_zone")).isPresent();
    }
}
