package io.murmur.localstack.platform.seed;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts what one step of the seeding has done and prints, at most every few seconds, how
 * far it is and how fast it goes; then one line with the total.
 */
final class Progress {

	private final PrintStream out;

	private final String name;

	private final int total;

	private final Duration interval;

	private final long started = System.nanoTime();

	private long lastPrinted = this.started;

	private int done;

	private int created;

	Progress(PrintStream out, String name, int total, Duration interval) {
		this.out = out;
		this.name = name;
		this.total = total;
		this.interval = interval;
	}

	/**
	 * Counts items done.
	 * @param count how many
	 * @param createdNow whether they were created now, rather than found already there
	 */
	synchronized void add(int count, boolean createdNow) {
		this.done += count;
		if (createdNow) {
			this.created += count;
		}
		long now = System.nanoTime();
		if (now - this.lastPrinted >= this.interval.toNanos() && this.done < this.total) {
			this.lastPrinted = now;
			this.out.printf(Locale.ROOT, "  %-8s %,9d / %,d  %3d%%  %,.1f/s%n", this.name, this.done, this.total,
					this.done * 100L / Math.max(1, this.total), rate(this.created, now));
		}
	}

	/**
	 * Prints and returns the step's result.
	 * @return what the step did
	 */
	synchronized SeedReport.Step finish() {
		long now = System.nanoTime();
		Duration took = Duration.ofNanos(now - this.started);
		String existing = (this.done > this.created)
				? String.format(Locale.ROOT, ", %,d already there", this.done - this.created) : "";
		this.out.printf(Locale.ROOT, "  %-8s %,9d done in %s: %,d new (%,.1f/s)%s%n", this.name, this.done,
				SeedReport.format(took), this.created, rate(this.created, now), existing);
		return new SeedReport.Step(this.done, this.created, took);
	}

	private double rate(int count, long now) {
		return count / Math.max(1e-3, (now - this.started) / 1e9);
	}

}
