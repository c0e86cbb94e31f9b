package io.murmur.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * promtool accepts the Prometheus configuration and the rules, the rules' unit tests
 * pass, and the Kubernetes PrometheusRule carries the same rules.
 */
class PrometheusFilesTests {

	private static final String RULES = "deploy/prometheus/rules/murmur-alerts.yml";

	@Test
	void shouldAcceptTheConfiguration() {
		Tools.Result result = Tools.promtool("check", "config", "--syntax-only", "deploy/prometheus/prometheus.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void shouldAcceptTheRules() {
		Tools.Result result = Tools.promtool("check", "rules", RULES);
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

	@Test
	void shouldPassTheUnitTestOfEveryAlert() {
		Tools.Result result = Tools.promtool("test", "rules", "deploy/prometheus/tests/murmur-alerts-test.yml");
		assertThat(result.exitCode()).as(result.output()).isZero();
		String tests = Repository.read(Repository.ROOT.resolve("deploy/prometheus/tests/murmur-alerts-test.yml"));
		for (String alert : alerts(Repository.yaml(Repository.ROOT.resolve(RULES)))) {
			assertThat(tests).as("a unit test of " + alert).contains("alertname: " + alert + "\n");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void shouldGiveThePrometheusRuleTheSameRules() {
		Map<String, Object> rules = Repository.yaml(Repository.ROOT.resolve(RULES));
		Path monitoring = Repository.ROOT.resolve("deploy/k8s/components/monitoring/monitoring.yaml");
		Map<String, Object> prometheusRule = Repository.yamlDocuments(Repository.read(monitoring))
			.stream()
			.filter((document) -> "PrometheusRule".equals(document.get("kind")))
			.findFirst()
			.orElseThrow();
		assertThat((Map<String, Object>) prometheusRule.get("spec")).as(monitoring + " spec equals " + RULES)
			.isEqualTo(rules);
	}

	@SuppressWarnings("unchecked")
	static List<String> alerts(Map<String, Object> rules) {
		return ((List<Map<String, Object>>) rules.get("groups")).stream()
			.flatMap((group) -> ((List<Map<String, Object>>) group.get("rules")).stream())
			.map((rule) -> (String) rule.get("alert"))
			.toList();
	}

}
