package io.murmur.benchmarks.report;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTests {

	@Test
	void namesAServiceByItsJarAndNotByTheServicesAndStoresItsArgumentsName() {
		assertThat(CpuMeter.name(List.of("java", "-Xmx384m", "-jar", "/work/post-service/target/post-service-0.1.0.jar",
				"--murmur.services.urls.user=http://127.0.0.1:8081", "--spring.cassandra.port=9042")))
			.isEqualTo("post-service");
		assertThat(CpuMeter.name(List.of("/tmp/stack/redis/redis-server-6.2.6", "127.0.0.1:6380"))).isEqualTo("Redis");
		assertThat(CpuMeter.name(List.of("java", "-cp", "a.jar", "org.apache.cassandra.service.CassandraDaemon")))
			.isEqualTo("Cassandra");
		assertThat(CpuMeter.name(List.of("java", "-cp", "a.jar", "io.murmur.localstack.process.Watchdog")))
			.isEqualTo("other started by the run");
	}

	@Test
	void countsTheCpuThisProcessSpendsAsTheBenchmarksAndTheMachines() {
		CpuMeter meter = CpuMeter.ofThisRun();
		CpuMeter.Reading before = meter.read();
		long until = System.nanoTime() + 500_000_000L;
		long spins = 0;
		while (System.nanoTime() < until) {
			spins++;
		}
		Map<String, Double> cores = meter.coresBetween(before, meter.read());
		assertThat(spins).isPositive();
		assertThat(cores.get("benchmark")).isGreaterThan(0.3);
		assertThat(cores.get(CpuMeter.MACHINE)).isGreaterThanOrEqualTo(cores.get("benchmark") - 0.05);
		assertThat(cores).containsKeys(CpuMeter.STEAL, CpuMeter.REST);
	}

}
