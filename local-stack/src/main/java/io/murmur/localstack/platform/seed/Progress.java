package io.murmur.localstack.platform.seed;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;

/**
 * Counts what one step of the seeding has done and prints how far it is and how fast it
 * goes each time another tenth is done, and in between when a long step has said nothing
 * for a while; then one line with the total.
 */
final class Progress {

	private final PrintStream out;

	private final String name;

	private final int total;

	private final Duration quietest;

	private final String createdWord;

	private final long started = System.nanoTime();

	private long lastPrinted = this.started;

	private long lastPrintedTenth;

	private int done;

	private int created;

	/**
	 * Progress of a step.
	 * @param out where to print
	 * @param name what the step counts
	 * @param total how many items the step has
	 * @param quietest the longest time without a line while the step runs
	 */
	Progress(PrintStream out, String name, int total, Duration quietest) {
		this(out, name, total, quietest, "new");
	}

	/**
	 * Progress of a step that says in its own word what it did now.
	 * @param out where to print
	 * @param name what the step counts
	 * @param total how many items the step has
	 * @param quietest the longest time without a line while the step runs
	 * @param createdWord what the items done now are, such as {@code signed in}
	 */
	Progress(PrintStream out, String name, int total, Duration quietest, String createdWord) {
		this.out = out;
		this.name = name;
		this.total = total;
		this.quietest = quietest;
		this.createdWord = createdWord;
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
		long tenth = this.done * 10L / Math.max(1, this.total);
		if (this.done < this.total
				&& (tenth > this.lastPrintedTenth || now - this.lastPrinted >= this.quietest.toNanos())) {
			this.lastPrinted = now;
			this.lastPrintedTenth = tenth;
			this.out.printf(Locale.ROOT, "  %-8s %,9d / %,d  %3d%%  %,.1f/s%n", this.name, this.done, this.total,
					this.done * 100L / Math.max(1, this.total), rate(this.done, now));
		}
	}

	/**
	 * Prints and returns the step's result.
	 * @return what the step did
	 */
	synchronized SeedReport.Step finish() {
		long now = System.nanoTime();
		Duration took = Duration.ofNanos(now - this.started);
		String created = (this.created > 0) ? String.format(Locale.ROOT, "%,d %s (%,.1f/s)", this.created,
				this.createdWord, rate(this.created, now)) : "nothing new";
		String existing = (this.done > this.created)
				? String.format(Locale.ROOT, ", %,d already there", this.done - this.created) : "";
		this.out.printf(Locale.ROOT, "  %-8s %,9d done in %s: %s%s%n", this.name, this.done, SeedReport.format(took),
				created, existing);
		return new SeedReport.Step(this.done, this.created, took);
	}

	private double rate(int count, long now) {
		return count / Math.max(1e-3, (now - this.started) / 1e9);
	}

}
