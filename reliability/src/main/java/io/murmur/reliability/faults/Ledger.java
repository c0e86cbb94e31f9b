package io.murmur.reliability.faults;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.jspecify.annotations.Nullable;

import io.murmur.reliability.faults.PublicApi.Account;

/**
 * What the platform acknowledged, and what it may have done without saying so. The
 * acknowledged writes are what must never be lost; the writes of unknown outcome (no
 * answer, or a 5xx) may have happened or not, but at most once.
 */
public final class Ledger {

	private final ConcurrentLinkedQueue<Account> accounts = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Post> posts = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<String> unknownPosts = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Follow> follows = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Follow> unknownFollows = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Like> likes = new ConcurrentLinkedQueue<>();

	private final ConcurrentLinkedQueue<Like> unknownLikes = new ConcurrentLinkedQueue<>();

	private final Set<String> tried = ConcurrentHashMap.newKeySet();

	void account(Account account) {
		this.accounts.add(account);
	}

	void post(Post post) {
		this.posts.add(post);
	}

	void unknownPost(String token) {
		this.unknownPosts.add(token);
	}

	/**
	 * Claims a follow or a like before it is sent, so that no pair is ever tried twice: a
	 * second try would hide a duplicate the platform made of the first.
	 * @param kind what is claimed
	 * @param who the actor
	 * @param what the followee or the post
	 * @return {@code true} if the pair was free
	 */
	boolean claim(String kind, String who, String what) {
		return this.tried.add(kind + ":" + who + ":" + what);
	}

	void follow(Follow follow, boolean acknowledged) {
		(acknowledged ? this.follows : this.unknownFollows).add(follow);
	}

	void like(Like like, boolean acknowledged) {
		(acknowledged ? this.likes : this.unknownLikes).add(like);
	}

	public List<Account> accounts() {
		return List.copyOf(this.accounts);
	}

	public List<Post> posts() {
		return List.copyOf(this.posts);
	}

	public List<String> unknownPosts() {
		return List.copyOf(this.unknownPosts);
	}

	public List<Follow> follows() {
		return List.copyOf(this.follows);
	}

	public List<Follow> unknownFollows() {
		return List.copyOf(this.unknownFollows);
	}

	public List<Like> likes() {
		return List.copyOf(this.likes);
	}

	public List<Like> unknownLikes() {
		return List.copyOf(this.unknownLikes);
	}

	/**
	 * An acknowledged post or reply.
	 *
	 * @param id the post id the platform gave it
	 * @param author who wrote it
	 * @param token a word no other post holds, to search it by
	 * @param replyTo the post it answers, or {@code null}
	 * @param replyToAuthor that post's author
	 * @param mediaId its photo, or {@code null}
	 * @param acknowledgedAt when the 201 arrived, in {@link CallLog#now()} milliseconds
	 */
	public record Post(String id, Account author, String token, @Nullable String replyTo,
			@Nullable Account replyToAuthor, @Nullable String mediaId, long acknowledgedAt) {

	}

	/**
	 * A follow.
	 *
	 * @param follower who follows
	 * @param followee whom
	 * @param acknowledgedAt when the 204 arrived; for one of unknown outcome, when it was
	 * given up
	 */
	public record Follow(Account follower, Account followee, long acknowledgedAt) {

	}

	/**
	 * A like.
	 *
	 * @param liker who likes
	 * @param post which post
	 */
	public record Like(Account liker, Post post) {

	}

}
