package org.polenta.service.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.polenta.listener.amqp.ListenerConfig;
import org.polenta.listener.amqp.QueueSource;

/**
 * The "listener:" section: the notification listener that files Ceilometer samples from RabbitMQ. Defaults are
 * oslo.messaging's and a local RabbitMQ's (guest/guest on 127.0.0.1:5672).
 */
public class ListenerSettings {

    /** One queue the listener consumes, bound to {@code exchanges} with {@code routingKey}. */
    public static class Source {
        @JsonProperty @NotEmpty public String queue;
        @JsonProperty @NotEmpty public String routingKey;
        @JsonProperty @NotEmpty public List<String> exchanges = new ArrayList<>();

        QueueSource toQueueSource() {
            return QueueSource.of(queue, routingKey, exchanges.toArray(new String[0]));
        }
    }

    @JsonProperty public boolean enabled = false;
    @JsonProperty @NotEmpty public String host = "127.0.0.1";
    @JsonProperty @Min(1) public int port = 5672;
    @JsonProperty @NotNull public String username = "guest";
    @JsonProperty @NotNull public String password = "guest";
    @JsonProperty @NotEmpty public String virtualHost = "/";
    /** oslo.messaging's amqp_durable_queues: must match the publishers' setting. */
    @JsonProperty public boolean durable = false;
    /** Empty: metering.sample, notifications.sample and the listener's own lifecycle queue (ListenerConfig). */
    @JsonProperty @Valid public List<Source> sources = new ArrayList<>();
    @JsonProperty @NotEmpty public String deadLetterExchange = "polenta.dead-letter";
    @JsonProperty @NotEmpty public String deadLetterQueue = "polenta.dead-letter";
    @JsonProperty @Min(1) public int consumersPerQueue = 1;
    @JsonProperty @Min(1) public int prefetch = 1000;
    @JsonProperty @Min(1) public int batchSize = 500;
    @JsonProperty @Min(0) public long batchWaitMillis = 50;
    /** Resources of a batch created or updated at once (first sight of a resource costs index round trips). */
    @JsonProperty @Min(1) public int filingThreads = 8;
    /** Ceilometer's [publisher] telemetry_secret; empty: signatures are not checked. */
    @JsonProperty @NotNull public String telemetrySecret = "";
    /**
     * Who resources and metrics are created as. Non-UUID resource ids are keyed with it (Gnocchi's uuid5 of id +
     * creator), so it must be the user Ceilometer's gnocchi publisher used ("admin" with basic auth,
     * "user_id:project_id" with Keystone) for the listener to continue the publisher's resources.
     */
    @JsonProperty @NotEmpty public String creator = "admin";
    /** The meter mapping, relative to the service YAML's directory. */
    @JsonProperty @NotEmpty public String mappingFile = "ceilometer-resources.yaml";
    /** The service project's ids (Ceilometer's filter_project); when set, they replace the mapping file's list. */
    @JsonProperty @NotNull public List<String> filterProjectIds = new ArrayList<>();
    /** How long to wait between attempts to reach RabbitMQ, in the background, while the API already serves. */
    @JsonProperty @Min(100) public long reconnectMillis = 5000;

    public ListenerConfig toListenerConfig() {
        ListenerConfig defaults = ListenerConfig.defaults();
        List<QueueSource> queues = sources.isEmpty() ? ListenerConfig.defaultSources()
                : sources.stream().map(Source::toQueueSource).toList();
        return new ListenerConfig(host, port, username, password, virtualHost, queues, durable, consumersPerQueue,
                prefetch, batchSize, Duration.ofMillis(batchWaitMillis), deadLetterExchange, deadLetterQueue,
                telemetrySecret, defaults.retryInitial(), defaults.retryMax(), defaults.requeueAfterFailures(),
                // No startup timeout: one attempt per call, ListenerRole repeats it every reconnectMillis.
                Duration.ZERO);
    }

    public Set<String> filterProjects() {
        return Set.copyOf(filterProjectIds);
    }
}
