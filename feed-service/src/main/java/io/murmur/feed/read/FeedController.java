package io.murmur.feed.read;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.murmur.feed.config.FeedProperties;
import io.murmur.support.security.CurrentUser;
import io.murmur.support.web.ProblemException;

/**
 * The reader's home feed, newest first, a page at a time. The reader is the subject of
 * the access token.
 */
@RestController
class FeedController {

	private final FeedReader reader;

	private final FeedProperties.Read settings;

	FeedController(FeedReader reader, FeedProperties properties) {
		this.reader = reader;
		this.settings = properties.read();
	}

	@GetMapping("/api/v1/feed")
	FeedPage feed(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int size = (limit != null) ? limit : this.settings.defaultLimit();
		if (size < 1 || size > this.settings.maxLimit()) {
			throw ProblemException.invalidField("limit", "must be between 1 and " + this.settings.maxLimit());
		}
		return this.reader.read(CurrentUser.of(token), token.getTokenValue(), size, FeedCursor.parse(cursor));
	}

}
