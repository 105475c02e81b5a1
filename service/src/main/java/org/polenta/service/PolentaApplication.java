package org.polenta.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dropwizard.auth.AuthDynamicFeature;
import io.dropwizard.auth.AuthValueFactoryProvider;
import io.dropwizard.configuration.EnvironmentVariableSubstitutor;
import io.dropwizard.configuration.SubstitutingSourceProvider;
import io.dropwizard.core.Application;
import io.dropwizard.core.server.AbstractServerFactory;
import io.dropwizard.core.setup.Bootstrap;
import io.dropwizard.core.setup.Environment;
import io.dropwizard.jersey.setup.JerseyEnvironment;
import io.dropwizard.lifecycle.Managed;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import org.polenta.core.aggregates.CrossMetricAggregator;
import org.polenta.core.aggregates.MeasuresReader;
import org.polenta.core.aggregates.operations.AggregatesProcessor;
import org.polenta.core.archive.ArchivePolicyRepository;
import org.polenta.core.archive.CachingArchivePolicyRepository;
import org.polenta.core.metric.CachingMetricRepository;
import org.polenta.core.metric.MetricRepository;
import org.polenta.core.processor.MetricProcessor;
import org.polenta.core.processor.ProcessingStatistics;
import org.polenta.service.api.PythonJsonPrinter;
import org.polenta.service.auth.AuthenticationFilter;
import org.polenta.service.auth.Authenticator;
import org.polenta.service.auth.Authenticators;
import org.polenta.service.auth.Caller;
import org.polenta.service.auth.TokenRequiredFilter;
import org.polenta.service.auth.keystone.KeystoneAuthenticator;
import org.polenta.service.auth.policy.PolicyEnforcer;
import org.polenta.service.auth.policy.PolicyRules;
import org.polenta.service.bootstrap.DefaultArchivePoliciesInstaller;
import org.polenta.service.bootstrap.StorageHealthCheck;
import org.polenta.service.errors.ApiExceptionMapper;
import org.polenta.service.errors.ErrorBodyNegotiation;
import org.polenta.service.errors.JsonErrorHandler;
import org.polenta.service.errors.JsonProcessingExceptionMapper;
import org.polenta.service.errors.PolentaExceptionMapper;
import org.polenta.service.errors.StorageUnavailableExceptionMapper;
import org.polenta.service.errors.UnexpectedExceptionMapper;
import org.polenta.service.errors.WebApplicationExceptionMapper;
import org.polenta.service.http.ContentTypeRequiredFilter;
import org.polenta.service.http.CorsFilter;
import org.polenta.service.http.JsonBodies;
import org.polenta.service.http.PathNormalizingFilter;
import org.polenta.service.http.PublicUrls;
import org.polenta.service.http.UnreadBodyFilter;
import org.polenta.service.listener.ListenerRole;
import org.polenta.service.operations.AggregatesComputation;
import org.polenta.service.operations.ArchivePolicyRuleOperations;
import org.polenta.service.operations.BatchMeasuresReader;
import org.polenta.service.operations.CrossMetricAggregation;
import org.polenta.service.operations.IndexedAggregatesResources;
import org.polenta.service.operations.MeasuresIntake;
import org.polenta.service.operations.MetricCreation;
import org.polenta.service.operations.MetricDefinitions;
import org.polenta.service.operations.MetricListing;
import org.polenta.service.operations.MetricLookup;
import org.polenta.service.operations.MetricSearch;
import org.polenta.service.operations.NamedMetrics;
import org.polenta.service.operations.ResourceMeasuresBatch;
import org.polenta.service.operations.ResourceMetricAggregation;
import org.polenta.service.operations.ResourceMetricsBinding;
import org.polenta.service.operations.ResourceOperations;
import org.polenta.service.operations.ResourcePolicy;
import org.polenta.service.operations.ResourceQueries;
import org.polenta.service.operations.ResourceTypeOperations;
import org.polenta.service.operations.StatusReport;
import org.polenta.service.operations.UsageReport;
import org.polenta.service.processing.BackgroundProcessing;
import org.polenta.service.processing.MetricLocks;
import org.polenta.service.processing.MetricProcessing;
import org.polenta.service.processing.MetricRefresher;
import org.polenta.service.processing.ProcessingHints;
import org.polenta.service.processing.SackLeaseTable;
import org.polenta.service.processing.SackPass;
import org.polenta.service.resources.AggregatesResource;
import org.polenta.service.resources.AggregationByResourceResource;
import org.polenta.service.resources.AggregationResource;
import org.polenta.service.resources.ArchivePolicyResource;
import org.polenta.service.resources.ArchivePolicyRuleResource;
import org.polenta.service.resources.BatchMeasuresResource;
import org.polenta.service.resources.BatchResourceMeasuresResource;
import org.polenta.service.resources.CapabilitiesResource;
import org.polenta.service.resources.HealthcheckResource;
import org.polenta.service.resources.MeasuresResource;
import org.polenta.service.resources.MetricResource;
import org.polenta.service.resources.NamedMetricResource;
import org.polenta.service.resources.ResourceResource;
import org.polenta.service.resources.ResourceTypeResource;
import org.polenta.service.resources.SearchMetricResource;
import org.polenta.service.resources.SearchResourceResource;
import org.polenta.service.resources.StatusResource;
import org.polenta.service.resources.UsageResource;
import org.polenta.service.resources.V1Resource;
import org.polenta.service.resources.VersionsResource;
import org.polenta.storage.cassandra.CassandraStorage;

