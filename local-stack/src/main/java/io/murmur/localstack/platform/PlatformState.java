package io.murmur.localstack.platform;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

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
		Map<String, @Nullable Object> json = new LinkedHashMap<>();
		json.put("daemonPid", this.daemonPid);
		json.put("phase", this.phase.id());
		json.put("startedAt", this.startedAt.toString());
		json.put("updatedAt", this.updatedAt.toString());
		json.put("refreshSeconds", this.refreshSeconds);
		json.put("message", this.message);
		json.put("helpers", this.helpers.stream().map(ProcessRef::toMap).toList());
		json.put("components", this.components.stream().map(Component::toMap).toList());
		return Json.write(json);
	}

	static PlatformState fromJson(String text) {
		Map<?, ?> json = (Map<?, ?>) Json.parse(text);
		if (json == null) {
			throw new IllegalArgumentException("Empty state");
		}
		return new PlatformState(number(json, "daemonPid"), Phase.of(string(json, "phase")),
				Instant.parse(string(json, "startedAt")), Instant.parse(string(json, "updatedAt")),
				number(json, "refreshSeconds"), optionalString(json, "message"),
				list(json, "helpers").stream().map((item) -> ProcessRef.fromMap((Map<?, ?>) item)).toList(),
				list(json, "components").stream().map((item) -> Component.fromMap((Map<?, ?>) item)).toList());
	}

	private static String string(Map<?, ?> json, String key) {
		Object value = json.get(key);
		if (value == null) {
			throw new IllegalArgumentException("No '" + key + "' in state");
		}
		return value.toString();
	}

	private static @Nullable String optionalString(Map<?, ?> json, String key) {
		Object value = json.get(key);
		return (value != null) ? value.toString() : null;
	}

	private static long number(Map<?, ?> json, String key) {
		Object value = json.get(key);
		return (value instanceof Number number) ? number.longValue() : 0;
	}

	private static List<?> list(Map<?, ?> json, String key) {
		Object value = json.get(key);
		return (value instanceof List<?> list) ? list : List.of();
	}

	/**
	 * Where the daemon is in its life.
	 */
	enum Phase {

		STARTING, RUNNING, FAILED, STOPPING;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Phase of(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * What a component is.
	 */
	enum Kind {

		STORE, SERVICE;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

		static Kind of(String id) {
			return valueOf(id.toUpperCase(Locale.ROOT));
		}

	}

	/**
	 * What the daemon last found about a component.
	 */
	enum Status {

		STARTING, HEALTHY, UNHEALTHY, EXITED, FAILED, STOPPED;

		String id() {
			return name().toLowerCase(Locale.ROOT);
		}

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

		Map<String, Object> toMap() {
			return Map.of("pid", this.pid, "startMillis", this.startMillis);
		}

		static ProcessRef fromMap(Map<?, ?> json) {
			return new ProcessRef(number(json, "pid"), number(json, "startMillis"));
		}

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
	record Component(String name, Kind kind, Status status, @Nullable String endpoint, long pid,
			List<ProcessRef> processes, List<Integer> ports, String log, @Nullable Instant checkedAt, long readyMillis,
			@Nullable String error) {

		static Component starting(String name, Kind kind, String log) {
			return new Component(name, kind, Status.STARTING, null, 0, List.of(), List.of(), log, null, 0, null);
		}

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

		Map<String, @Nullable Object> toMap() {
			Map<String, @Nullable Object> json = new LinkedHashMap<>();
			json.put("name", this.name);
			json.put("kind", this.kind.id());
			json.put("status", this.status.id());
			json.put("healthy", healthy());
			json.put("endpoint", this.endpoint);
			json.put("pid", this.pid);
			json.put("processes", this.processes.stream().map(ProcessRef::toMap).toList());
			json.put("ports", new ArrayList<>(this.ports));
			json.put("log", this.log);
			json.put("checkedAt", (this.checkedAt != null) ? this.checkedAt.toString() : null);
			json.put("readyMillis", this.readyMillis);
			json.put("error", this.error);
			return json;
		}

		static Component fromMap(Map<?, ?> json) {
			String checkedAt = optionalString(json, "checkedAt");
			return new Component(string(json, "name"), Kind.of(string(json, "kind")), Status.of(string(json, "status")),
					optionalString(json, "endpoint"), number(json, "pid"),
					list(json, "processes").stream().map((item) -> ProcessRef.fromMap((Map<?, ?>) item)).toList(),
					list(json, "ports").stream().map((port) -> ((Number) port).intValue()).toList(),
					string(json, "log"), (checkedAt != null) ? Instant.parse(checkedAt) : null,
					number(json, "readyMillis"), optionalString(json, "error"));
		}

	}

}
