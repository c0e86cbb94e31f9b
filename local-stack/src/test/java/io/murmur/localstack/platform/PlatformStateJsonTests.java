package io.murmur.localstack.platform;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.murmur.localstack.platform.PlatformState.Component;
import io.murmur.localstack.platform.PlatformState.Kind;
import io.murmur.localstack.platform.PlatformState.Phase;
import io.murmur.localstack.platform.PlatformState.ProcessRef;
import io.murmur.localstack.platform.PlatformState.Status;

import static org.assertj.core.api.Assertions.assertThat;

class PlatformStateJsonTests {

	private static final Instant STARTED = Instant.parse("2026-01-02T03:04:05.123456Z");

	@Test
	void shouldReadBackWhatItWrites() {
		Component redis = new Component("redis", Kind.STORE, Status.HEALTHY, "redis://127.0.0.1:6379", 42,
				List.of(new ProcessRef(42, 1700000000000L)), List.of(6379), "/tmp/run/redis/redis.log",
				STARTED.plusSeconds(3), 250, null);
		Component failed = Component.starting("gateway-service", Kind.SERVICE, "/tmp/run/gateway-service.log")
			.failed("exited with code 1 \"quoted\"\n\ttab \\ backslash \u0001");
		PlatformState state = new PlatformState(7, Phase.FAILED, STARTED, STARTED.plusSeconds(5), 5, "gateway failed",
				List.of(new ProcessRef(8, 0)), List.of(redis, failed));

		PlatformState read = PlatformState.fromJson(state.toJson());

		assertThat(read).isEqualTo(state);
	}

	@Test
	void shouldWriteTheHealthyFlagForScripts() {
		Component redis = Component.starting("redis", Kind.STORE, "redis.log").ready("redis://127.0.0.1:1", 1, 10);
		PlatformState state = new PlatformState(7, Phase.RUNNING, STARTED, STARTED, 5, null, List.of(), List.of(redis));

		assertThat(state.toJson()).contains("\"healthy\": true", "\"daemonPid\": 7", "\"phase\": \"running\"");
	}

	@Test
	void shouldCallAStateStaleWhenTheDaemonStoppedRefreshingIt() {
		PlatformState state = new PlatformState(7, Phase.RUNNING, STARTED, STARTED, 5, null, List.of(), List.of());

		assertThat(state.isStale(STARTED.plusSeconds(10))).isFalse();
		assertThat(state.isStale(STARTED.plusSeconds(16))).isTrue();
	}

}
