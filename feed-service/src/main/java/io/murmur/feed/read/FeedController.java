package io.murmur.feed.read;

import java.math.BigDecimal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.ParameterCustomizer;

import org.springframework.context.annotation.Bean;
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
@Tag(name = "feed", description = "The reader's home feed")
class FeedController {

	private final FeedReader reader;

	private final FeedProperties.Read settings;

	FeedController(FeedReader reader, FeedProperties properties) {
		this.reader = reader;
		this.settings = properties.read();
	}

	/**
	 * States the page size bounds in the document as the service is configured, since
	 * they are settings rather than annotations.
	 * @param properties the feed settings
	 * @return the customizer of the {@code limit} parameter
	 */
	@Bean
	static ParameterCustomizer feedLimitBounds(FeedProperties properties) {
		return (parameter, methodParameter) -> {
			if (parameter != null && parameter.getSchema() != null
					&& methodParameter.getContainingClass() == FeedController.class
					&& "limit".equals(parameter.getName())) {
				parameter.getSchema()
					.minimum(BigDecimal.ONE)
					.maximum(BigDecimal.valueOf(properties.read().maxLimit()))
					._default(properties.read().defaultLimit());
			}
			return parameter;
		};
	}

	@GetMapping("/api/v1/feed")
	@Operation(operationId = "getFeed", summary = "The caller's home feed, newest first, a page at a time")
	FeedPage feed(@AuthenticationPrincipal Jwt token, @RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String cursor) {
		int size = (limit != null) ? limit : this.settings.defaultLimit();
		if (size < 1 || size > this.settings.maxLimit()) {
			throw ProblemException.invalidField("limit", "must be between 1 and " + this.settings.maxLimit());
		}
		return this.reader.read(CurrentUser.of(token), token.getTokenValue(), size, FeedCursor.parse(cursor));
	}

}
