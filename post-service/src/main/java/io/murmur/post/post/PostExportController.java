package io.murmur.post.post;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.datastax.oss.driver.api.core.CqlSession;
import com.datastax.oss.driver.api.core.cql.PreparedStatement;
import com.datastax.oss.driver.api.core.cql.Row;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.web.ProblemException;

/**
 * Every post, page by page, for search-service to rebuild its index from the source of
 * truth. Internal: the gateway never routes {@code /internal}, and it takes a service
 * token.
 * <p>
 * It walks the {@code posts} table in token order, {@code limit} rows a page, so each
 * page is one range read over the ring; the cursor is the token of the last row read. A
 * page may hold fewer posts than {@code limit} (reposts are skipped, as they have no text
 * of their own) and only the last page has no {@code nextCursor}. Posts written during
 * the walk may or may not be in it: search-service receives them as events too.
 */
@RestController
class PostExportController {

	static final int MAX_LIMIT = 1000;

	private final CqlSession session;

	private final PreparedStatement first;

	private final PreparedStatement after;

	PostExportController(CqlSession session) {
		this.session = session;
		String columns = "SELECT token(post_id) AS position, post_id, author_id, created_at, text, media_ids,"
				+ " reply_to, quote_of, repost_of, mentions, hashtags FROM posts";
		this.first = session.prepare(columns + " LIMIT ?");
		this.after = session.prepare(columns + " WHERE token(post_id) > ? LIMIT ?");
	}

	@GetMapping("/internal/posts/export")
	ExportPage export(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "500") @Min(1) @Max(MAX_LIMIT) int limit) {
		Iterable<Row> rows = (cursor != null) ? this.session.execute(this.after.bind(position(cursor), limit))
				: this.session.execute(this.first.bind(limit));
		List<ExportedPost> items = new ArrayList<>();
		Long last = null;
		int read = 0;
		for (Row row : rows) {
			read++;
			last = row.getLong("position");
			if (row.isNull("repost_of")) {
				items.add(ExportedPost.of(row));
			}
		}
		String next = (read == limit && last != null) ? Long.toString(last) : null;
		return new ExportPage(items, next);
	}

	private static long position(String cursor) {
		try {
			return Long.parseLong(cursor);
		}
		catch (NumberFormatException ex) {
			throw ProblemException.invalidField("cursor", "must be a cursor this endpoint returned");
		}
	}

	/**
	 * A page of posts.
	 *
	 * @param items the posts
	 * @param nextCursor where the next page starts, {@code null} after the last
	 */
	record ExportPage(List<ExportedPost> items, @Nullable String nextCursor) {

	}

	/**
	 * A post as search indexes it; ids are strings like every id of the API.
	 *
	 * @param id the post id
	 * @param authorId the author
	 * @param createdAt when it was posted
	 * @param text the text
	 * @param mediaIds attached media
	 * @param replyTo the post it replies to, if any
	 * @param quoteOf the post it quotes, if any
	 * @param mentions the mentioned users' handles by user id
	 * @param hashtags the hashtags, lower case, without {@code #}
	 */
	record ExportedPost(String id, String authorId, Instant createdAt, String text, List<String> mediaIds,
			@Nullable String replyTo, @Nullable String quoteOf, Map<String, String> mentions, List<String> hashtags) {

		static ExportedPost of(Row row) {
			Map<String, String> mentions = new LinkedHashMap<>();
			row.getMap("mentions", Long.class, String.class)
				.forEach((id, handle) -> mentions.put(Long.toString(id), handle));
			return new ExportedPost(Long.toString(row.getLong("post_id")), Long.toString(row.getLong("author_id")),
					row.getInstant("created_at"), row.getString("text"),
					row.getList("media_ids", Long.class).stream().map(String::valueOf).toList(),
					row.isNull("reply_to") ? null : Long.toString(row.getLong("reply_to")),
					row.isNull("quote_of") ? null : Long.toString(row.getLong("quote_of")), mentions,
					row.getList("hashtags", String.class));
		}

	}

}
