package io.murmur.post.post;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.springframework.data.cassandra.core.cql.AsyncCqlOperations;
import org.springframework.data.cassandra.core.cql.RowMapper;

/**
 * Reads rows of many posts with one query per {@value #CHUNK} ids ({@code post_id IN ?})
 * rather than one per id, the queries running at once: a page of posts costs a query or
 * two per table. The lists stay short, so the coordinator's extra work stays small.
 */
public final class InQueries {

	/** The most ids one {@code IN} query asks for. */
	public static final int CHUNK = 50;

	private InQueries() {
	}

	/**
	 * Runs a query whose first bind marker is {@code post_id IN ?}.
	 * @param cql the template
	 * @param query the query
	 * @param ids the post ids, duplicates ignored
	 * @param more the values of the query's other bind markers
	 * @param mapper maps a row
	 * @param <T> what a row becomes
	 * @return the rows of every chunk, mapped
	 */
	public static <T> CompletableFuture<List<T>> all(AsyncCqlOperations cql, String query, Collection<Long> ids,
			List<Object> more, RowMapper<T> mapper) {
		List<Long> keys = List.copyOf(new LinkedHashSet<>(ids));
		List<CompletableFuture<List<T>>> reads = new ArrayList<>();
		for (int from = 0; from < keys.size(); from += CHUNK) {
			List<Object> args = new ArrayList<>();
			args.add(keys.subList(from, Math.min(keys.size(), from + CHUNK)));
			args.addAll(more);
			reads.add(cql.query(query, mapper, args.toArray()));
		}
		return CompletableFuture.allOf(reads.toArray(CompletableFuture[]::new))
			.thenApply((done) -> reads.stream().flatMap((read) -> read.join().stream()).toList());
	}

}
