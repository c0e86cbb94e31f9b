package io.murmur.benchmarks.graph;

import java.util.Arrays;

import io.murmur.localstack.graph.SocialGraph;

/**
 * A directed follow graph over users {@code 0 .. users-1}: edge {@code i} says that
 * {@code followers[i]} follows {@code followees[i]}. Edges are unique, never a user
 * following itself, and sorted by follower then followee, so that two graphs built from
 * the same input are equal array for array.
 *
 * @param name what the graph is, for the report
 * @param users how many users there are
 * @param followers the following side of each edge
 * @param followees the followed side of each edge
 */
public record FollowGraph(String name, int users, int[] followers, int[] followees) {

	public FollowGraph {
		if (followers.length != followees.length) {
			throw new IllegalArgumentException("Both sides of every edge are needed");
		}
	}

	/**
	 * Builds a graph from edges packed as {@code follower << 32 | followee}, dropping
	 * self-follows and duplicates.
	 * @param name what the graph is
	 * @param users how many users there are
	 * @param packed the edges, in any order; sorted in place
	 * @param count how many of {@code packed} are edges
	 * @return the graph
	 */
	static FollowGraph fromPacked(String name, int users, long[] packed, int count) {
		Arrays.sort(packed, 0, count);
		int[] followers = new int[count];
		int[] followees = new int[count];
		int edges = 0;
		long previous = -1;
		for (int i = 0; i < count; i++) {
			long edge = packed[i];
			int follower = (int) (edge >>> 32);
			int followee = (int) edge;
			if (edge != previous && follower != followee) {
				followers[edges] = follower;
				followees[edges] = followee;
				edges++;
			}
			previous = edge;
		}
		return new FollowGraph(name, users, Arrays.copyOf(followers, edges), Arrays.copyOf(followees, edges));
	}

	/**
	 * The follow graph of friendships: both directions of each, the people numbered
	 * densely in ascending order of their node ids.
	 * @param name what the graph is
	 * @param friendships the people and who is a friend of whom
	 * @return the graph
	 */
	public static FollowGraph ofFriendships(String name, SocialGraph friendships) {
		int[] nodes = friendships.nodes().stream().mapToInt(Integer::intValue).toArray();
		long[] packed = new long[friendships.follows()];
		int count = 0;
		for (int user = 0; user < nodes.length; user++) {
			for (int friend : friendships.neighbours(nodes[user])) {
				packed[count++] = pack(user, Arrays.binarySearch(nodes, friend));
			}
		}
		return fromPacked(name, nodes.length, packed, count);
	}

	static long pack(int follower, int followee) {
		return ((long) follower << 32) | (followee & 0xFFFFFFFFL);
	}

	/**
	 * How many follow edges there are.
	 * @return the edge count
	 */
	public int edges() {
		return this.followers.length;
	}

	/**
	 * Each user's follower count (in-degree): how many timelines a post of theirs fans
	 * out to.
	 * @return follower counts indexed by user
	 */
	public int[] followerCounts() {
		int[] counts = new int[this.users];
		for (int followee : this.followees) {
			counts[followee]++;
		}
		return counts;
	}

	/**
	 * The users with at least {@code threshold} followers: the accounts whose posts a
	 * hybrid feed pulls at read time instead of pushing.
	 * @param threshold the celebrity threshold
	 * @return the celebrities' ids, ascending
	 */
	public int[] celebrities(int threshold) {
		int[] counts = followerCounts();
		return java.util.stream.IntStream.range(0, this.users).filter((user) -> counts[user] >= threshold).toArray();
	}

	/**
	 * The shape of the follower-count distribution.
	 * @param celebrityThreshold the celebrity threshold
	 * @return the summary
	 */
	public DegreeSummary degreeSummary(int celebrityThreshold) {
		return DegreeSummary.of(this, celebrityThreshold);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof FollowGraph that && this.name.equals(that.name) && this.users == that.users
				&& Arrays.equals(this.followers, that.followers) && Arrays.equals(this.followees, that.followees);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * this.users + Arrays.hashCode(this.followers)) + Arrays.hashCode(this.followees);
	}

	@Override
	public String toString() {
		return this.name + " (" + this.users + " users, " + edges() + " follows)";
	}

}