/**
 * The Polenta service: Gnocchi's v1 REST API over Cassandra, with the processors that aggregate the backlog.
 * Everything is wired here, explicitly.
 */
public class PolentaApplication extends Application<PolentaConfiguration> {

    /** Enough that metrics processed side by side rarely share a lock. */
    private static final int METRIC_LOCK_STRIPES = 1024;
    /** How long a policy definition read for a metric is used before it is read again. */
    static final Duration POLICY_CACHE_TTL = Duration.ofSeconds(10);
    /** How long a metric row read by a batch of measures or a cross-metric read is used before it is read again. */
    static final Duration METRIC_CACHE_TTL = Duration.ofSeconds(10);

    private ConfigLocation configLocation;

    public static void main(String[] args) throws Exception {
        new PolentaApplication().run(args);
    }

    @Override
    public String getName() {
        return "polenta";
    }

    @Override
    public void initialize(Bootstrap<PolentaConfiguration> bootstrap) {
        // ${POLENTA_PORT:-8041} and the like in the YAML; unset variables without a default stay as written.
        configLocation = new ConfigLocation(new SubstitutingSourceProvider(
                bootstrap.getConfigurationSourceProvider(), new EnvironmentVariableSubstitutor(false)));
        bootstrap.setConfigurationSourceProvider(configLocation);
    }

