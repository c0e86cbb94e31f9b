package io.murmur.benchmarks.graph;

import java.util.SplittableRandom;

/**
 * A synthetic follow graph whose follower counts follow a power law, in the Chung-Lu
 * style: the user of popularity rank {@code r} gets a weight proportional to
 * {@code 1 / r^exponent} (Zipf), every follow picks its followee in proportion to those
 * weights and its follower uniformly. A Zipf exponent {@code s} gives a follower-count
 * distribution with tail exponent {@code 1 + 1/s}: the default 0.9 gives about 2.1,
 * within what is measured on Twitter (2 to 2.3). Ranks are dealt to user ids by a seeded
 * shuffle, so the celebrities are not simply the first ids. The same settings and seed
 * always give the same graph.
 *
 * @param users how many users
 * @param meanFollowing how many accounts a user follows on average, before duplicates are
 * dropped
 * @param zipfExponent the Zipf exponent of popularity
 * @param seed the random seed
 */
public record PowerLawGraph(int users, int meanFollowing, double zipfExponent, long seed) {

	/**
	 * The default shape: 100,000 users who follow 10 accounts on average (about a million
	 * follows, which the graph import loads in minutes on a small machine), five of them
	 * above the celebrity threshold of 10,000 followers.
	 */
	public static final PowerLawGraph DEFAULT = new PowerLawGraph(100_000, 10, 0.9, 20_260_101L);

	public PowerLawGraph {
		if (users < 2 || meanFollowing < 1 || zipfExponent <= 0) {
			throw new IllegalArgumentException("At least two users, one follow each and a positive exponent");
		}
		if ((long) users * meanFollowing > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("Too many follows for one graph");
		}
	}

	/**
	 * Generates the graph.
	 * @return the graph
	 */
	public FollowGraph generate() {
		SplittableRandom random = new SplittableRandom(this.seed);
		int[] userOfRank = shuffledIds(random);
		double[] cumulative = new double[this.users];
		double total = 0;
		for (int rank = 0; rank < this.users; rank++) {
			total += 1 / Math.pow(rank + 1, this.zipfExponent);
			cumulative[rank] = total;
		}
		int count = this.users * this.meanFollowing;
		long[] packed = new long[count];
		for (int i = 0; i < count; i++) {
			int followee = userOfRank[rankOf(cumulative, random.nextDouble() * total)];
			int follower = random.nextInt(this.users);
			packed[i] = FollowGraph.pack(follower, followee);
		}
		String name = String.format("power-law (%,d users, Zipf %.2f, seed %d)", this.users, this.zipfExponent,
				this.seed);
		return FollowGraph.fromPacked(name, this.users, packed, count);
	}

	private int[] shuffledIds(SplittableRandom random) {
		int[] ids = new int[this.users];
		for (int i = 0; i < ids.length; i++) {
			ids[i] = i;
		}
		for (int i = ids.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			int swap = ids[i];
			ids[i] = ids[j];
			ids[j] = swap;
		}
		return ids;
	}

	private static int rankOf(double[] cumulative, double point) {
		int low = 0;
		int high = cumulative.length - 1;
		while (low < high) {
			int mid = (low + high) >>> 1;
			if (cumulative[mid] < point) {
				low = mid + 1;
			}
			else {
				high = mid;
			}
		}
		return low;
	}

}
