package io.murmur.benchmarks.report;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
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

	/**
	 * This JVM burns a known amount of CPU time on one thread, measured by the thread's
	 * own clock, while a child process sleeps. The meter must see the burn in this JVM's
	 * share and nothing in the sleeper's. CPU time, not wall time, is compared: on a
	 * loaded machine the burn takes longer, but costs the same.
	 */
	@Test
	void measuresTheCpuTimeABusyProcessSpendsAndNoneForAnIdleOne() throws Exception {
		Process idle = new ProcessBuilder("sleep", "60").start();
		try {
			CpuMeter meter = CpuMeter.ofThisRun();
			CpuMeter.Reading before = meter.read();
			double burned = burnCpu(Duration.ofSeconds(1));
			CpuMeter.Reading after = meter.read();

			double seconds = (after.nanos() - before.nanos()) / 1e9;
			Map<String, Double> cores = meter.coresBetween(before, after);
			assertThat(burned).isGreaterThanOrEqualTo(1.0);
			assertThat(cores.get("benchmark") * seconds).as("CPU seconds of this JVM, having burned %.2f", burned)
				.isBetween(burned - 0.1, burned + 0.5);
			assertThat(cores.get("other started by the run") * seconds).as("CPU seconds of a sleeping child")
				.isLessThan(0.03);
			assertThat(cores.get(CpuMeter.MACHINE)).isGreaterThanOrEqualTo(cores.get("benchmark") - 0.05);
			assertThat(cores).containsKeys(CpuMeter.STEAL, CpuMeter.REST);
		}
		finally {
			idle.destroy();
		}
	}

	/**
	 * Spins until this thread has used at least {@code cpu} of CPU time.
	 * @return the CPU seconds the thread used
	 */
	private static double burnCpu(Duration cpu) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long from = threads.getCurrentThreadCpuTime();
		long until = from + cpu.toNanos();
		long now = from;
		while (now < until) {
			now = threads.getCurrentThreadCpuTime();
		}
		return (now - from) / 1e9;
	}

}
