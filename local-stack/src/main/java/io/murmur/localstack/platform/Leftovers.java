package io.murmur.localstack.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import io.murmur.localstack.platform.PlatformState.Component;
import io.murmur.localstack.platform.PlatformState.ProcessRef;

/**
 * Makes sure nothing a daemon started outlives it: no process from its state and no
 * listener on the ports its components used. Runs after the daemon has exited.
 */
final class Leftovers {

	/** The watchdog gives processes ten seconds to stop before it kills them. */
	private static final Duration WATCHDOG_GRACE = Duration.ofSeconds(20);

	private final PlatformHome home;

	private final PrintStream out;

	Leftovers(PlatformHome home, PrintStream out) {
		this.home = home;
		this.out = out;
	}

	/**
	 * Waits for the processes of a dead daemon to stop, stops those that do not, and
	 * frees the ports they used.
	 * @param state the daemon's last state
	 * @return {@code true} if nothing is left
	 */
	boolean sweep(PlatformState state) {
		Map<ProcessRef, String> owners = processes(state);
		Map<Long, String> names = new LinkedHashMap<>();
		List<ProcessHandle> alive = new ArrayList<>();
		owners.forEach((ref, name) -> Processes.find(ref).ifPresent((handle) -> {
			alive.add(handle);
			names.put(handle.pid(), name);
		}));
		for (ProcessHandle stray : Processes.launchedBelow(this.home.runDir())) {
			if (names.putIfAbsent(stray.pid(), "the platform") == null) {
				alive.add(stray);
			}
		}
		if (!alive.isEmpty() && !Processes.awaitExit(alive, WATCHDOG_GRACE)) {
			List<ProcessHandle> survivors = alive.stream().filter(ProcessHandle::isAlive).toList();
			for (ProcessHandle survivor : survivors) {
				this.out.println("Leftover process of " + names.get(survivor.pid()) + ": pid " + survivor.pid() + " ("
						+ Processes.describe(survivor.pid()) + "); stopping it.");
			}
			Processes.terminate(survivors, Duration.ofSeconds(5));
		}
		Set<Long> known = owners.keySet().stream().map(ProcessRef::pid).collect(Collectors.toSet());
		boolean clean = true;
		for (Map.Entry<Integer, String> port : ports(state).entrySet()) {
			clean &= freePort(port.getKey(), port.getValue(), known);
		}
		List<Long> remaining = alive.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
		boolean processesGone = remaining.isEmpty();
		if (!processesGone) {
			this.out.println("Some processes of the platform could not be stopped: " + remaining);
		}
		return clean && processesGone;
	}

	private boolean freePort(int port, String name, Set<Long> known) {
		if (!Processes.isListening(port)) {
			return true;
		}
		Set<Long> listeners = Processes.listenersOn(port);
		if (listeners.isEmpty()) {
			this.out.println("Port " + port + " of " + name + " is still in use, by a process this user cannot see.");
			return false;
		}
		List<ProcessHandle> ours = new ArrayList<>();
		for (long pid : listeners) {
			if (known.contains(pid) || Processes.worksBelow(pid, this.home.dir())) {
				this.out.println("Port " + port + " of " + name + " is still held by pid " + pid + " ("
						+ Processes.describe(pid) + "); stopping it.");
				ProcessHandle.of(pid).ifPresent(ours::add);
			}
			else {
				this.out.println("Port " + port + " (used by " + name + ") is now taken by pid " + pid + " ("
						+ Processes.describe(pid) + "), which the platform did not start; left alone.");
			}
		}
		Processes.terminate(ours, Duration.ofSeconds(5));
		boolean free = ours.stream().noneMatch(ProcessHandle::isAlive);
		if (!free) {
			this.out.println("Port " + port + " of " + name + " could not be freed.");
		}
		return free;
	}

	static Map<ProcessRef, String> processes(PlatformState state) {
		Map<ProcessRef, String> processes = new LinkedHashMap<>();
		for (Component component : state.components()) {
			component.processes().forEach((process) -> processes.put(process, component.name()));
			if (component.processes().isEmpty() && component.pid() > 0) {
				processes.put(new ProcessRef(component.pid(), 0), component.name());
			}
		}
		state.helpers().forEach((helper) -> processes.put(helper, "daemon helper"));
		return processes;
	}

	private static Map<Integer, String> ports(PlatformState state) {
		Map<Integer, String> ports = new LinkedHashMap<>();
		for (Component component : state.components()) {
			Set<Integer> used = new TreeSet<>(component.ports());
			if (component.endpoint() != null) {
				Processes.portOf(component.endpoint()).ifPresent(used::add);
			}
			used.forEach((port) -> ports.put(port, component.name()));
		}
		return ports;
	}

}
