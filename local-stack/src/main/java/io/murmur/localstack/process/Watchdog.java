package io.murmur.localstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The watchdog process of {@link ProcessSupervisor}. It reads {@code watch <pid>} and
 * {@code forget <pid>} lines from its standard input; when the input ends, or the owner
 * pid named on the command line is gone, it stops every tracked process tree and exits.
 * Uses the JDK only, so it starts in a fraction of a second.
 */
public final class Watchdog {

	private static final Duration GRACE = Duration.ofSeconds(10);

	/**
	 * How many rounds of the owner check (one a second) between two looks for
	 * descendants.
	 */
	private static final int DESCENDANTS_EVERY = 5;

	private final Map<Long, ProcessHandle> tracked = new ConcurrentHashMap<>();

	private final Set<ProcessHandle> descendants = ConcurrentHashMap.newKeySet();

	private Watchdog() {
	}

	public static void main(String[] args) throws Exception {
		long ownerPid = Long.parseLong(args[0]);
		Watchdog watchdog = new Watchdog();
		Thread monitor = new Thread(() -> watchdog.monitor(ownerPid), "owner-monitor");
		monitor.setDaemon(true);
		monitor.start();
		watchdog.readLifeline();
		watchdog.reap("owner " + ownerPid + " closed the lifeline");
		System.exit(0);
	}

	private void readLifeline() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.US_ASCII))) {
			String line;
			while ((line = reader.readLine()) != null) {
				String[] parts = line.trim().split(" ");
				if (parts.length != 2) {
					continue;
				}
				long pid = Long.parseLong(parts[1]);
				if (parts[0].equals("watch")) {
					ProcessHandle.of(pid).ifPresent((handle) -> this.tracked.put(pid, handle));
				}
				else if (parts[0].equals("forget")) {
					this.tracked.remove(pid);
				}
			}
		}
		catch (IOException | RuntimeException ex) {
			log("lifeline broken: " + ex);
		}
	}

	private void monitor(long ownerPid) {
		for (long round = 0;; round++) {
			Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
			if (owner.isEmpty() || !owner.get().isAlive()) {
				reap("owner " + ownerPid + " is gone");
				System.exit(0);
			}
			if (round % DESCENDANTS_EVERY == 0) {
				noteDescendants();
			}
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				return;
			}
		}
	}

	/**
	 * Notes the processes the tracked ones started (a store's helpers), so that they are
	 * stopped too even once their parent is gone, and forgets those that ended. One pass
	 * over the process table for all of them: asking each tracked process for its
	 * descendants reads the whole table once per process, every time.
	 */
	private void noteDescendants() {
		this.descendants.removeIf((handle) -> !handle.isAlive());
		if (this.tracked.isEmpty()) {
			return;
		}
		Map<Long, List<ProcessHandle>> children = new HashMap<>();
		ProcessHandle.allProcesses()
			.forEach((process) -> process.parent()
				.ifPresent(
						(parent) -> children.computeIfAbsent(parent.pid(), (pid) -> new ArrayList<>()).add(process)));
		Deque<Long> parents = new ArrayDeque<>(this.tracked.keySet());
		while (!parents.isEmpty()) {
			for (ProcessHandle child : children.getOrDefault(parents.pop(), List.of())) {
				this.descendants.add(child);
				parents.push(child.pid());
			}
		}
	}

	private synchronized void reap(String reason) {
		if (this.tracked.isEmpty()) {
			return;
		}
		log(reason + "; stopping " + this.tracked.keySet());
		this.tracked.values().forEach((handle) -> handle.descendants().forEach(this.descendants::add));
		this.tracked.values().forEach(ProcessHandle::destroy);
		this.descendants.forEach(ProcessHandle::destroy);
		Instant deadline = Instant.now().plus(GRACE);
		while (Instant.now().isBefore(deadline) && anyAlive()) {
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				break;
			}
		}
		this.tracked.values().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		this.descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
		this.tracked.clear();
		log("stopped");
	}

	private boolean anyAlive() {
		return this.tracked.values().stream().anyMatch(ProcessHandle::isAlive)
				|| this.descendants.stream().anyMatch(ProcessHandle::isAlive);
	}

	private static void log(String message) {
		System.out.println(Instant.now() + " watchdog: " + message);
		System.out.flush();
	}

}
