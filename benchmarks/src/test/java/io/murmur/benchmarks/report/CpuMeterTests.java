package io.murmur.benchmarks.report;

import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CpuMeterTests {

	@Test
	void namesAServiceByItsJarEvenWhenItsArgumentsNameAStore() {
		assertThat(CpuMeter.name("java -Xmx512m -jar graph-service/target/graph-service-0.1.0.jar "
				+ "--spring.neo4j.uri=bolt://127.0.0.1:7687"))
			.isEqualTo("graph-service");
		assertThat(CpuMeter.name("/tmp/stack/redis/bin/redis-server --port 6380")).isEqualTo("Redis");
		assertThat(CpuMeter.name("java -cp … kafka.Kafka server.properties")).isEqualTo("Kafka");
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
