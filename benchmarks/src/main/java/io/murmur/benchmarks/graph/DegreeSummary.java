package io.murmur.benchmarks.graph;

import java.util.Arrays;

/**
 * The follower-count distribution of a graph in a few numbers, for the report and for
 * checking that a generated graph is as skewed as a real social graph.
 *
 * @param users how many users there are
 * @param edges how many follows there are
 * @param medianFollowers the median follower count
 * @param p99Followers the 99th percentile of follower counts
 * @param maxFollowers the largest follower count
 * @param top1PercentShare the share of all follows that go to the 1% most followed
 * @param celebrityThreshold the follower count from which an account is a celebrity
 * @param celebrities how many accounts reach it
 */
public record DegreeSummary(int users, int edges, int medianFollowers, int p99Followers, int maxFollowers,
		double top1PercentShare, int celebrityThreshold, int celebrities) {

	static DegreeSummary of(FollowGraph graph, int celebrityThreshold) {
		int[] counts = graph.followerCounts();
		Arrays.sort(counts);
		int n = counts.length;
		if (n == 0) {
			return new DegreeSummary(0, 0, 0, 0, 0, 0, celebrityThreshold, 0);
		}
		int top = Math.max(1, n / 100);
		long topFollows = 0;
		for (int i = n - top; i < n; i++) {
			topFollows += counts[i];
		}
		int celebrities = (int) Arrays.stream(counts).filter((count) -> count >= celebrityThreshold).count();
		double share = (graph.edges() != 0) ? (double) topFollows / graph.edges() : 0;
		return new DegreeSummary(n, graph.edges(), counts[n / 2], counts[Math.min(n - 1, (int) (n * 0.99))],
				counts[n - 1], share, celebrityThreshold, celebrities);
	}

}