    @Override
    public void run(PolentaConfiguration config, Environment env) throws IOException {
        ObjectMapper mapper = env.getObjectMapper();
        PythonJsonPrinter.install(mapper);
        if (config.getServerFactory() instanceof AbstractServerFactory server) {
            server.setRegisterDefaultExceptionMappers(false);
        }
        // Let "//" reach Jersey (PathNormalizingFilter collapses it) instead of Jetty's 400 "Ambiguous URI".
        env.getApplicationContext().getServletHandler().setDecodeAmbiguousURIs(true);
        env.getApplicationContext().setErrorHandler(new JsonErrorHandler());
        env.lifecycle().addServerLifecycleListener(server -> server.setErrorHandler(new JsonErrorHandler()));

        CassandraStorage storage = CassandraStorage.open(config.getCassandra().toStorageConfig());
        env.lifecycle().manage(new Managed() {
            @Override
            public void stop() {
                storage.close();
            }
        });
        env.healthChecks().register("cassandra", new StorageHealthCheck(storage::isHealthy));
        if (config.isCreateDefaultArchivePolicies()) {
            new DefaultArchivePoliciesInstaller(storage.archivePolicies(), storage.archivePolicyRules())
                    .installIfFirstStart();
        }

        PolicyEnforcer enforcer = new PolicyEnforcer(
                PolicyRules.load(configLocation == null ? Path.of(config.getAuth().getPolicyFile())
                        : configLocation.resolve(config.getAuth().getPolicyFile())));
        PublicUrls urls = new PublicUrls(config.getApi().isProxyHeaders());
        JsonBodies bodies = new JsonBodies(mapper, config.getApi().getMaxBodyBytes());

        // The policies of existing metrics, which every processing run, measures and aggregates read needs, kept
        // for a few seconds: another instance's PATCH is seen that late; the archive policy API writes through it,
        // so this process sees its own changes at once. Creating metrics and rules still asks the store.
        ArchivePolicyRepository policiesOfMetrics =
                new CachingArchivePolicyRepository(storage.archivePolicies(), POLICY_CACHE_TTL);
        // Metrics named by batches of measures and cross-metric reads, kept for a few seconds: another instance's
        // delete is seen that late (its measures are then dropped by processing); what this process writes through
        // it is seen at once. Single lookups and searches still ask the store.
        MetricRepository metrics = new CachingMetricRepository(storage.metrics(), METRIC_CACHE_TTL);
        String processorName = "polenta-" + UUID.randomUUID();
        ProcessingStatistics statistics = new ProcessingStatistics();
        MetricProcessing processing = new MetricProcessing(metrics, policiesOfMetrics,
                storage.incoming(), new MetricProcessor(storage.incoming(), storage.rawPoints(), storage.runOutput()),
                statistics);
        SackLeaseTable leases = new SackLeaseTable(storage.sackLeases(), processorName, storage.incoming().sackCount(),
                Duration.ofSeconds(config.getProcessing().getLeaseSeconds()), System::currentTimeMillis,
                storage.sackTenures());
        MetricLocks metricLocks = new MetricLocks(METRIC_LOCK_STRIPES);
        ProcessingHints hints = new ProcessingHints(config.getProcessing().getThreads(), storage.incoming().sackCount());
        // Managed before the processors, so stopped after them: a stopping pass still waits for its runs.
        int metricRunners = Math.max(1, config.getProcessing().getThreads() * config.getProcessing().getMetricsInParallel());
        ExecutorService runner = env.lifecycle().executorService("polenta-metric-%d")
                .minThreads(metricRunners).maxThreads(metricRunners).build();
        env.lifecycle().manage(new BackgroundProcessing(config.getProcessing(), leases,
                new SackPass(storage.incoming(), leases, metricLocks, processing,
                        config.getProcessing().getMetricsPerPass(), runner, config.getProcessing().getMetricsInParallel()),
                hints));
        if (config.getListener().enabled) {
            // Ceilometer samples off RabbitMQ (issue 5); points go to the backlog these processors aggregate.
            ListenerRole listener = new ListenerRole(
                    config.getListener(), configLocation == null ? Path.of(config.getListener().mappingFile)
                            : configLocation.resolve(config.getListener().mappingFile),
                    storage, hints::accepted, env.metrics());
            env.lifecycle().manage(listener);
            env.healthChecks().register("listener", listener.healthCheck());
        }
        if (!config.getApi().isEnabled()) {
            // Listener-only (scale-out): the listener and the processors above, which share the sacks with every
            // other process through the leases (with listener.enabled false too, a processor-only process);
            // /healthcheck stays for load balancers and process supervisors.
            env.jersey().register(new HealthcheckResource(storage::isHealthy));
            return;
        }
        MetricRefresher refresher = new MetricRefresher(storage.incoming(), leases, metricLocks, processing,
                config.getApi().getRefreshTimeoutMillis());

        MetricLookup lookup = new MetricLookup(metrics, policiesOfMetrics);
        MeasuresReader reader = new MeasuresReader(storage.aggregates());

        // Resources, resource types, history and search (issue 3).
        ResourceTypeOperations resourceTypes =
                new ResourceTypeOperations(storage.resourceTypes(), enforcer);
        MetricDefinitions metricDefinitions =
                new MetricDefinitions(storage.archivePolicyRules(), enforcer);
        ResourceOperations resourceOperations =
                new ResourceOperations(storage.resources(), resourceTypes,
                        metrics, metricDefinitions, new ResourceMetricsBinding(
                                metrics, storage.archivePolicies()), enforcer, Clock.systemUTC());
        NamedMetrics namedMetrics = new NamedMetrics(
                resourceOperations, storage.resources(), metrics, metricDefinitions);
        ResourceQueries resourceQueries =
                new ResourceQueries(storage.resources(), resourceTypes,
                        new ResourcePolicy(enforcer), config.getApi().getMaxLimit());

        JerseyEnvironment jersey = env.jersey();
        jersey.register(new UnreadBodyFilter());
        jersey.register(new PathNormalizingFilter());
        jersey.register(new CorsFilter(config.getCors()));
        jersey.register(new ContentTypeRequiredFilter());
        Authenticator authenticator = Authenticators.forConfig(config.getAuth());
        // Gnocchi's keystone pipeline puts keystonemiddleware in front of all of /v1; basic and noauth do not.
        if (authenticator instanceof KeystoneAuthenticator) {
            jersey.register(new TokenRequiredFilter(authenticator));
        }
        jersey.register(new AuthDynamicFeature(new AuthenticationFilter(authenticator)));
        jersey.register(new AuthValueFactoryProvider.Binder<>(Caller.class));
        jersey.register(new ApiExceptionMapper());
        jersey.register(new PolentaExceptionMapper());
        jersey.register(new WebApplicationExceptionMapper());
        jersey.register(new JsonProcessingExceptionMapper());
        jersey.register(new StorageUnavailableExceptionMapper());
        jersey.register(new UnexpectedExceptionMapper());
        jersey.register(new ErrorBodyNegotiation());

        jersey.register(new VersionsResource(urls));
        jersey.register(new V1Resource(urls));
        jersey.register(new HealthcheckResource(storage::isHealthy));
        jersey.register(new CapabilitiesResource());
        jersey.register(new StatusResource(new StatusReport(storage.incoming(), statistics, processorName), enforcer));
        jersey.register(new ArchivePolicyResource(policiesOfMetrics, enforcer, bodies, urls));
        jersey.register(new ArchivePolicyRuleResource(new ArchivePolicyRuleOperations(storage.archivePolicyRules(),
                storage.archivePolicies(), enforcer, bodies, urls)));
        jersey.register(new MetricResource(
                new MetricCreation(metrics, storage.archivePolicies(), storage.archivePolicyRules(), enforcer,
                        storage.resources(), resourceOperations),
                new MetricListing(metrics, enforcer, config.getApi().getMaxLimit()),
                lookup, metrics, enforcer, bodies, urls, namedMetrics, resourceOperations));
        jersey.register(new MeasuresResource(lookup, namedMetrics,
                new MeasuresIntake(storage.incoming(), metrics, enforcer, hints), reader, refresher,
                enforcer, bodies));
        jersey.register(new BatchMeasuresResource(
                new MeasuresIntake(storage.incoming(), metrics, enforcer, hints),
                new BatchMeasuresReader(bodies, mapper)));
        jersey.register(new SearchMetricResource(new MetricSearch(metrics, lookup, reader, enforcer), bodies));
        CrossMetricAggregation crossMetricAggregation = new CrossMetricAggregation(metrics, lookup,
                new CrossMetricAggregator(reader), refresher, enforcer);
        jersey.register(new AggregationResource(crossMetricAggregation, bodies));
        jersey.register(new AggregationByResourceResource(
                new ResourceMetricAggregation(resourceTypes, resourceQueries,
                        metrics, crossMetricAggregation), bodies));
        jersey.register(new AggregatesResource(
                new AggregatesComputation(metrics, lookup,
                        new AggregatesProcessor(reader), refresher, enforcer,
                        new IndexedAggregatesResources(resourceQueries, resourceTypes,
                                metrics)), bodies));
        jersey.register(new ResourceTypeResource(resourceTypes, bodies, urls));
        jersey.register(new ResourceResource(resourceOperations, resourceQueries,
                resourceTypes, bodies, urls));
        jersey.register(new NamedMetricResource(namedMetrics, resourceOperations, lookup,
                metrics, new MeasuresIntake(storage.incoming(), metrics, enforcer, hints), reader,
                refresher, enforcer, bodies));
        jersey.register(new SearchResourceResource(resourceQueries, resourceTypes,
                bodies, urls));
        jersey.register(new UsageResource(new UsageReport(
                resourceQueries, metrics, lookup, reader, Clock.systemUTC())));
        jersey.register(new BatchResourceMeasuresResource(
                new ResourceMeasuresBatch(storage.resources(), metrics,
                        resourceOperations, metricDefinitions, storage.incoming(), hints, enforcer), bodies));
    }
}
