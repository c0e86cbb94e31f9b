package io.murmur.benchmarks.feed;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;

import io.murmur.benchmarks.graph.FollowGraph;

/**
 * Who plays which part in a follow graph, chosen from its shape with a fixed seed, so
 * that every run casts the same users.
 *
 * @param celebrities users at or above the push threshold
 * @param fanOutAuthors the most-followed users below it, whose posts make fan-out work
 * @param lagAuthors users with about 1,000 followers, for the delivery lag
 * @param contentAuthors users whose posts fill the readers' feeds and timelines
 * @param readers users who read their home feeds and post
 * @param followers the follower count of every user
 */
public record Cast(List<Integer> celebrities, List<Integer> fanOutAuthors, List<Integer> lagAuthors,
		List<Integer> contentAuthors, List<Integer> readers, int[] followers) {

	/**
	 * A reader follows at least this many content authors, so that with a few posts each
	 * a first page of 20 is full.
	 */
	static final int MIN_CONTENT_FOLLOWEES = 7;

	/**
	 * Casts a graph.
	 * @param graph the graph
	 * @param threshold the push threshold
	 * @param readerCount how many readers
	 * @param contentAuthorCount how many of the most-followed users write content
	 * @param seed the seed
	 * @return the cast
	 */
	public static Cast of(FollowGraph graph, int threshold, int readerCount, int contentAuthorCount, long seed) {
		int[] followers = graph.followerCounts();
		List<Integer> byFollowers = IntStream.range(0, graph.users())
			.boxed()
			.sorted(Comparator.comparingInt((Integer user) -> followers[user]).reversed())
			.toList();
		List<Integer> celebrities = byFollowers.stream().filter((user) -> followers[user] >= threshold).toList();
		List<Integer> fanOutAuthors = byFollowers.stream()
			.filter((user) -> followers[user] < threshold)
			.limit(20)
			.toList();
		List<Integer> lagAuthors = IntStream.range(0, graph.users())
			.boxed()
			.filter((user) -> followers[user] < threshold)
			.sorted(Comparator.comparingInt((Integer user) -> Math.abs(followers[user] - 1000)))
			.limit(5)
			.toList();
		Set<Integer> content = new LinkedHashSet<>(byFollowers.subList(0, Math.min(contentAuthorCount, graph.users())));
		content.addAll(lagAuthors);
		boolean[] isContent = new boolean[graph.users()];
		content.forEach((user) -> isContent[user] = true);
		int[] contentFollowees = new int[graph.users()];
		for (int edge = 0; edge < graph.edges(); edge++) {
			if (isContent[graph.followees()[edge]]) {
				contentFollowees[graph.followers()[edge]]++;
			}
		}
		List<Integer> candidates = new ArrayList<>(IntStream.range(0, graph.users())
			.filter((user) -> contentFollowees[user] >= MIN_CONTENT_FOLLOWEES && followers[user] < threshold)
			.boxed()
			.toList());
		java.util.Collections.shuffle(candidates, new Random(seed));
		List<Integer> readers = List.copyOf(candidates.subList(0, Math.min(readerCount, candidates.size())));
		return new Cast(celebrities, fanOutAuthors, lagAuthors, List.copyOf(content), readers, followers);
	}

	/**
	 * Everyone reads, writes and is read, as in DeathStarBench's social network on a
	 * small graph.
	 * @param graph the graph
	 * @param threshold the push threshold
	 * @return the cast
	 */
	public static Cast everyone(FollowGraph graph, int threshold) {
		int[] followers = graph.followerCounts();
		List<Integer> all = IntStream.range(0, graph.users()).boxed().toList();
		return new Cast(all.stream().filter((user) -> followers[user] >= threshold).toList(), List.of(), List.of(), all,
				all, followers);
	}

	/**
	 * A follower of each user, picked with a fixed seed.
	 * @param graph the graph
	 * @param users the users
	 * @param seed the seed
	 * @return one follower per user, in the same order
	 */
	public static List<Integer> aFollowerOf(FollowGraph graph, List<Integer> users, long seed) {
		Random random = new Random(seed);
		List<Integer> picked = new ArrayList<>();
		for (int user : users) {
			List<Integer> followers = new ArrayList<>();
			for (int edge = 0; edge < graph.edges(); edge++) {
				if (graph.followees()[edge] == user) {
					followers.add(graph.followers()[edge]);
				}
			}
			picked.add(followers.get(random.nextInt(followers.size())));
		}
		return picked;
	}

}
