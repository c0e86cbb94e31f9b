package io.murmur.localstack.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * What the platform daemon publishes in {@code .platform/state.json}: its own pid, the
 * components it runs and their health as of its last check. The commands read it; only
 * the daemon writes it.
 *
 * @param daemonPid the daemon's pid
 * @param phase where the daemon is in its life
 * @param startedAt when the daemon started
 * @param updatedAt when the daemon last wrote the state
 * @param refreshSeconds how often the daemon checks health
 * @param message a reason, when the phase is {@link Phase#FAILED}
 * @param helpers the daemon's own helper processes, such as the local-stack watchdog
 * @param components stores then services, in start order
 */
record PlatformState(long daemonPid, Phase phase, Instant startedAt, Instant updatedAt, long refreshSeconds,
		@Nullable String message, List<ProcessRef> helpers, List<Component> components) {

	static final String GATEWAY = "gateway-service";

	/**
	 * Whether the daemon has not refreshed the state for much longer than it should have.
	 * @param now the current time
	 * @return {@code true} if the state is stale
	 */
	boolean isStale(Instant now) {
		Duration allowed = Duration.ofSeconds(Math.max(15, this.refreshSeconds * 3));
		return Duration.between(this.updatedAt, now).compareTo(allowed) > 0;
	}

	@JsonIgnore
	boolean isAllHealthy() {
		return !this.components.isEmpty() && this.components.stream().allMatch(Component::healthy);
	}

	Optional<Component> component(String name) {
		return this.components.stream().filter((component) -> component.name().equals(name)).findFirst();
	}

	Optional<String> gatewayUrl() {
		return component(GATEWAY).map(Component::endpoint);
	}

	PlatformState with(Phase phase, @Nullable String message, List<ProcessRef> helpers, List<Component> components) {
		return new PlatformState(this.daemonPid, phase, this.startedAt, Instant.now(), this.refreshSeconds, message,
				List.copyOf(helpers), List.copyOf(components));
	}

	String toJson() {
		return Json.write(this);
	}

	static PlatformState fromJson(String text) {
		PlatformState state = Json.read(text, PlatformState.class);
		if (state == null) {
			throw new IllegalArgumentException("Empty state");
		}
		return state;
	}

	/**
	 * Where the daemon is in its life.
	 */
	enum Phase {

		STARTING, RUNNING, FAILED, STOPPING;

		@JsonValue
		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		@JsonCreator
		static Phase of(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * What a component is.
	 */
	enum Kind {

		STORE, SERVICE;

		@JsonValue
		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		@JsonCreator
		static Kind of(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * What the daemon last found about a component.
	 */
	enum Status {

		STARTING, HEALTHY, UNHEALTHY, EXITED, FAILED, STOPPED;

		@JsonValue
		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		@JsonCreator
		static Status of(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * A process identified by its pid and start time, so that a reused pid is never taken
	 * for it.
	 *
	 * @param pid the pid
	 * @param startMillis when it started, epoch milliseconds, or 0 if unknown
	 */
	record ProcessRef(long pid, long startMillis) {

	}

	/**
	 * A store or service the daemon runs.
	 *
	 * @param name the store id or service module name
	 * @param kind store or service
	 * @param status what the last check found
	 * @param endpoint where clients reach it, once it runs
	 * @param pid its main process, or 0 before it runs
	 * @param processes its main process and descendants
	 * @param ports the ports its processes listen on
	 * @param log its log file
	 * @param checkedAt when its health was last checked
	 * @param readyMillis how long it took to become ready, or 0
	 * @param error why it failed, if it did
	 */
	@JsonPropertyOrder({ "name", "kind", "status", "healthy" })
	record Component(String name, Kind kind, Status status, @Nullable String endpoint, long pid,
			List<ProcessRef> processes, List<Integer> ports, String log, @Nullable Instant checkedAt, long readyMillis,
			@Nullable String error) {

		static Component starting(String name, Kind kind, String log) {
			return new Component(name, kind, Status.STARTING, null, 0, List.of(), List.of(), log, null, 0, null);
		}

		@JsonProperty("healthy")
		boolean healthy() {
			return this.status == Status.HEALTHY;
		}

		Component ready(String endpoint, long pid, long readyMillis) {
			return new Component(this.name, this.kind, Status.HEALTHY, endpoint, pid, this.processes, this.ports,
					this.log, Instant.now(), readyMillis, null);
		}

		Component failed(String error) {
			return new Component(this.name, this.kind, Status.FAILED, this.endpoint, this.pid, this.processes,
					this.ports, this.log, Instant.now(), this.readyMillis, error);
		}

		Component checked(Status status, List<ProcessRef> processes, List<Integer> ports) {
			return new Component(this.name, this.kind, status, this.endpoint, this.pid, List.copyOf(processes),
					List.copyOf(ports), this.log, Instant.now(), this.readyMillis, this.error);
		}

		Component withStatus(Status status) {
			return new Component(this.name, this.kind, status, this.endpoint, this.pid, this.processes, this.ports,
					this.log, this.checkedAt, this.readyMillis, this.error);
		}

	}

}
