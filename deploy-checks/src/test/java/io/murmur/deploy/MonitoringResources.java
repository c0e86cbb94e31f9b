package io.murmur.deploy;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Prometheus Operator's objects, which the Kubernetes API models do not know: records
 * of the fields Murmur uses, read with unknown fields refused, so that a misspelt field
 * fails as it does for the built-in kinds.
 */
final class MonitoringResources {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.build();

	private MonitoringResources() {
	}

	static void parse(String type, String json) {
		Class<?> model = switch (type) {
			case "monitoring.coreos.com/v1 ServiceMonitor" -> ServiceMonitor.class;
			case "monitoring.coreos.com/v1 PrometheusRule" -> PrometheusRule.class;
			default -> throw new AssertionError("No model for " + type);
		};
		try {
			assertThat(MAPPER.readValue(json, model)).isNotNull();
		}
		catch (RuntimeException ex) {
			throw new AssertionError(type + " does not parse strictly: " + ex.getMessage(), ex);

		}
	}

	record Metadata(String name, @Nullable String namespace, @Nullable Map<String, String> labels) {
	}

	record Selector(Map<String, String> matchLabels) {
	}

	record Endpoint(String port, String path, String interval) {
	}

	record ServiceMonitorSpec(Selector selector, List<Endpoint> endpoints, @Nullable List<String> targetLabels,
			@Nullable String jobLabel) {
	}

	record ServiceMonitor(String apiVersion, String kind, Metadata metadata, ServiceMonitorSpec spec) {
	}

	record Group(String name, List<Map<String, Object>> rules) {
	}

	record PrometheusRuleSpec(List<Group> groups) {
	}

	record PrometheusRule(String apiVersion, String kind, Metadata metadata, PrometheusRuleSpec spec) {
	}

}
