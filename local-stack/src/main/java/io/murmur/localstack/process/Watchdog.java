package io.murmur.localstack.process;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
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
		while (true) {
			Optional<ProcessHandle> owner = ProcessHandle.of(ownerPid);
			if (owner.isEmpty() || !owner.get().isAlive()) {
				reap("owner " + ownerPid + " is gone");
				System.exit(0);
			}
			this.tracked.values().forEach((handle) -> handle.descendants().forEach(this.descendants::add));
			try {
				Thread.sleep(1000);
			}
			catch (InterruptedException ex) {
				return;
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
