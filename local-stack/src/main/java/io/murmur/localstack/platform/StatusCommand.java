package io.murmur.localstack.platform;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import io.murmur.localstack.platform.PlatformState.Phase;

/**
 * {@code ./platform status}: what runs where and whether the daemon's latest checks found
 * it healthy.
 */
final class StatusCommand {

	static final int HEALTHY = 0;

	static final int NOT_HEALTHY = 1;

	static final int NOT_RUNNING = 3;

	private final PlatformHome home;

	private final PrintStream out;

	StatusCommand(PlatformHome home, PrintStream out) {
		this.home = home;
		this.out = out;
	}

	int run() {
		Optional<PlatformState> state = this.home.readState();
		if (!this.home.isDaemonRunning()) {
			describeNotRunning(state);
			return NOT_RUNNING;
		}
		if (state.isEmpty()) {
			this.out.println("The platform daemon runs but has not published its state yet; try again in a moment.");
			return NOT_HEALTHY;
		}
		PlatformState current = state.get();
		Instant now = Instant.now();
		this.out.println("Murmur platform: " + current.phase().id() + ", daemon pid " + current.daemonPid() + ", up "
				+ StatusTable.duration(Duration.between(current.startedAt(), now)) + ", health checked "
				+ StatusTable.ago(current.updatedAt(), now));
		boolean stale = current.isStale(now);
		if (stale) {
			this.out.println("STALE: the daemon has not refreshed its checks for "
					+ StatusTable.duration(Duration.between(current.updatedAt(), now))
					+ "; the health below may be out of date (see ./platform logs daemon).");
		}
		this.out.println();
		StatusTable.print(current, this.out);
		boolean healthy = current.phase() == Phase.RUNNING && current.isAllHealthy() && !stale;
		if (!healthy) {
			this.out.println();
			this.out.println("Not everything is healthy.");
		}
		return healthy ? HEALTHY : NOT_HEALTHY;
	}

	private void describeNotRunning(Optional<PlatformState> state) {
		if (state.isEmpty()) {
			this.out.println("The platform is not running. Start it with ./platform up.");
			return;
		}
		PlatformState last = state.get();
		if (last.phase() == Phase.FAILED) {
			this.out.println("The platform is not running: its last start failed ("
					+ StatusTable.ago(last.updatedAt(), Instant.now()) + "): " + last.message());
			this.out.println("See ./platform logs NAME for the component's log.");
		}
		else {
			this.out.println("The platform is not running: its daemon (pid " + last.daemonPid()
					+ ") is gone without cleaning up. ./platform down checks that nothing it started is left.");
		}
	}

}
