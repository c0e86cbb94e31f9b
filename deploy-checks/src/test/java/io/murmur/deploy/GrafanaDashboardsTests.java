package io.murmur.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboards are valid JSON, query the provisioned data source, and every query is
 * PromQL that promtool accepts (checked as a recording rule each).
 */
class GrafanaDashboardsTests {

	private static final Path DASHBOARDS = Repository.ROOT.resolve("deploy/grafana/dashboards");

	@Test
	@SuppressWarnings("unchecked")
	void shouldQueryOnlyTheProvisionedDataSourceWithValidPromQl(@org.junit.jupiter.api.io.TempDir Path temp)
			throws IOException {
		Map<String, Object> provisioning = Repository
			.yaml(Repository.ROOT.resolve("deploy/grafana/provisioning/datasources/prometheus.yml"));
		String uid = (String) ((List<Map<String, Object>>) provisioning.get("datasources")).get(0).get("uid");
		StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
		int queries = 0;
		try (Stream<Path> files = Files.list(DASHBOARDS)) {
			for (Path file : files.filter((path) -> path.toString().endsWith(".json")).sorted().toList()) {
				JsonNode dashboard = JsonMapper.builder().build().readTree(file.toFile());
				assertThat(dashboard.path("uid").asString()).as(file + " uid").isNotBlank();
				for (JsonNode panel : dashboard.path("panels")) {
					assertThat(panel.path("datasource").path("uid").asString()).as(panel.path("title").asString())
						.isEqualTo(uid);
					for (JsonNode target : panel.path("targets")) {
						String expr = target.path("expr").asString().replace("$service", ".+");
						rules.append("      - record: dashboard:query:").append(++queries).append('\n');
						rules.append("        expr: '").append(expr.replace("'", "''")).append("'\n");
					}
				}
			}
		}
		assertThat(queries).isGreaterThan(10);
		Path file = Files.writeString(temp.resolve("dashboard-queries.yml"), rules);
		Tools.Result result = Tools.promtool("check", "rules", file.toString());
		assertThat(result.exitCode()).as(result.output()).isZero();
	}

}
