package io.murmur.deploy;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code docker-compose.yml} validates, keeps its own rules, and runs every service of
 * the build on the ports its configuration gives; Prometheus scrapes exactly what compose
 * runs.
 */
class ComposeFileTests {

	private final Map<String, Object> compose = Repository.yaml(Repository.ROOT.resolve("docker-compose.yml"));

	@Test
	void shouldPassTheComposeValidatorWithTheExampleEnvironment() {
		Tools.Result result = Tools.dockerCompose("-f", "docker-compose.yml", "--env-file", ".env.example", "config",
				"-q");
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void shouldGiveEveryServiceAHealthCheckAndAMemoryLimit() {
		services().forEach((name, service) -> {
			assertThat(service).as(name).containsKey("healthcheck").containsKey("mem_limit");
		});
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldWaitOnlyForHealthyOrCompletedDependencies() {
		services().forEach((name, service) -> {
			Object dependsOn = service.get("depends_on");
			if (dependsOn != null) {
				assertThat(dependsOn).as(name + " depends_on with conditions").isInstanceOf(Map.class);
				((Map<String, Map<String, Object>>) dependsOn).forEach(
						(dependency, condition) -> assertThat(condition.get("condition")).as(name + " -> " + dependency)
							.isIn("service_healthy", "service_completed_successfully"));
			}
		});
	}

	@Test
	void shouldRunEveryServiceOfTheBuildOnItsConfiguredPorts() {
		Map<String, Map<String, Object>> services = services();
		for (Repository.Service service : Repository.services()) {
			assertThat(services).as("compose runs " + service.name()).containsKey(service.name());
			Map<String, Object> compose = services.get(service.name());
			assertThat(compose.get("image")).asString().startsWith("murmur/" + service.name() + ":");
			Map<?, ?> environment = (Map<?, ?>) compose.get("environment");
			assertThat(environment.get("MURMUR_SERVER_PORT")).as(service.name())
				.isEqualTo(String.valueOf(service.port()));
			assertThat(environment.get("MURMUR_MANAGEMENT_PORT")).as(service.name())
				.isEqualTo(String.valueOf(service.managementPort()));
			assertThat(compose.get("healthcheck").toString()).as(service.name())
				.contains("127.0.0.1:" + service.managementPort() + "/actuator/health/readiness");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldScrapeExactlyTheServicesAndExportersComposeRuns() {
		Map<String, Object> prometheus = Repository.yaml(Repository.ROOT.resolve("deploy/prometheus/prometheus.yml"));
		Set<String> scraped = new TreeSet<>();
		for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
			if (job.get("job_name").equals("prometheus")) {
				continue;
			}
			for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
				scraped.addAll((List<String>) config.get("targets"));
			}
		}
		Set<String> expected = new TreeSet<>();
		services().forEach((name, service) -> {
			Map<?, ?> environment = (Map<?, ?>) service.get("environment");
			if (environment != null && environment.get("MURMUR_MANAGEMENT_PORT") != null) {
				expected.add(name + ":" + environment.get("MURMUR_MANAGEMENT_PORT"));
			}
		});
		expected.add("postgres-exporter:9187");
		expected.add("redis-exporter:9121");
		assertThat(services()).containsKeys("postgres-exporter", "redis-exporter");
		assertThat(scraped).isEqualTo(expected);
		Set<String> services = new HashSet<>();
		Repository.services().forEach((service) -> services.add(service.name() + ":" + service.managementPort()));
		assertThat(scraped).containsAll(services);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Map<String, Object>> services() {
		return (Map<String, Map<String, Object>>) this.compose.get("services");
	}

}
