package io.murmur.user.profile;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.support.web.ProblemException;
import io.murmur.support.web.UserIds;

/**
 * Every user's public profile, page by page in id order, for search-service to rebuild
 * its people index from the source of truth. Internal: the gateway never routes
 * {@code /internal}, and it takes a service token. The cursor is the last id of a page;
 * only the last page has no {@code nextCursor}.
 */
@RestController
class UserExportController {

	static final int MAX_LIMIT = 1000;

	private final JdbcClient jdbc;

	UserExportController(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@GetMapping("/internal/users/export")
	ExportPage export(@RequestParam(required = false) @Nullable String cursor,
			@RequestParam(defaultValue = "500") @Min(1) @Max(MAX_LIMIT) int limit) {
		long after = 0;
		if (cursor != null) {
			after = UserIds.parse(cursor)
				.orElseThrow(() -> ProblemException.invalidField("cursor", "must be a cursor this endpoint returned"));
		}
		List<ExportedUser> items = this.jdbc
			.sql("SELECT id, handle, display_name, bio, created_at FROM users WHERE id > ? ORDER BY id LIMIT ?")
			.params(after, limit)
			.query((row, number) -> new ExportedUser(Long.toString(row.getLong("id")), row.getString("handle"),
					row.getString("display_name"), row.getString("bio"), row.getTimestamp("created_at").toInstant()))
			.list();
		String next = (items.size() == limit) ? items.get(items.size() - 1).id() : null;
		return new ExportPage(items, next);
	}

	/**
	 * A page of users.
	 *
	 * @param items the users
	 * @param nextCursor where the next page starts, {@code null} after the last
	 */
	record ExportPage(List<ExportedUser> items, @Nullable String nextCursor) {

	}

	/**
	 * A user as search indexes them.
	 *
	 * @param id the user id
	 * @param handle the handle
	 * @param displayName the display name
	 * @param bio the bio
	 * @param createdAt when the account was created
	 */
	record ExportedUser(String id, String handle, String displayName, String bio, Instant createdAt) {

	}

}
